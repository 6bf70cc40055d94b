import type { CompiledSchedule } from "./compile-schedule.js";
import { isScheduleActive } from "./is-schedule-active.js";
import { nextScheduleChange } from "./next-schedule-change.js";

/** Whether a schedule is active, and when that next changes (`Infinity`: never). */
export interface ScheduleState {
  readonly active: boolean;
  readonly nextChange: number;
}

interface Remembered extends ScheduleState {
  readonly fromMs: number;
  readonly timeZone: string;
}

const remembered = new WeakMap<CompiledSchedule, Remembered>();

/**
 * {@link isScheduleActive} and {@link nextScheduleChange} together, remembered per schedule: both stay the same from
 * the instant they were worked out until the next change, by definition of that change, so every later question
 * inside that stretch (the next visitor, a second later) is answered without looking at the calendar again.
 *
 * @example
 * scheduleStateAt(officeHours, now, "Europe/Vilnius") // => { active: true, nextChange: <17:31 today> }
 */
export function scheduleStateAt(schedule: CompiledSchedule, atMs: number, defaultTimeZone: string): ScheduleState {
  const timeZone = schedule.timeZone ?? defaultTimeZone;
  const hit = remembered.get(schedule);
  if (hit !== undefined && hit.timeZone === timeZone && atMs >= hit.fromMs && atMs < hit.nextChange) return hit;
  const active = isScheduleActive(schedule, atMs, defaultTimeZone);
  const state: Remembered = {
    active,
    nextChange: nextScheduleChange(schedule, atMs, defaultTimeZone, active) ?? Number.POSITIVE_INFINITY,
    fromMs: atMs,
    timeZone,
  };
  if (Number.isFinite(atMs)) remembered.set(schedule, state);
  return state;
}
