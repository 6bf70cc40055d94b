import type { CompiledEventCondition } from "../compile/compile-invitation.js";
import { firstAbove } from "../lib/first-above.js";

/**
 * Checks an event condition (docs/semantics.md: Events) — at least `minCount` records with `now − at < withinSeconds` (every record
 * when the window is 0) — and says when it stops holding as records age out of the window: an instant after
 * `atMs`, `Infinity` when it never will, or `NaN` when it does not hold now. One number, so the hot path allocates
 * nothing. `times` are the record instants of that event, oldest first.
 *
 * @example
 * // "login failed 5 times in half an hour"
 * eventConditionEnd({ event: "login_failed", minCount: 5, withinMs: 1_800_000 }, fiveTimes, now) // => <when the oldest of the five leaves>
 * eventConditionEnd({ event: "login_failed", minCount: 5, withinMs: 1_800_000 }, [], now)        // => NaN
 */
export function eventConditionEnd(
  condition: CompiledEventCondition,
  times: readonly number[] | undefined,
  atMs: number,
): number {
  if (times === undefined) return Number.NaN;
  if (condition.withinMs === 0) return times.length >= condition.minCount ? Number.POSITIVE_INFINITY : Number.NaN;
  const first = firstAbove(times, atMs - condition.withinMs);
  const count = times.length - first;
  if (count < condition.minCount) return Number.NaN;
  // The condition fails once all but minCount − 1 of the records inside have left the window.
  return (times[first + count - condition.minCount] as number) + condition.withinMs;
}
