import type { CompiledSchedule } from "./compile-schedule.js";
import { isRuleActive } from "./schedule-rule.js";
import { offsetAt } from "./offset-at.js";

/**
 * Whether a compiled schedule is active at the instant `atMs`, judged on the local wall clock of the schedule's time
 * zone (else `defaultTimeZone`). Minutes skipped by a spring-forward gap never occur; minutes repeated by a fall-back
 * overlap are active both times. Fails closed (`false`) for a non-finite instant or an unknown time zone.
 *
 * @example
 * const mondays = compileSchedule({ type: "weekly", days: { mon: [{ start: "09:00", end: "17:30" }] } });
 * isScheduleActive(mondays, Date.parse("2026-01-05T17:30:59.999+02:00"), "Europe/Vilnius") // => true
 * isScheduleActive(mondays, Date.parse("2026-01-05T17:31:00.000+02:00"), "Europe/Vilnius") // => false
 */
export function isScheduleActive(schedule: CompiledSchedule, atMs: number, defaultTimeZone: string): boolean {
  if (!Number.isFinite(atMs)) return false;
  const offsetMs = schedule.usesWallClock ? offsetAt(schedule.timeZone ?? defaultTimeZone, atMs) : 0;
  return !Number.isNaN(offsetMs) && isRuleActive(schedule.rule, atMs, offsetMs);
}
