import type { CandidateIndex } from "../compile/candidate-index.js";
import type { WeeklyHours } from "../compile/weekly-hours.js";
import type { CheckEnv } from "./check-candidate.js";

/**
 * Where the bitset of the current hour of the week starts in a list's `weeklyHours` (for {@link passesOver}), or −1
 * when the list has none or the hour cannot be told; `env.schedules.hourEndsAt` then says when the hour ends.
 *
 * @example
 * const hour = hourBase(list, env);
 * const hourEndsAt = env.schedules.hourEndsAt;
 */
export function hourBase(list: CandidateIndex, env: CheckEnv): number {
  const hours = list.weeklyHours;
  if (hours === null) return -1;
  const hour = env.schedules.weekHour(hours.zone);
  return hour < 0 ? -1 : hour * hours.words;
}

/**
 * Whether candidate `i` of the list can be passed over without a check against `bound`: its weekly schedule is
 * closed for the whole current hour, and the hour lasts at least until `bound`. `checkCandidate` would find it
 * closed until then and give it up as "not eligible, never" (closedPast), which is what passing it over leaves.
 *
 * @example
 * if (passesOver(list, hour, hourEndsAt, bound, cursor.index)) continue;
 */
export function passesOver(list: CandidateIndex, base: number, hourEndsAt: number, bound: number, i: number): boolean {
  return base >= 0 && bound <= hourEndsAt && (((list.weeklyHours as WeeklyHours).closed[base + (i >>> 5)] as number) & (1 << (i & 31))) !== 0;
}
