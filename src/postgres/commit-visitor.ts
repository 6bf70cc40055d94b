import { counterKey } from "../storage/counter-key.js";
import type { CounterIncrement, VisitorRecord } from "../storage/types.js";
import type { Database, Queries } from "./database.js";
import type { PostgresTables } from "./postgres-tables.js";

/** Where a commit goes: the database, the tables and the namespace. */
export interface CommitTarget {
  db: Database;
  tables: PostgresTables;
  namespace: string;
}

/**
 * The compare-and-set write of one visitor with its counter increments, all or nothing. The record is written only
 * if the stored version is still `expectedVersion` (0: no row yet); the row lock taken by that write makes a
 * concurrent writer wait, then find the version moved and write nothing. With increments it is one transaction
 * (write, then counters, then COMMIT; a lost compare-and-set rolls back). Without, the single statement is already
 * atomic and saves two round trips.
 *
 * @example
 * await commitVisitor({ db, tables, namespace: "default" }, "v1", record, 0, increments) // => 1, or null on conflict
 */
export async function commitVisitor(
  target: CommitTarget,
  visitorId: string,
  record: VisitorRecord,
  expectedVersion: number,
  increments: readonly CounterIncrement[],
): Promise<number | null> {
  const write = writeRecord(target, visitorId, JSON.stringify(record), expectedVersion);
  if (increments.length === 0) return versionOf(await target.db.query(write.text, write.values));
  return target.db.transaction(async (tx) => {
    const version = versionOf(await tx.query(write.text, write.values));
    if (version !== null) await addCounters(tx, target, increments);
    return version;
  });
}

function writeRecord(target: CommitTarget, visitorId: string, json: string, expectedVersion: number) {
  const { visitors } = target.tables;
  if (expectedVersion === 0) {
    return {
      text: `INSERT INTO ${visitors} (namespace, visitor_id, version, record) VALUES ($1, $2, 1, $3::json)
             ON CONFLICT (namespace, visitor_id) DO NOTHING RETURNING version`,
      values: [target.namespace, visitorId, json],
    };
  }
  return {
    text: `UPDATE ${visitors} SET version = version + 1, record = $3::json, updated_at = now()
           WHERE namespace = $1 AND visitor_id = $2 AND version = $4 RETURNING version`,
    values: [target.namespace, visitorId, json, expectedVersion],
  };
}

function versionOf(result: { rows: { version?: unknown }[] }): number | null {
  const row = result.rows[0];
  return row === undefined ? null : Number(row.version);
}

/**
 * One upsert for all increments. They are summed per counter first (one statement may not update a row twice) and
 * sorted, so concurrent commits lock counter rows in the same order and cannot deadlock.
 */
async function addCounters(tx: Queries, target: CommitTarget, increments: readonly CounterIncrement[]): Promise<void> {
  const summed = new Map<string, CounterIncrement & { by: number }>();
  for (const increment of increments) {
    const key = counterKey(increment);
    const by = (summed.get(key)?.by ?? 0) + (increment.by ?? 1);
    summed.set(key, { ...increment, by });
  }
  const rows = [...summed.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, row]) => row);
  const { counters } = target.tables;
  await tx.query(
    `INSERT INTO ${counters} AS c (namespace, invitation_id, variation_id, counter, value)
     SELECT $1, i, v, n, b FROM unnest($2::text[], $3::text[], $4::text[], $5::bigint[]) AS t(i, v, n, b)
     ON CONFLICT (namespace, invitation_id, variation_id, counter) DO UPDATE SET value = c.value + EXCLUDED.value`,
    [
      target.namespace,
      rows.map((row) => row.invitationId),
      rows.map((row) => row.variationId),
      rows.map((row) => row.counter),
      rows.map((row) => row.by),
    ],
  );
}
