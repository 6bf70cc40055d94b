/**
 * Calendar arithmetic on "wall milliseconds": a local wall-clock reading written as if it were a UTC instant
 * (`2026-12-24T18:00` local → `Date.UTC(2026, 11, 24, 18)`). Hand-written rather than via `Date` so that the hot
 * path allocates nothing and years below 100 are not remapped to the 1900s the way `Date.UTC` does.
 */

/** Milliseconds in one minute. */
export const MINUTE_MS = 60_000;
/** Milliseconds in one day. */
export const DAY_MS = 86_400_000;
/** Minutes in one day. */
export const DAY_MINUTES = 1_440;

/** A proleptic Gregorian calendar date; `month` 1–12, `day` 1–31. */
export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

/**
 * Days from 1970-01-01 to the given date (negative before it). Howard Hinnant's `days_from_civil`.
 *
 * @example
 * daysFromCivil(1970, 1, 2) // => 1
 */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/**
 * The calendar date `days` after 1970-01-01. Howard Hinnant's `civil_from_days`.
 *
 * @example
 * civilFromDays(59) // => { year: 1970, month: 3, day: 1 }
 */
export function civilFromDays(days: number): CivilDate {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1_460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/**
 * Number of days in `month` (1–12) of `year`.
 *
 * @example
 * daysInMonth(2024, 2) // => 29
 */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * Wall milliseconds of a local date and minute of the day.
 *
 * @example
 * wallMs(1970, 1, 2, 60) // => 90_000_000
 */
export function wallMs(year: number, month: number, day: number, minuteOfDay: number): number {
  return daysFromCivil(year, month, day) * DAY_MS + minuteOfDay * MINUTE_MS;
}
