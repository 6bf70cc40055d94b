import type { AnnualSchedule, PeriodSchedule, Schedule, Weekday, WeeklySchedule } from "../types.js";
import { isAnnualPoint, parseAnnualPoint } from "./annual-point.js";
import { parseClockTime } from "./clock-time.js";
import { parsePeriodBound, type PeriodBound } from "./period-bound.js";
import { isValidTimeZone } from "./time-zone.js";
import { assertNever } from "../lib/assert-never.js";

/** A semantic problem in a schedule; `path` is relative to the schedule object. */
export interface ScheduleIssue {
  code: "invalid_time_zone" | "invalid_time" | "invalid_date" | "empty_window" | "period_end_before_start";
  path: (string | number)[];
  message: string;
}

type Path = (string | number)[];
const WEEKDAYS: readonly Weekday[] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/**
 * Checks a structurally valid schedule (its shape already passed the zod schema) for problems the shape cannot
 * express: unknown time zones, impossible times and dates, empty windows, periods that end before they start.
 * Every problem is reported, not just the first.
 *
 * @example
 * checkSchedule({ type: "weekly", days: { mon: [{ start: "09:00", end: "24:00" }] } })
 * // => [{ code: "invalid_time", path: ["days", "mon", 0, "end"], message: "…" }]
 */
export function checkSchedule(schedule: Schedule): ScheduleIssue[] {
  switch (schedule.type) {
    case "weekly":
      return [...checkZone(schedule.timeZone), ...checkWeekly(schedule)];
    case "period":
      return checkPeriod(schedule);
    case "annual":
      return [...checkZone(schedule.timeZone), ...checkAnnual(schedule)];
    default:
      return assertNever(schedule, "schedule");
  }
}

function checkZone(timeZone: string | undefined): ScheduleIssue[] {
  if (timeZone === undefined || isValidTimeZone(timeZone)) return [];
  return [issue("invalid_time_zone", ["timeZone"], `"${timeZone}" is not an IANA time zone this runtime knows`)];
}

function checkWeekly(schedule: WeeklySchedule): ScheduleIssue[] {
  const issues: ScheduleIssue[] = [];
  for (const day of WEEKDAYS) {
    schedule.days[day]?.forEach((window, index) => {
      const path: Path = ["days", day, index];
      const start = parseClockTime(window.start);
      const end = parseClockTime(window.end);
      if (start === null) issues.push(badTime([...path, "start"], window.start));
      if (end === null) issues.push(badTime([...path, "end"], window.end));
      if (start !== null && start === end) {
        issues.push(issue("empty_window", [...path, "end"], `the window ends where it starts (${window.end})`));
      }
    });
  }
  return issues;
}

function checkPeriod(schedule: PeriodSchedule): ScheduleIssue[] {
  const from = schedule.from === undefined ? undefined : parsePeriodBound(schedule.from);
  const to = schedule.to === undefined ? undefined : parsePeriodBound(schedule.to);
  const issues: ScheduleIssue[] = [];
  if (from === null) issues.push(badDate(["from"], schedule.from, "an ISO 8601 date or date-time, or epoch ms"));
  if (to === null) issues.push(badDate(["to"], schedule.to, "an ISO 8601 date or date-time, or epoch ms"));
  if (from && to && endsBeforeStart(from, to)) {
    issues.push(issue("period_end_before_start", ["to"], "the period ends before it starts"));
  }
  return issues;
}

/** Instants compare as instants; as soon as one side is local wall time, both compare as the wall times written. */
function endsBeforeStart(from: PeriodBound, to: PeriodBound): boolean {
  return from.zoned || to.zoned ? from.statedStart > to.statedEnd : from.start > to.end;
}

function checkAnnual(schedule: AnnualSchedule): ScheduleIssue[] {
  const issues: ScheduleIssue[] = [];
  const points = (["from", "to"] as const).map((key) => {
    const point = parseAnnualPoint(schedule[key]);
    if (isAnnualPoint(point)) return point;
    if (point.date) issues.push(badDate([key], schedule[key], 'a "MM-DD HH:mm" date that exists in a leap year'));
    if (point.time) issues.push(badTime([key], schedule[key]));
    return null;
  });
  const [from, to] = points;
  if (from && to && from.month === to.month && from.day === to.day && from.minuteOfDay === to.minuteOfDay) {
    issues.push(issue("empty_window", ["to"], `the window ends where it starts (${schedule.to})`));
  }
  return issues;
}

function badTime(path: Path, value: string): ScheduleIssue {
  return issue("invalid_time", path, `"${value}" has no valid HH:mm time of day (00:00 to 23:59)`);
}

function badDate(path: Path, value: unknown, expected: string): ScheduleIssue {
  const shown = typeof value === "string" ? `"${value}"` : String(value);
  return issue("invalid_date", path, `${shown} is not ${expected}`);
}

function issue(code: ScheduleIssue["code"], path: Path, message: string): ScheduleIssue {
  return { code, path, message };
}

