import { newCommitId } from "../storage/commit-id.js";
import { parseStored } from "../storage/parse-document.js";
import { visitorRecordJson } from "../storage/visitor-record-json.js";
import type { CounterIncrement, TaggedVisitor, VisitorRecord, VisitorSync, VisitorTag } from "../storage/types.js";
import { addCounters, writeRecord, type CommitTarget } from "./commit-visitor.js";

/** A row as the sync statements answer it: `ok` when the write landed or the tag was confirmed. */
interface SyncRow {
  ok: boolean;
  version: string;
  record: string | null;
  commit_id: string | null;
}

/**
 * The PostgreSQL side of `syncVisitor`, one statement each: with no `expected` tag, reads the row with its
 * `commit_id`; with a tag and no record, confirms the row is still that write (the row comes back only when it is
 * not); with a record, writes it (with its counter increments) where the version and commit id are still the
 * expected ones, and otherwise answers with the row stored. The answer is read in the statement's snapshot, so a
 * writer that committed while this one waited for its row lock shows up on the next attempt, not this one: never
 * a wrong write, at most one more round trip under contention.
 *
 * @example
 * await syncVisitor({ db, tables, namespace: "default" }, "v1", { version: 3, commit: "…" }, record, []) // => { ok: true, tag: { version: 4, commit: "…" } }
 */
export async function syncVisitor(
  target: CommitTarget,
  visitorId: string,
  expected: VisitorTag | null,
  record: VisitorRecord | null,
  increments: readonly CounterIncrement[],
): Promise<VisitorSync> {
  const { visitors } = target.tables;
  const key = [target.namespace, visitorId];
  const where = `${visitors} WHERE namespace = $1 AND visitor_id = $2`;
  if (expected === null) {
    const { rows } = await target.db.query<SyncRow>(`SELECT false AS ok, version, record::text AS record, commit_id FROM ${where}`, key);
    return answer(visitorId, rows[0], null);
  }
  if (record === null) {
    const { rows } = await target.db.query<SyncRow>(
      `SELECT v.ok, version, CASE WHEN v.ok THEN NULL ELSE record::text END AS record, commit_id
       FROM (SELECT version = $3 AND commit_id IS NOT DISTINCT FROM $4::text AS ok, version, record, commit_id FROM ${where}) AS v`,
      [...key, expected.version, expected.commit],
    );
    return rows[0] === undefined && expected.version === 0 ? { ok: true, tag: expected } : answer(visitorId, rows[0], expected);
  }
  const commit = newCommitId();
  const json = visitorRecordJson(record);
  const write = writeRecord(target, visitorId, json, expected.version, commit, expected.commit);
  const counted = increments.length === 0 ? null : addCounters(target, increments, write.values.length);
  const { rows } = await target.db.query<SyncRow>(
    `WITH written AS (${write.text})${counted === null ? "" : `, counted AS (${counted.text})`}
     SELECT true AS ok, version, NULL AS record, NULL AS commit_id FROM written
     UNION ALL
     SELECT false, version, record::text, commit_id FROM ${where} AND NOT EXISTS (SELECT 1 FROM written)`,
    counted === null ? write.values : [...write.values, ...counted.values],
  );
  const row = rows[0];
  return row?.ok === true ? { ok: true, tag: { version: Number(row.version), commit } } : answer(visitorId, row, null);
}

function answer(visitorId: string, row: SyncRow | undefined, confirmed: VisitorTag | null): VisitorSync {
  if (row === undefined) return { ok: false, current: null };
  if (row.ok && confirmed !== null) return { ok: true, tag: confirmed };
  const stored = parseStored("postgres", "visitor record", row.version, row.record ?? "", { visitorId });
  const current: TaggedVisitor = { value: stored.value, version: stored.version, commit: row.commit_id };
  return { ok: false, current };
}
