import type { ScheduleWindow, Weekday, WeeklySchedule } from "../types.js";
import { DAY_MINUTES, DAY_MS, MINUTE_MS } from "./civil-date.js";
import { parseClockTime } from "./clock-time.js";
import { firstAbove } from "../lib/first-above.js";

/**
 * A weekly schedule as minutes of the local week (Monday 00:00 = 0). `intervals` holds sorted, disjoint, non-touching
 * half-open `[start, end)` pairs flattened; `changes` the minutes at which activity flips, ascending (empty when the
 * schedule is always or never active).
 */
export interface WeeklyRule {
  type: "weekly";
  intervals: readonly number[];
  changes: readonly number[];
  /** Per weekday (0 = Monday), the place in `intervals` of the first bound after its first minute's start. */
  dayFirst: readonly number[];
}

/** Minutes in a week: the end of the last window a weekly rule can hold. */
export const WEEK_MINUTES = 7 * DAY_MINUTES;
const WEEK_MS = 7 * DAY_MS;
/** The weekday keys of `days`, Monday first: the order of the minutes of the local week. */
export const WEEKDAYS: readonly Weekday[] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/**
 * Turns `days` into minute-of-week intervals: inclusive ends become exclusive (`17:30` → up to 17:31), a window with
 * `end < start` runs into the next day, and Sunday night runs into Monday.
 *
 * @example
 * compileWeeklyRule({ type: "weekly", days: { mon: [{ start: "09:00", end: "17:30" }] } }).intervals // => [540, 1051]
 */
export function compileWeeklyRule(schedule: WeeklySchedule): WeeklyRule {
  const raw: [number, number][] = [];
  WEEKDAYS.forEach((day, index) => {
    for (const window of schedule.days[day] ?? []) raw.push(...windowIntervals(index, window));
  });
  const merged = mergeIntervals(raw);
  const intervals = merged.flat();
  const dayFirst = WEEKDAYS.map((_, index) => firstAbove(intervals, index * DAY_MINUTES - 1));
  return { type: "weekly", intervals, changes: changeMinutes(merged), dayFirst };
}

function windowIntervals(dayIndex: number, window: ScheduleWindow): [number, number][] {
  const start = parseClockTime(window.start) ?? 0;
  const end = parseClockTime(window.end) ?? 0;
  const from = dayIndex * DAY_MINUTES + start;
  const to = dayIndex * DAY_MINUTES + (end < start ? DAY_MINUTES : 0) + end + 1;
  return to <= WEEK_MINUTES ? [[from, to]] : [[from, WEEK_MINUTES], [0, to - WEEK_MINUTES]];
}

function mergeIntervals(raw: [number, number][]): [number, number][] {
  const merged: [number, number][] = [];
  for (const [start, end] of [...raw].sort((a, b) => a[0] - b[0])) {
    const last = merged[merged.length - 1];
    if (last !== undefined && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/** A boundary at the week's seam (an interval ending at 10080 and one starting at 0) is not a change. */
function changeMinutes(merged: [number, number][]): number[] {
  const points = merged.flatMap(([start, end]) => [start, end % WEEK_MINUTES]);
  const seams = points.filter((point) => point === 0).length;
  return points.filter((point) => point !== 0 || seams === 1).sort((a, b) => a - b);
}

/**
 * Whether the local wall time `wall` (wall milliseconds) falls in one of the rule's windows; `start` is
 * {@link weekStart} of `wall`, when the caller has it already.
 *
 * @example
 * isWeeklyActive(rule, Date.UTC(2026, 0, 5, 17, 30, 59, 999)) // => true for mon 09:00–17:30 (a Monday)
 */
export function isWeeklyActive(rule: WeeklyRule, wall: number, start = weekStart(wall)): boolean {
  return weeklyPlace(rule, Math.floor((wall - start) / MINUTE_MS)) % 2 === 1;
}

/**
 * The place in `rule.intervals` of the first bound after `minute` of the local week. The bounds ascend strictly
 * (starts at even places, ends at odd ones), so the place is odd exactly when the minute is inside a window.
 *
 * @example
 * weeklyPlace(rule, 600) // => 1 for mon 09:00–17:30 (intervals [540, 1051]): inside, and 1051 is the next bound
 */
export function weeklyPlace(rule: WeeklyRule, minute: number, day = Math.floor(minute / DAY_MINUTES)): number {
  // A day holds a bound or two, so a few steps from the day's first bound cost less than a search of the whole week
  // (every evaluation reads the schedules of most candidates); a busier day, or a minute outside the week, is searched.
  // `day` is the minute's day (0 = Monday), for a caller that has worked it out already.
  const bounds = rule.intervals;
  let place = rule.dayFirst[day];
  if (place === undefined) return firstAbove(bounds, minute);
  for (const end = Math.min(place + DAY_STEPS, bounds.length); place < end; place++) {
    if ((bounds[place] as number) > minute) return place;
  }
  return firstAbove(bounds, minute, place);
}

/** Bounds of one day looked at one by one before the rest of the week is searched. */
const DAY_STEPS = 4;

/**
 * The first wall time after `wall` at which the rule's activity differs from its activity at `wall`, or `null` when
 * it never changes.
 *
 * @example
 * nextWeeklyWallChange(rule, Date.UTC(2026, 0, 5, 12)) // => Date.UTC(2026, 0, 5, 17, 31) for mon 09:00–17:30
 */
export function nextWeeklyWallChange(rule: WeeklyRule, wall: number): number | null {
  return nextWeeklyChangeAfter(rule, wall, weekStart(wall));
}

/**
 * {@link nextWeeklyWallChange} for a caller that has worked out `start`, the {@link weekStart} of `wall`, already
 * (one evaluation asks it of many rules at one instant).
 *
 * @example
 * nextWeeklyChangeAfter(rule, wall, weekStart(wall)) // => nextWeeklyWallChange(rule, wall)
 */
export function nextWeeklyChangeAfter(rule: WeeklyRule, wall: number, start: number): number | null {
  const changes = rule.changes;
  const first = changes[0];
  if (first === undefined) return null;
  // Changes more than a minute before `wall`'s minute are before `wall` for sure: the exact test starts after them.
  for (let i = firstAbove(changes, Math.floor((wall - start) / MINUTE_MS) - 2); i < changes.length; i++) {
    const at = start + (changes[i] as number) * MINUTE_MS;
    if (at > wall) return at;
  }
  return start + WEEK_MS + first * MINUTE_MS;
}

/**
 * Wall milliseconds of the Monday 00:00 that starts the week of `wall`; 1970-01-01 was a Thursday.
 *
 * @example
 * weekStart(Date.UTC(2026, 0, 7, 15)) // => Date.UTC(2026, 0, 5)
 */
export function weekStart(wall: number): number {
  const days = Math.floor(wall / DAY_MS);
  // Whole weeks since the Monday before the epoch, by floor rather than `%`: a remainder of doubles is a call into
  // the runtime, and this runs on every evaluation.
  return (Math.floor((days + 3) / 7) * 7 - 3) * DAY_MS;
}
