import { activeHours, WEEK_HOURS, type WeeklyRule } from "../schedule/weekly-rule.js";
import type { CompiledInvitation } from "./compile-invitation.js";

/**
 * For one time zone, per hour of the local week, the candidates of a list whose weekly schedule in that zone is
 * closed for the whole hour: hour `h` is the bitset `closed[h × words …]`. Such a candidate cannot become eligible
 * before the hour ends, so a scan whose bound comes earlier passes over it without reading its schedule.
 */
export interface WeeklyHours {
  zone: string;
  words: number;
  closed: Uint32Array;
}

/**
 * Candidates with a weekly schedule in one zone a list needs before it gets {@link WeeklyHours}: below that, reading
 * the few schedules costs less than the bitsets (168 words per 32 candidates).
 */
const MIN_SCHEDULED = 64;

/**
 * The {@link WeeklyHours} of a candidate list for the zone most of its weekly schedules name, or `null` when fewer
 * than {@link MIN_SCHEDULED} do. Schedules in the caller's default zone are left out: that zone is known only per call.
 *
 * @example
 * buildWeeklyHours(candidates)?.zone // => "Europe/Vilnius"
 */
export function buildWeeklyHours(candidates: readonly CompiledInvitation[]): WeeklyHours | null {
  const counts = new Map<string, number>();
  for (const c of candidates) {
    const zone = weeklyZone(c);
    if (zone !== null) counts.set(zone, (counts.get(zone) ?? 0) + 1);
  }
  let zone: string | null = null;
  let most = MIN_SCHEDULED - 1;
  for (const [z, count] of counts) {
    if (count > most) {
      zone = z;
      most = count;
    }
  }
  if (zone === null) return null;
  const words = Math.ceil(candidates.length / 32);
  const closed = new Uint32Array(WEEK_HOURS * words);
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i] as CompiledInvitation;
    if (weeklyZone(c) !== zone) continue;
    const active = activeHours(c.schedule?.rule as WeeklyRule);
    for (let hour = 0; hour < WEEK_HOURS; hour++) {
      const word = hour * words + (i >>> 5);
      if (active[hour] === 0) closed[word] = (closed[word] as number) | (1 << (i & 31));
    }
  }
  return { zone, words, closed };
}

/** The zone of a candidate's weekly schedule that follows the wall clock in a zone of its own, else `null`. */
function weeklyZone(c: CompiledInvitation): string | null {
  const schedule = c.schedule;
  return schedule !== null && schedule.rule.type === "weekly" && schedule.usesWallClock ? schedule.timeZone : null;
}
