import { newCommitId } from "../storage/commit-id.js";
import { counterKey } from "../storage/counter-key.js";
import type { CounterIncrement, VisitorRecord } from "../storage/types.js";
import type { Database } from "./database.js";
import type { PostgresTables } from "./postgres-tables.js";

/** Where a commit goes: the database, the tables and the namespace. */
export interface CommitTarget {
  db: Database;
  tables: PostgresTables;
  namespace: string;
}

/**
 * The compare-and-set write of one visitor with its counter increments, all or nothing, in one statement (one round
 * trip). The record is written only if the stored version is still `expectedVersion` (0: no row yet); the row lock
 * taken by that write makes a concurrent writer wait, then find the version moved and write nothing. Increments ride
 * in the same statement: the counter upsert reads the write's returned row, so it adds only when the write landed,
 * and a statement is atomic on its own (no BEGIN / COMMIT round trips).
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
  const write = writeRecord(target, visitorId, JSON.stringify(record), expectedVersion, newCommitId());
  if (increments.length === 0) return versionOf(await target.db.query(write.text, write.values));
  const counted = addCounters(target, increments, write.values.length);
  return versionOf(await target.db.query(`WITH written AS (${write.text}), counted AS (${counted.text}) SELECT version FROM written`, [...write.values, ...counted.values]));
}

/**
 * The write of one visitor's row under a new `commit` id, where the stored version is still `expectedVersion` (0: no
 * row yet) and, when `expectedCommit` is given, the stored commit id is still that one (`null`: none stored); it
 * returns the new version, or no row. Its parameters are numbered 1 … `values.length`.
 *
 * @example
 * writeRecord(target, "v1", "{}", 3, "c2", "c1").values // => ["default", "v1", "{}", "c2", 3, "c1"]
 */
export function writeRecord(
  target: CommitTarget,
  visitorId: string,
  json: string,
  expectedVersion: number,
  commit: string,
  expectedCommit?: string | null,
): { text: string; values: unknown[] } {
  const { visitors } = target.tables;
  if (expectedVersion === 0) {
    return {
      text: `INSERT INTO ${visitors} (namespace, visitor_id, version, record, commit_id) VALUES ($1, $2, 1, $3::json, $4)
             ON CONFLICT (namespace, visitor_id) DO NOTHING RETURNING version`,
      values: [target.namespace, visitorId, json, commit],
    };
  }
  const sameCommit = expectedCommit === undefined ? "" : " AND commit_id IS NOT DISTINCT FROM $6::text";
  return {
    text: `UPDATE ${visitors} SET version = version + 1, record = $3::json, updated_at = now(), commit_id = $4
           WHERE namespace = $1 AND visitor_id = $2 AND version = $5${sameCommit} RETURNING version`,
    values: [target.namespace, visitorId, json, commit, expectedVersion, ...(expectedCommit === undefined ? [] : [expectedCommit])],
  };
}

function versionOf(result: { rows: { version?: unknown }[] }): number | null {
  const row = result.rows[0];
  return row === undefined ? null : Number(row.version);
}

/**
 * One upsert for all increments, joined to the write's returned row (`written`): no row, nothing added. They are
 * summed per counter first (one statement may not update a row twice) and sorted, so concurrent commits lock counter
 * rows in the same order and cannot deadlock. Its parameters are numbered after the write's `before` ones.
 *
 * @example
 * addCounters(target, [{ invitationId: "a", variationId: "a", counter: "shown" }], 5).values // => [["a"], ["a"], ["shown"], [1]]
 */
export function addCounters(target: CommitTarget, increments: readonly CounterIncrement[], before: number): { text: string; values: unknown[] } {
  const summed = new Map<string, CounterIncrement & { by: number }>();
  for (const increment of increments) {
    const key = counterKey(increment);
    const by = (summed.get(key)?.by ?? 0) + (increment.by ?? 1);
    summed.set(key, { ...increment, by });
  }
  const rows = [...summed.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, row]) => row);
  const { counters } = target.tables;
  const [i, v, n, b] = [before + 1, before + 2, before + 3, before + 4];
  return {
    text: `INSERT INTO ${counters} AS c (namespace, invitation_id, variation_id, counter, value)
     SELECT $1, i, v, n, b FROM written, unnest($${i}::text[], $${v}::text[], $${n}::text[], $${b}::bigint[]) WITH ORDINALITY AS t(i, v, n, b, o)
     ORDER BY o
     ON CONFLICT (namespace, invitation_id, variation_id, counter) DO UPDATE SET value = c.value + EXCLUDED.value`,
    values: [rows.map((row) => row.invitationId), rows.map((row) => row.variationId), rows.map((row) => row.counter), rows.map((row) => row.by)],
  };
}
