import type { CompiledEventCondition } from "../pipeline/compile-invitation.js";

/**
 * Tells whether an event condition holds (SPEC §7): at least `minCount` records with `now − at < withinSeconds`
 * (every record when the window is 0), and, when it holds, the instant it stops holding as records age out of the
 * window (`null` when it never will). `times` are the record instants of that event, oldest first.
 *
 * @example
 * // "login failed 5 times in half an hour"
 * checkEventCondition({ event: "login_failed", minCount: 5, withinMs: 1_800_000 }, fiveTimes, now) // => { holds: true, endsAt: … }
 */
export function checkEventCondition(
  condition: CompiledEventCondition,
  times: readonly number[] | undefined,
  atMs: number,
): { holds: boolean; endsAt: number | null } {
  if (times === undefined) return { holds: false, endsAt: null };
  if (condition.withinMs === 0) return { holds: times.length >= condition.minCount, endsAt: null };
  const first = firstInside(times, atMs - condition.withinMs);
  const count = times.length - first;
  if (count < condition.minCount) return { holds: false, endsAt: null };
  // The condition fails once all but minCount − 1 of the records inside have left the window.
  const leaving = times[first + count - condition.minCount] as number;
  return { holds: true, endsAt: leaving + condition.withinMs };
}

/** Index of the first record strictly after `edge` (binary search over ascending times). */
function firstInside(times: readonly number[], edge: number): number {
  let low = 0;
  let high = times.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((times[mid] as number) > edge) high = mid;
    else low = mid + 1;
  }
  return low;
}
