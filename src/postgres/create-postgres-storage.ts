import pg, { type Pool } from "pg";
import { counterKey, counterRows } from "../storage/counter-key.js";
import { checkTimeout } from "../storage/check-timeout.js";
import { parseStored, storedVersion } from "../storage/parse-document.js";
import { servicePurgeOptions } from "../storage/service-arguments.js";
import { guard, StorageError, timedOut } from "../storage/storage-error.js";
import type { CounterName, PurgeOptions, StorageAdapter } from "../storage/types.js";
import { commitVisitor } from "./commit-visitor.js";
import { forgetVisitor } from "./forget-visitor.js";
import { syncVisitor } from "./sync-visitor.js";
import { purgeVisitors } from "./purge-visitors.js";
import { migrateTables } from "./migrate-tables.js";
import { postgresTables } from "./postgres-tables.js";
import { putInvitationSet } from "./put-invitation-set.js";
import { database, isTimeout } from "./database.js";

/** How the PostgreSQL adapter connects and where it keeps its rows. */
export interface PostgresStorageOptions {
  /** A pg `Pool` you own: `close()` leaves it open, and its `'error'` events stay yours to handle. */
  pool?: Pool;
  /** Or a connection string: the adapter creates and owns its pool (`close()` ends it). */
  connectionString?: string | undefined;
  /** Tells apart the rows of several beckon installations sharing the tables. Default: `"default"`. */
  namespace?: string;
  /** Starts each table name; letters, digits and `_`, not starting with a digit. Default: `"beckon_"`. */
  tablePrefix?: string;
  /**
   * Every call settles within this many milliseconds: a server that stops answering rejects it with a `timeout`
   * StorageError, on a pool you pass in as well (each statement carries this as its `query_timeout`; a pool the
   * adapter makes also gets it as `statement_timeout` and connection timeout). Default: 5 000.
   */
  timeoutMs?: number;
}

/** The PostgreSQL adapter: a {@link StorageAdapter} that can also create its tables and purge inactive visitors. */
export interface PostgresStorage extends StorageAdapter {
  /**
   * Creates the tables and the last-write index if they are missing (tables made by an earlier version get the
   * index); safe to run on every start, from several servers at once.
   */
  migrate(): Promise<void>;
  /**
   * Removes the visitors whose row was last written (`updated_at`, the server's clock) at least
   * `inactiveForSeconds` ago, `batchSize` rows per statement (default 1 000) without locking the table; resolves
   * how many. Each statement has the adapter's `timeoutMs`, not the whole purge.
   */
  purgeVisitors(options: PurgeOptions): Promise<number>;
}

const NAME = "postgres";

/** How long an owned pool waits for a connection before the call fails, so an unreachable server fails fast. */
const CONNECT_TIMEOUT_MS = 5_000;

/**
 * Stores visitors, counters and the shared invitation set in PostgreSQL (pg). Each visitor write is a
 * compare-and-set on the row's version, in one transaction with its counter increments. Run `migrate()` once
 * before use (on every start is fine).
 *
 * @example
 * const storage = createPostgresStorage({ connectionString: process.env.DATABASE_URL });
 * await storage.migrate();
 * const beckon = createBeckon({ storage, invitations });
 */
export function createPostgresStorage(options: PostgresStorageOptions = {}): PostgresStorage {
  const prefix = options.tablePrefix ?? "beckon_";
  const tables = postgresTables(prefix);
  const namespace = options.namespace ?? "default";
  const timeoutMs = checkTimeout("beckon postgres storage", options.timeoutMs);
  const { pool, owned } = openPool(options, timeoutMs);
  const db = database(pool, timeoutMs);
  const target = { db, tables, namespace };
  let closing: Promise<void> | null = null;
  // Calls under way, so that close() lets them finish: pg ends a pool without serving the calls still waiting for a
  // connection, which then fail only at their connection timeout, as if the server had not answered.
  const running = new Set<Promise<unknown>>();
  const run = <T>(doing: string, operation: () => Promise<T>): Promise<T> => {
    if (closing !== null && owned) return Promise.reject(new StorageError(NAME, `${doing}: the adapter is closed`));
    const call = guard(NAME, doing, () => operation().catch((error: unknown) => explainFailure(error, doing, timeoutMs)), timeoutMs);
    if (!owned) return call;
    running.add(call);
    const done = (): void => {
      running.delete(call);
    };
    call.then(done, done);
    return call;
  };
  return {
    name: NAME,
    migrate: () => run("creating tables", () => migrateTables(db, tables, prefix)),
    getVisitor: (visitorId) =>
      run("reading a visitor", async () => {
        const { rows } = await db.query<{ version: string; record: string }>(
          `SELECT version, record::text AS record FROM ${tables.visitors} WHERE namespace = $1 AND visitor_id = $2`,
          [namespace, visitorId],
        );
        const row = rows[0];
        return row === undefined ? null : parseStored(NAME, "visitor record", row.version, row.record, { visitorId });
      }),
    commitVisitor: (visitorId, record, expectedVersion, increments = []) =>
      run("writing a visitor", () => commitVisitor(target, visitorId, record, expectedVersion, increments)),
    syncVisitor: (visitorId, expected, record = null, increments = []) =>
      run(expected === null ? "reading a visitor" : "writing a visitor", () => syncVisitor(target, visitorId, expected, record, increments)),
    deleteVisitor: (visitorId) =>
      run("deleting a visitor", async () => {
        await db.query(`DELETE FROM ${tables.visitors} WHERE namespace = $1 AND visitor_id = $2`, [namespace, visitorId]);
      }),
    forgetVisitor: (visitorId) => run("forgetting a visitor", () => forgetVisitor(target, visitorId)),
    purgeVisitors: async (options) =>
      purgeVisitors(target, servicePurgeOptions(options), (operation) => run("purging inactive visitors", operation)),
    getInvitationSet: () =>
      run("reading the invitation set", async () => {
        const { rows } = await db.query<{ version: string; invitation_set: string }>(
          `SELECT version, invitation_set::text AS invitation_set FROM ${tables.invitationSets} WHERE namespace = $1`,
          [namespace],
        );
        const row = rows[0];
        return row === undefined ? null : parseStored(NAME, "invitation set", row.version, row.invitation_set);
      }),
    getInvitationSetVersion: () =>
      run("reading the invitation set version", async () => {
        const { rows } = await db.query<{ version: string }>(
          `SELECT version FROM ${tables.invitationSets} WHERE namespace = $1`,
          [namespace],
        );
        const row = rows[0];
        return row === undefined ? 0 : storedVersion(NAME, "invitation set", row.version);
      }),
    putInvitationSet: (set, expectedVersion) =>
      run("writing the invitation set", () => putInvitationSet(db, tables, namespace, set, expectedVersion)),
    readCounters: () =>
      run("reading counters", async () => {
        const { rows } = await db.query<{ invitation_id: string; variation_id: string; counter: string; value: string }>(
          `SELECT invitation_id, variation_id, counter, value FROM ${tables.counters} WHERE namespace = $1`,
          [namespace],
        );
        // Sorted and filtered exactly like every other adapter's counters (JavaScript order, not the collation's).
        return counterRows(
          rows.map((row) => [
            counterKey({ invitationId: row.invitation_id, variationId: row.variation_id, counter: row.counter as CounterName }),
            Number(row.value),
          ]),
        );
      }),
    close: () => {
      if (closing === null) {
        // The calls under way settle first (each within its deadline); new ones are refused from now on.
        const finishing = Promise.allSettled([...running]);
        closing = owned ? finishing.then(() => guard(NAME, "closing the pool", () => pool.end(), timeoutMs)) : Promise.resolve();
      }
      return closing;
    },
  };
}

function openPool(options: PostgresStorageOptions, timeoutMs: number): { pool: Pool; owned: boolean } {
  if (options.pool !== undefined && options.connectionString !== undefined) {
    throw new TypeError("beckon postgres storage: give either `pool` or `connectionString`, not both");
  }
  if (options.pool !== undefined) return { pool: options.pool, owned: false };
  const pool = new pg.Pool({
    ...(options.connectionString === undefined ? {} : { connectionString: options.connectionString }),
    connectionTimeoutMillis: timeoutMs,
    query_timeout: timeoutMs,
    statement_timeout: timeoutMs,
  });
  // An idle connection that dies (server restart, network cut) is an 'error' event on the pool; unheard, it would
  // crash the process. The pool already drops that connection and the next call opens a new one.
  pool.on("error", () => {});
  return { pool, owned: true };
}

/** Names what went wrong in beckon's terms: no answer in time is a `timeout`; a missing table means `migrate()` was never run. */
function explainFailure(error: unknown, doing: string, timeoutMs: number): never {
  if (isTimeout(error)) throw timedOut(NAME, doing, timeoutMs, error);
  if ((error as { code?: unknown })?.code === "42P01") {
    throw new StorageError(NAME, `${(error as Error).message}; run migrate() to create the tables`, { cause: error });
  }
  throw error;
}
