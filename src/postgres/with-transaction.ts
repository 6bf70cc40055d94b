import type { Pool, PoolClient } from "pg";

/**
 * Runs `work` between BEGIN and COMMIT on one pooled connection. `work` resolving `null` rolls back (nothing it did
 * stays) and resolves `null`; a failure rolls back and rejects. The connection goes back to the pool either way, or
 * is thrown away when it can no longer roll back (it died mid-transaction).
 *
 * @example
 * await withTransaction(pool, async (client) => (await client.query(sql, values)).rowCount === 1 ? true : null);
 */
export async function withTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T | null>): Promise<T | null> {
  const client = await pool.connect();
  // pg-pool listens for errors only on idle clients: without this, a connection dying while we hold it would be an
  // unhandled 'error' event and crash the process. The failure still reaches us through the pending query.
  const ignore = (): void => {};
  client.on("error", ignore);
  let reusable = true;
  try {
    await client.query("BEGIN");
    const result = await work(client);
    await client.query(result === null ? "ROLLBACK" : "COMMIT");
    return result;
  } catch (error) {
    reusable = await client.query("ROLLBACK").then(
      () => true,
      () => false,
    );
    throw error;
  } finally {
    client.removeListener("error", ignore);
    client.release(!reusable);
  }
}
