import type { Pool, PoolClient, QueryConfig, QueryResult, QueryResultRow } from "pg";

/** Runs one statement. */
export interface Queries {
  query<R extends QueryResultRow = QueryResultRow>(text: string, values?: readonly unknown[]): Promise<QueryResult<R>>;
}

/** The adapter's way to the server: single statements, and transactions on one pooled connection. */
export interface Database extends Queries {
  /**
   * Runs `work` between BEGIN and COMMIT on one pooled connection. `work` resolving `null` rolls back (nothing it
   * did stays) and resolves `null`; a failure rolls back and rejects. The connection goes back to the pool, or is
   * thrown away when it can no longer be trusted (it died, or a statement got no answer in time: the server rolls
   * back what a closed connection left open).
   */
  transaction<T>(work: (queries: Queries) => Promise<T | null>): Promise<T | null>;
}

/**
 * Wraps a pool so every statement carries a client-side deadline (`query_timeout`): a server that stops answering
 * fails the statement after `timeoutMs`, and pg then drops that connection instead of handing it out again. It
 * holds for a pool the caller made with no timeouts of its own, too.
 *
 * @example
 * const db = database(pool, 5_000);
 * await db.transaction(async (tx) => ((await tx.query(sql, values)).rowCount === 1 ? true : null));
 */
export function database(pool: Pool, timeoutMs: number): Database {
  return {
    query: (text, values) => pool.query(statement(text, values, timeoutMs)),
    transaction: (work) => transaction(pool, timeoutMs, work),
  };
}

function statement(text: string, values: readonly unknown[] | undefined, timeoutMs: number): QueryConfig {
  // query_timeout per statement is read by pg's client, though its types only list it for a whole client.
  return { text, ...(values === undefined ? {} : { values: [...values] }), query_timeout: timeoutMs } as QueryConfig;
}

async function transaction<T>(pool: Pool, timeoutMs: number, work: (queries: Queries) => Promise<T | null>): Promise<T | null> {
  const client = await pool.connect();
  // pg-pool listens for errors only on idle clients: without this, a connection dying while we hold it would be an
  // unhandled 'error' event and crash the process. The failure still reaches us through the pending statement.
  const ignore = (): void => {};
  client.on("error", ignore);
  const queries: Queries = { query: (text, values) => client.query(statement(text, values, timeoutMs)) };
  let reusable = true;
  try {
    await queries.query("BEGIN");
    const result = await work(queries);
    await queries.query(result === null ? "ROLLBACK" : "COMMIT");
    return result;
  } catch (error) {
    // After a statement timed out the connection may still be busy with it: a ROLLBACK would only wait behind it.
    reusable = !isReadTimeout(error) && (await rollBack(client, timeoutMs));
    throw error;
  } finally {
    client.removeListener("error", ignore);
    client.release(!reusable);
  }
}

function rollBack(client: PoolClient, timeoutMs: number): Promise<boolean> {
  return client.query(statement("ROLLBACK", undefined, timeoutMs)).then(
    () => true,
    () => false,
  );
}

/**
 * pg's own words for "no answer in time": a statement past `query_timeout`, a connection not made in time, or the
 * server cancelling a statement past `statement_timeout` (SQLSTATE 57014).
 *
 * @example
 * isTimeout(new Error("Query read timeout")) // => true
 */
export function isTimeout(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return isReadTimeout(error) || /timeout exceeded when trying to connect|connection timeout/i.test(error.message) || (error as { code?: unknown }).code === "57014";
}

function isReadTimeout(error: unknown): boolean {
  return error instanceof Error && error.message === "Query read timeout";
}
