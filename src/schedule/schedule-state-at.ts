import type { CompiledSchedule } from "./compile-schedule.js";
import { isScheduleActive } from "./is-schedule-active.js";
import { nextScheduleChange } from "./next-schedule-change.js";
import { offsetStretch } from "./offset-at.js";
import { isWeeklyActive, nextWeeklyWallChange, type WeeklyRule } from "./weekly-rule.js";

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
  if (schedule.rule.type === "weekly") {
    const state = weeklyState(schedule.rule, schedule.usesWallClock, atMs, timeZone);
    if (state !== null) return state;
  }
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

/**
 * A weekly schedule answered on the spot, without the memory above (a lookup there costs more than this, and with
 * hundreds of schedules it misses): within a stretch of constant offset the rule says exactly when activity flips, so
 * a flip before the stretch ends is the answer `nextScheduleChange` would give. `null` when the flip is not before
 * the stretch's end (or the zone is unknown, the instant not finite): then the general path decides.
 */
function weeklyState(rule: WeeklyRule, usesWallClock: boolean, atMs: number, timeZone: string): ScheduleState | null {
  if (!usesWallClock) return Number.isFinite(atMs) ? { active: isWeeklyActive(rule, atMs), nextChange: Number.POSITIVE_INFINITY } : null;
  const stretch = offsetStretch(timeZone, atMs);
  if (stretch === null) return null;
  const wall = atMs + stretch.offsetMs;
  const next = nextWeeklyWallChange(rule, wall);
  if (next === null || !(next - stretch.offsetMs < stretch.untilMs)) return null;
  return { active: isWeeklyActive(rule, wall), nextChange: next - stretch.offsetMs };
}
