import type { PurgeOptions } from "../storage/types.js";
import type { CommitTarget } from "./commit-visitor.js";

/**
 * Removes a namespace's visitors last written at least `inactiveForSeconds` ago, `batchSize` rows per statement,
 * until a statement removes fewer; resolves how many went. Each statement is its own short transaction over the
 * last-write index: it locks only the rows it picks, skips the rows a commit holds (`FOR UPDATE SKIP LOCKED`: that
 * visitor is being written, so it is not inactive), and re-checks the age of a row written since it looked, so a
 * visitor written during the purge keeps its record. A commit that read a row the purge then removes finds it gone
 * and is retried on an empty record. `step` runs each statement (the adapter gives each its own deadline).
 *
 * @example
 * await purgeVisitors(target, { inactiveForSeconds: 30 * 86_400, batchSize: 1_000 }, run) // => 12345
 */
export async function purgeVisitors(
  target: CommitTarget,
  { inactiveForSeconds, batchSize }: Required<PurgeOptions>,
  step: (operation: () => Promise<number>) => Promise<number>,
): Promise<number> {
  const { visitors } = target.tables;
  const text = `WITH doomed AS (
      SELECT visitor_id FROM ${visitors}
      WHERE namespace = $1 AND updated_at <= now() - $2::double precision * interval '1 second'
      ORDER BY updated_at
      LIMIT $3
      FOR UPDATE SKIP LOCKED
    )
    DELETE FROM ${visitors} AS v USING doomed WHERE v.namespace = $1 AND v.visitor_id = doomed.visitor_id`;
  let purged = 0;
  for (;;) {
    const removed = await step(async () => (await target.db.query(text, [target.namespace, inactiveForSeconds, batchSize])).rowCount ?? 0);
    purged += removed;
    if (removed < batchSize) return purged;
  }
}
