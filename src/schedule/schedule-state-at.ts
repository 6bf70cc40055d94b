import type { CompiledSchedule } from "./compile-schedule.js";
import { ScheduleReader } from "./schedule-reader.js";

/** Whether a schedule is active, and when that next changes (`Infinity`: never). */
export interface ScheduleState {
  readonly active: boolean;
  readonly nextChange: number;
}

/**
 * `isScheduleActive` and `nextScheduleChange` together, for one schedule, as a {@link ScheduleReader}
 * answers them: weekly schedules on the spot, the others remembered per schedule for the stretch in which the answer
 * holds.
 *
 * @example
 * scheduleStateAt(officeHours, now, "Europe/Vilnius") // => { active: true, nextChange: <17:31 today> }
 */
export function scheduleStateAt(schedule: CompiledSchedule, atMs: number, defaultTimeZone: string): ScheduleState {
  const reader = new ScheduleReader(atMs, defaultTimeZone);
  reader.read(schedule);
  return { active: reader.active, nextChange: reader.nextChange };
}
