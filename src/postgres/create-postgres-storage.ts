import pg, { type Pool } from "pg";
import { counterKey, counterRows } from "../storage/counter-key.js";
import { guard, StorageError } from "../storage/storage-error.js";
import type { CounterName, StorageAdapter } from "../storage/types.js";
import { commitVisitor } from "./commit-visitor.js";
import { migrateTables } from "./migrate-tables.js";
import { postgresTables } from "./postgres-tables.js";
import { putInvitationSet } from "./put-invitation-set.js";
import { readDocument } from "./read-document.js";

/** How the PostgreSQL adapter connects and where it keeps its rows. */
export interface PostgresStorageOptions {
  /** A pg `Pool` you own: `close()` leaves it open, and its `'error'` events stay yours to handle. */
  pool?: Pool;
  /** Or a connection string: the adapter creates and owns its pool (`close()` ends it). */
  connectionString?: string;
  /** Tells apart the rows of several beckon installations sharing the tables. Default: `"default"`. */
  namespace?: string;
  /** Starts each table name; letters, digits and `_`, not starting with a digit. Default: `"beckon_"`. */
  tablePrefix?: string;
}

/** The PostgreSQL adapter: a {@link StorageAdapter} that can also create its tables. */
export interface PostgresStorage extends StorageAdapter {
  /** Creates the tables if they are missing; safe to run on every start, from several servers at once. */
  migrate(): Promise<void>;
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
  const { pool, owned } = openPool(options);
  const target = { pool, tables, namespace };
  let closing: Promise<void> | null = null;
  const run = <T>(doing: string, operation: () => Promise<T>): Promise<T> =>
    guard(NAME, doing, () => operation().catch(explainMissingTables));

  return {
    name: NAME,
    migrate: () => run("creating tables", () => migrateTables(pool, tables, prefix)),
    getVisitor: (visitorId) =>
      run("reading a visitor", async () => {
        const { rows } = await pool.query<{ version: string; record: string }>(
          `SELECT version, record::text AS record FROM ${tables.visitors} WHERE namespace = $1 AND visitor_id = $2`,
          [namespace, visitorId],
        );
        const row = rows[0];
        return row === undefined ? null : { value: readDocument("visitor record", row.record), version: Number(row.version) };
      }),
    commitVisitor: (visitorId, record, expectedVersion, increments = []) =>
      run("writing a visitor", () => commitVisitor(target, visitorId, record, expectedVersion, increments)),
    deleteVisitor: (visitorId) =>
      run("deleting a visitor", async () => {
        await pool.query(`DELETE FROM ${tables.visitors} WHERE namespace = $1 AND visitor_id = $2`, [namespace, visitorId]);
      }),
    getInvitationSet: () =>
      run("reading the invitation set", async () => {
        const { rows } = await pool.query<{ version: string; invitation_set: string }>(
          `SELECT version, invitation_set::text AS invitation_set FROM ${tables.invitationSets} WHERE namespace = $1`,
          [namespace],
        );
        const row = rows[0];
        return row === undefined ? null : { value: readDocument("invitation set", row.invitation_set), version: Number(row.version) };
      }),
    getInvitationSetVersion: () =>
      run("reading the invitation set version", async () => {
        const { rows } = await pool.query<{ version: string }>(
          `SELECT version FROM ${tables.invitationSets} WHERE namespace = $1`,
          [namespace],
        );
        return Number(rows[0]?.version ?? 0);
      }),
    putInvitationSet: (set, expectedVersion) =>
      run("writing the invitation set", () => putInvitationSet(pool, tables, namespace, set, expectedVersion)),
    readCounters: () =>
      run("reading counters", async () => {
        const { rows } = await pool.query<{ invitation_id: string; variation_id: string; counter: string; value: string }>(
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
      closing ??= owned ? run("closing the pool", () => pool.end()) : Promise.resolve();
      return closing;
    },
  };
}

function openPool(options: PostgresStorageOptions): { pool: Pool; owned: boolean } {
  if (options.pool !== undefined && options.connectionString !== undefined) {
    throw new TypeError("beckon postgres storage: give either `pool` or `connectionString`, not both");
  }
  if (options.pool !== undefined) return { pool: options.pool, owned: false };
  const pool = new pg.Pool({
    ...(options.connectionString === undefined ? {} : { connectionString: options.connectionString }),
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
  });
  // An idle connection that dies (server restart, network cut) is an 'error' event on the pool; unheard, it would
  // crash the process. The pool already drops that connection and the next call opens a new one.
  pool.on("error", () => {});
  return { pool, owned: true };
}

/** A missing table almost always means `migrate()` was never run: say so. */
function explainMissingTables(error: unknown): never {
  if ((error as { code?: unknown })?.code === "42P01") {
    throw new StorageError(NAME, `${(error as Error).message}; run migrate() to create the tables`, { cause: error });
  }
  throw error;
}
