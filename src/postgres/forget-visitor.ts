import { emptyVisitorRecord } from "../storage/empty-visitor-record.js";
import type { CommitTarget } from "./commit-visitor.js";

/**
 * Erases a visitor's state and event log in one statement: the row gets the empty record at the next version (and
 * counts as written now), so a commit that read the erased record finds the version moved and writes nothing.
 * Deleting the row instead would let a record made afresh climb back to the old version and accept that stale
 * commit. A row whose version is below 1 (damaged: nothing can compare-and-set on it) is deleted. Resolves whether
 * a row was there.
 *
 * @example
 * await forgetVisitor({ db, tables, namespace: "default" }, "v1") // => true
 */
export async function forgetVisitor(target: CommitTarget, visitorId: string): Promise<boolean> {
  const { visitors } = target.tables;
  const { rows } = await target.db.query<{ touched: number }>(
    `WITH removed AS (
       DELETE FROM ${visitors} WHERE namespace = $1 AND visitor_id = $2 AND version < 1 RETURNING 1
     ), emptied AS (
       UPDATE ${visitors} SET version = version + 1, record = $3::json, updated_at = now()
       WHERE namespace = $1 AND visitor_id = $2 AND version >= 1 RETURNING 1
     )
     SELECT (SELECT count(*) FROM removed) + (SELECT count(*) FROM emptied) AS touched`,
    [target.namespace, visitorId, JSON.stringify(emptyVisitorRecord())],
  );
  return Number(rows[0]?.touched ?? 0) > 0;
}
