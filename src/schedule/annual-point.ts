import { parseClockTime } from "./clock-time.js";

/** A yearly recurring local instant: month 1–12, day 1–31, minute of the day. */
export interface AnnualPoint {
  month: number;
  day: number;
  minuteOfDay: number;
}

/** What is wrong with an annual `MM-DD HH:mm` value; both may be. */
export interface AnnualPointProblems {
  date: boolean;
  time: boolean;
}

const SHAPE = /^(\d{2})-(\d{2}) (\S+)$/;
// Day limits of a leap year: 02-29 is a valid annual point (it only occurs every fourth year).
const LEAP_MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Parses an annual schedule point `"MM-DD HH:mm"`; answers the point, or which half is invalid. A value that does not
 * have the `MM-DD HH:mm` shape at all counts as an invalid date.
 *
 * @example
 * parseAnnualPoint("12-20 00:00") // => { month: 12, day: 20, minuteOfDay: 0 }
 * parseAnnualPoint("04-31 25:00") // => { date: true, time: true }
 */
export function parseAnnualPoint(text: string): AnnualPoint | AnnualPointProblems {
  const match = SHAPE.exec(text);
  if (match === null) return { date: true, time: false };
  const month = Number(match[1]);
  const day = Number(match[2]);
  const minuteOfDay = parseClockTime(match[3] ?? "");
  const monthDays = LEAP_MONTH_DAYS[month - 1];
  const dateBad = monthDays === undefined || day < 1 || day > monthDays;
  if (dateBad || minuteOfDay === null) return { date: dateBad, time: minuteOfDay === null };
  return { month, day, minuteOfDay };
}

/**
 * Tells a parsed point from a problem report.
 *
 * @example
 * isAnnualPoint(parseAnnualPoint("01-05 23:59")) // => true
 */
export function isAnnualPoint(value: AnnualPoint | AnnualPointProblems): value is AnnualPoint {
  return "month" in value;
}
