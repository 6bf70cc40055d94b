import type { Schedule, ScheduleWindow, Weekday } from "../types.js";
import { zoneOffsetMs } from "../schedule/zone-offset.js";
import { show, type RowReader } from "./read-cell.js";

/** What LHC's schedule columns become; `never` when LHC would never find the schedule active. */
export interface MappedSchedule {
  schedule?: Schedule;
  never: boolean;
}

const DAYS: readonly [string, Weekday][] = [
  ["mod", "mon"], ["tud", "tue"], ["wed", "wed"], ["thd", "thu"], ["frd", "fri"], ["sad", "sat"], ["sud", "sun"],
];

/**
 * Maps `repetitiveness` (0 none, 1 weekly, 2 one period, 3 annually) with `days_activity`, `active_from` and
 * `active_to` onto a beckon schedule. Weekly and annual schedules run on LHC's server clock: they get `timeZone`, or,
 * without one, no zone and a report.
 *
 * @example
 * mapSchedule(reader, "Europe/Vilnius") // repetitiveness 1, days_activity '{"mod":{"start":900,"end":1730}}'
 * // => { schedule: { type: "weekly", timeZone: "Europe/Vilnius", days: { mon: [{ start: "09:00", end: "17:30" }] } }, never: false }
 */
export function mapSchedule(reader: RowReader, timeZone: string | undefined): MappedSchedule {
  const mode = reader.int("repetitiveness");
  switch (mode) {
    case 0:
      return { never: false };
    case 1:
      return zoned(reader, timeZone, weekly(reader, timeZone));
    case 2:
      return period(reader);
    case 3:
      return zoned(reader, timeZone, annual(reader, timeZone));
    default:
      reader.lossy("unknown_schedule", "repetitiveness", `${mode} is not a schedule mode LHC knows (0-3); imported without a schedule`);
      return { never: false };
  }
}

function zoned(reader: RowReader, timeZone: string | undefined, mapped: MappedSchedule): MappedSchedule {
  if (timeZone === undefined && mapped.schedule !== undefined) {
    const message = "LHC runs this schedule on its server's clock, and no time zone was given (--time-zone): imported without one, so it follows the evaluation's options.timeZone (UTC by default)";
    reader.lossy("time_zone_missing", "repetitiveness", message);
  }
  return mapped;
}

function weekly(reader: RowReader, timeZone: string | undefined): MappedSchedule {
  const text = reader.text("days_activity");
  const schedule = (days: Partial<Record<Weekday, ScheduleWindow[]>>): Schedule =>
    timeZone === undefined ? { type: "weekly", days } : { type: "weekly", timeZone, days };
  let parsed: unknown = null;
  try {
    parsed = text.trim() === "" ? null : JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    if (!(Array.isArray(parsed) && parsed.length === 0)) {
      const message = `${show(text)} holds no weekly windows LHC can read, so the schedule is never active: imported with no window`;
      reader.lossy("malformed_days_activity", "days_activity", message);
    }
    return { schedule: schedule({}), never: false };
  }
  const days: Partial<Record<Weekday, ScheduleWindow[]>> = {};
  for (const [lhcDay, day] of DAYS) {
    const entry = (parsed as Record<string, unknown>)[lhcDay];
    if (entry === undefined) continue;
    const window = dayWindow(reader, lhcDay, entry);
    if (window !== null) days[day] = [window];
  }
  return { schedule: schedule(days), never: false };
}

/** One day's `{start, end}` (integers HHMM); `null`, reported, when LHC would never be active that day. */
function dayWindow(reader: RowReader, lhcDay: string, entry: unknown): ScheduleWindow | null {
  const column = `days_activity.${lhcDay}`;
  const record = typeof entry === "object" && entry !== null ? (entry as Record<string, unknown>) : {};
  const start = hhmm(record.start);
  const end = hhmm(record.end);
  if (start === null || end === null) {
    reader.lossy("malformed_days_activity", column, `${show(entry)} is not { start, end } in HHMM: LHC never activates that day, nor does the import`);
    return null;
  }
  const from = ceilMinute(start);
  const to = floorMinute(end);
  if (from === null || to === null || from >= to) {
    const message = from !== null && from === to
      ? `${show(entry)} is a one-minute window, which beckon cannot write (a window that starts where it ends is refused): that day is left inactive`
      : `${show(entry)} never holds in LHC (start after end): that day is left inactive`;
    reader.lossy("unusable_window", column, message);
    return null;
  }
  if (from !== start || to !== end) {
    reader.difference("window_normalised", column, `${show(entry)} names no valid time; the minutes LHC's comparison covers are ${clock(from)}-${clock(to)}`);
  }
  return { start: clock(from), end: clock(to) };
}

function hhmm(value: unknown): number | null {
  const n = typeof value === "number" ? value : typeof value === "string" && /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  return Number.isSafeInteger(n) && n >= 0 ? n : null;
}

/** The first valid HHMM at or after `value` (LHC compares integers, so 975 starts at 10:00); `null` past 23:59. */
function ceilMinute(value: number): number | null {
  const hours = Math.floor(value / 100);
  const minutes = value % 100;
  if (hours > 23) return null;
  if (minutes > 59) return hours + 1 > 23 ? null : (hours + 1) * 100;
  return value;
}

/** The last valid HHMM at or before `value` (2400 ends at 23:59). */
function floorMinute(value: number): number | null {
  const hours = Math.floor(value / 100);
  const minutes = value % 100;
  if (hours > 23) return 2359;
  return minutes > 59 ? hours * 100 + 59 : value;
}

function clock(value: number): string {
  return `${pad(Math.floor(value / 100))}:${pad(value % 100)}`;
}

/** Unix seconds beckon can write as an ISO instant: from 1970 up to the year 9999. */
const MAX_SECONDS = 253_402_300_799;

function outOfRange(reader: RowReader, from: number, to: number): boolean {
  const bad = [["active_from", from], ["active_to", to]].filter(([, s]) => (s as number) < 0 || (s as number) > MAX_SECONDS);
  for (const [column, seconds] of bad) {
    reader.lossy("invalid_date", column as string, `${seconds} is not a unix time between 1970 and 9999: imported disabled, without the schedule`);
  }
  return bad.length > 0;
}

function period(reader: RowReader): MappedSchedule {
  const from = reader.int("active_from");
  const to = reader.int("active_to");
  if (outOfRange(reader, from, to)) return { never: true };
  if (to !== 0 && from > to) {
    reader.lossy("period_never_active", "active_to", `the period ends (${iso(to)}) before it starts (${iso(from)}), so LHC never shows the invitation: imported disabled, without the schedule`);
    return { never: true };
  }
  const schedule: Schedule = { type: "period" };
  // LHC compares whole seconds, both ends inclusive: a second-precision ISO instant covers exactly that second.
  if (from > 0) schedule.from = iso(from);
  if (to > 0) schedule.to = iso(to);
  return { schedule, never: false };
}

function annual(reader: RowReader, timeZone: string | undefined): MappedSchedule {
  const fromTs = reader.int("active_from");
  const toTs = reader.int("active_to");
  if (outOfRange(reader, fromTs, toTs)) return { never: true };
  if (toTs === 0) {
    reader.lossy("annual_without_end", "active_to", "an annual window without an end date is practically never active in LHC: imported disabled, without the schedule");
    return { never: true };
  }
  const from = monthDay(fromTs, timeZone ?? "UTC");
  const to = monthDay(toTs, timeZone ?? "UTC");
  if (from === to) {
    reader.lossy("unusable_window", "active_to", `the window starts and ends at ${from}, which beckon cannot write: imported disabled, without the schedule`);
    return { never: true };
  }
  if (to < from) {
    reader.difference("annual_wraps", "active_to", `${from} → ${to} wraps the year end: LHC never shows such a window, beckon does (from ${from} to ${to})`);
  }
  const schedule: Schedule = timeZone === undefined ? { type: "annual", from, to } : { type: "annual", timeZone, from, to };
  return { schedule, never: false };
}

/** `MM-DD HH:mm` of a unix time on the wall clock of `timeZone`. */
function monthDay(seconds: number, timeZone: string): string {
  const ms = seconds * 1000;
  const wall = new Date(ms + zoneOffsetMs(timeZone, ms));
  return `${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())} ${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}`;
}

function iso(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace(".000Z", "Z");
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}
