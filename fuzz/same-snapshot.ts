import type { Snapshot } from "./snapshot.js";

/**
 * Whether two snapshots are the same value (`Object.is` per token: `NaN` equals `NaN`, `-0` differs from `0`).
 *
 * @example
 * sameSnapshot(snapshot(-0), snapshot(0)) // => false
 */
export function sameSnapshot(a: Snapshot, b: Snapshot): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}
