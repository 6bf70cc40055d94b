import type { AnnualSchedule } from "../types.js";
import { isAnnualPoint, parseAnnualPoint, type AnnualPoint } from "./annual-point.js";
import { DAY_MS, MINUTE_MS, civilFromDays, daysInMonth, wallMs } from "./civil-date.js";

/**
 * An annual schedule as two comparable keys of (month, day, minute of the day). Activity compares the key of the
 * local wall time numerically, so `02-29` points behave sensibly in common years: as `from` the window starts on
 * Mar 1 00:00, as `to` it ends after Feb 28.
 */
export interface AnnualRule {
  type: "annual";
  from: AnnualPoint;
  to: AnnualPoint;
  fromKey: number;
  toKey: number;
}

// Annual windows recur every year, except ones that only exist on Feb 29, which can be 8 years apart (2096 → 2104).
const YEARS_AHEAD = 9;

/**
 * Reads the `from`/`to` points of an annual schedule that passed `checkSchedule`.
 *
 * @example
 * compileAnnualRule({ type: "annual", from: "12-20 00:00", to: "01-05 23:59" }).fromKey > 0 // => true
 */
export function compileAnnualRule(schedule: AnnualSchedule): AnnualRule {
  const from = pointOf(schedule.from);
  const to = pointOf(schedule.to);
  const fromKey = keyOf(from.month, from.day, from.minuteOfDay);
  return { type: "annual", from, to, fromKey, toKey: keyOf(to.month, to.day, to.minuteOfDay) };
}

function pointOf(text: string): AnnualPoint {
  const point = parseAnnualPoint(text);
  return isAnnualPoint(point) ? point : { month: 1, day: 1, minuteOfDay: 0 };
}

function keyOf(month: number, day: number, minuteOfDay: number): number {
  return (month * 32 + day) * 1_440 + minuteOfDay;
}

/**
 * Whether the local wall time `wall` (wall milliseconds) lies in the yearly window, both ends inclusive to the minute;
 * `to` before `from` wraps the year end.
 *
 * @example
 * isAnnualActive(rule, Date.UTC(2027, 0, 5, 23, 59, 59, 999)) // => true for 12-20 00:00 → 01-05 23:59
 */
export function isAnnualActive(rule: AnnualRule, wall: number): boolean {
  const days = Math.floor(wall / DAY_MS);
  const { month, day } = civilFromDays(days);
  const key = keyOf(month, day, Math.floor((wall - days * DAY_MS) / MINUTE_MS));
  return rule.fromKey <= rule.toKey
    ? key >= rule.fromKey && key <= rule.toKey
    : key >= rule.fromKey || key <= rule.toKey;
}

/**
 * The first wall time after `wall` at which the rule's activity differs from its activity at `wall`, or `null` when
 * it never changes. Every change happens where a year's key first reaches `from` or first passes `to`.
 *
 * @example
 * nextAnnualWallChange(rule, Date.UTC(2026, 5, 1)) // => Date.UTC(2026, 11, 20) for 12-20 00:00 → 01-05 23:59
 */
export function nextAnnualWallChange(rule: AnnualRule, wall: number): number | null {
  const active = isAnnualActive(rule, wall);
  const year = civilFromDays(Math.floor(wall / DAY_MS)).year;
  for (let y = year - 1; y <= year + YEARS_AHEAD; y += 1) {
    const candidates = [firstAtOrAfter(y, rule.from), firstAfter(y, rule.to)].sort((a, b) => a - b);
    for (const candidate of candidates) {
      if (candidate > wall && isAnnualActive(rule, candidate) !== active) return candidate;
    }
  }
  return null;
}

/** First wall minute of `year` whose key is at least the point's (Feb 29 of a common year → Mar 1 00:00). */
function firstAtOrAfter(year: number, point: AnnualPoint): number {
  if (point.day <= daysInMonth(year, point.month)) return wallMs(year, point.month, point.day, point.minuteOfDay);
  return wallMs(year, point.month + 1, 1, 0);
}

/** First wall minute of `year` (or Jan 1 00:00 of the next) whose key is beyond the point's. */
function firstAfter(year: number, point: AnnualPoint): number {
  if (point.day <= daysInMonth(year, point.month)) return wallMs(year, point.month, point.day, point.minuteOfDay + 1);
  return wallMs(year, point.month + 1, 1, 0);
}
