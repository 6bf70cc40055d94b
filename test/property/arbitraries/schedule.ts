/**
 * Arbitraries for schedules, plus the independent wall clock the oracles rely on. The wall clock is read with
 * `Intl.DateTimeFormat#formatToParts`, never with @date-fns/tz, so the implementation is checked against a second
 * reading of the time zone database rather than against itself.
 *
 * Instants are drawn from 2000–2037, with extra weight on the minutes around DST transitions and around the edges of
 * the generated schedule's own windows (where off-by-one-minute and offset mistakes show).
 */
import fc from "fast-check";
import { checkSchedule } from "../../../src/schedule/check-schedule.js";
import type {
  AnnualSchedule,
  PeriodSchedule,
  Schedule,
  ScheduleWindow,
  Weekday,
  WeeklySchedule,
} from "../../../src/types.js";

export const ZONES = [
  "UTC",
  "Europe/Vilnius",
  "America/New_York",
  "Australia/Lord_Howe",
  "Asia/Kathmandu",
  "America/Sao_Paulo",
  "Pacific/Chatham",
] as const;

export const WEEKDAYS: readonly Weekday[] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;
const FIRST = Date.UTC(2000, 0, 1);
const LAST = Date.UTC(2037, 11, 31);

// ---------------------------------------------------------------------------------------------------------------
// The oracle's wall clock

/** A local wall-clock reading; `weekday` 0 = Monday. */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const SHORT_WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/** The wall clock of `zone` at `atMs`, read with Intl (whole-second offsets: milliseconds carry over unchanged). */
export function oracleWallClock(zone: string, atMs: number): WallClock {
  let format = formatters.get(zone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      weekday: "short",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(zone, format);
  }
  const parts: Record<string, string> = {};
  for (const part of format.formatToParts(atMs)) parts[part.type] = part.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    ms: ((atMs % 1000) + 1000) % 1000,
    weekday: SHORT_WEEKDAYS.indexOf(parts.weekday ?? ""),
  };
}

/** UTC offset of `zone` at `atMs` in ms, from the oracle's wall clock. */
export function oracleOffset(zone: string, atMs: number): number {
  const w = oracleWallClock(zone, atMs);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.ms) - atMs;
}

/** An instant whose local time in `zone` is (about) the wall time `wallMs`: exact outside DST gaps and overlaps. */
export function oracleInstant(zone: string, wallMs: number): number {
  const guess = wallMs - oracleOffset(zone, wallMs);
  return wallMs - oracleOffset(zone, guess);
}

const transitionCache = new Map<string, number[]>();

/** Instants (to the minute) in 2000–2037 at which the UTC offset of `zone` changes. */
export function oracleTransitions(zone: string): number[] {
  let found = transitionCache.get(zone);
  if (found !== undefined) return found;
  found = [];
  for (let lo = FIRST; lo < LAST; lo += 7 * DAY) {
    const hi = lo + 7 * DAY;
    if (oracleOffset(zone, lo) === oracleOffset(zone, hi)) continue;
    let a = lo / MINUTE;
    let b = hi / MINUTE;
    while (b - a > 1) {
      const mid = Math.floor((a + b) / 2);
      if (oracleOffset(zone, mid * MINUTE) === oracleOffset(zone, lo)) a = mid;
      else b = mid;
    }
    found.push(b * MINUTE);
  }
  transitionCache.set(zone, found);
  return found;
}

// ---------------------------------------------------------------------------------------------------------------
// Schedules

export const zoneArb = fc.constantFrom(...ZONES);

const pad = (n: number, width = 2): string => String(n).padStart(width, "0");

/** `HH:mm`, often at the edges of the day or in the hours DST transitions use. */
export const clockTimeArb: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${pad(h)}:${pad(m)}`),
  fc.constantFrom("00:00", "23:59", "00:59", "01:00", "01:59", "02:00", "02:30", "02:45", "02:59", "03:00"),
  fc.constantFrom("03:30", "03:44", "03:45", "03:59", "04:00", "04:30", "12:00", "22:00", "23:00", "23:30"),
);

export const windowArb: fc.Arbitrary<ScheduleWindow> = fc
  .record({ start: clockTimeArb, end: clockTimeArb })
  .filter((window) => window.start !== window.end);

export const weeklyArb: fc.Arbitrary<WeeklySchedule> = fc.record(
  {
    type: fc.constant("weekly" as const),
    timeZone: zoneArb,
    days: fc.record(
      Object.fromEntries(WEEKDAYS.map((day) => [day, fc.array(windowArb, { maxLength: 3 })])) as Record<
        Weekday,
        fc.Arbitrary<ScheduleWindow[]>
      >,
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: ["type", "days"] },
);

const LEAP_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** `MM-DD HH:mm`, often on Feb 29, at the year's edges or in DST months. */
export const annualPointArb: fc.Arbitrary<string> = fc
  .tuple(
    fc.oneof(fc.integer({ min: 1, max: 12 }), fc.constantFrom(1, 2, 3, 4, 9, 10, 11, 12)),
    fc.oneof(fc.integer({ min: 1, max: 31 }), fc.constantFrom(1, 28, 29, 31)),
    clockTimeArb,
  )
  .map(([month, day, time]) => `${pad(month)}-${pad(Math.min(day, LEAP_DAYS[month - 1] ?? 28))} ${time}`);

export const annualArb: fc.Arbitrary<AnnualSchedule> = fc
  .record(
    { type: fc.constant("annual" as const), timeZone: zoneArb, from: annualPointArb, to: annualPointArb },
    { requiredKeys: ["type", "from", "to"] },
  )
  .filter((schedule) => schedule.from !== schedule.to);

/** How the oracle reads one period bound: an instant span, or a wall-time span as sortable ISO strings. */
export type OracleBound =
  | { kind: "instant"; start: number; end: number }
  | { kind: "wall"; start: string; end: string };

export interface PeriodCase {
  schedule: PeriodSchedule;
  from: OracleBound | null;
  to: OracleBound | null;
}

const boundArb: fc.Arbitrary<{ value: string | number; oracle: OracleBound }> = fc.oneof(
  fc.integer({ min: FIRST, max: LAST }).map((ms) => ({
    value: ms,
    oracle: { kind: "instant" as const, start: ms, end: ms },
  })),
  fc
    .record({
      ms: fc.integer({ min: FIRST, max: LAST }),
      precision: fc.constantFrom("date", "minute", "second", "f1", "f2", "f3", "f4"),
      offset: fc.option(fc.constantFrom(0, 120, -300, 345, 825, -570), { nil: null }),
    })
    .map(({ ms, precision, offset }) => isoBound(ms, precision, offset)),
);

/** Writes the UTC fields of `ms` at the given precision, with or without an offset (minutes). */
function isoBound(ms: number, precision: string, offset: number | null): { value: string; oracle: OracleBound } {
  const d = new Date(ms);
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const minute = `${date}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  const second = `${minute}:${pad(d.getUTCSeconds())}`;
  const digits = precision.startsWith("f") ? Number(precision.slice(1)) : 0;
  const fraction = pad(d.getUTCMilliseconds(), 3).padEnd(4, "7").slice(0, digits);
  const written = { date, minute, second }[precision] ?? `${second}.${fraction}`;
  const startIso = fillTo(written.length === 10 ? `${date}T00:00:00.000` : written, "0");
  const endIso = fillTo(written.length === 10 ? `${date}T23:59:59.999` : written, "9");
  if (offset === null) return { value: written, oracle: { kind: "wall", start: startIso, end: endIso } };
  const sign = offset < 0 ? "-" : "+";
  const suffix = offset === 0 ? "Z" : `${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
  const shift = offset * MINUTE;
  return {
    value: `${written}${suffix}`,
    oracle: { kind: "instant", start: Date.parse(`${startIso}Z`) - shift, end: Date.parse(`${endIso}Z`) - shift },
  };
}

/** Completes `YYYY-MM-DDTHH:mm[:ss[.f…]]` to `YYYY-MM-DDTHH:mm:ss.fff`; `fill` `9` gives the span's end. */
function fillTo(written: string, fill: "0" | "9"): string {
  const withSeconds = written.length === 16 ? `${written}:${fill === "9" ? "59" : "00"}` : written;
  const withDot = withSeconds.length === 19 ? `${withSeconds}.` : withSeconds;
  return withDot.padEnd(23, fill).slice(0, 23);
}

export const periodArb: fc.Arbitrary<PeriodCase> = fc
  .record({ from: fc.option(boundArb, { nil: null }), to: fc.option(boundArb, { nil: null }) })
  .map(({ from, to }) => {
    const schedule: PeriodSchedule = { type: "period" };
    if (from !== null) schedule.from = from.value;
    if (to !== null) schedule.to = to.value;
    return { schedule, from: from?.oracle ?? null, to: to?.oracle ?? null };
  })
  .filter(({ schedule }) => checkSchedule(schedule).length === 0);

// ---------------------------------------------------------------------------------------------------------------
// Instants

export const instantArb = fc.integer({ min: FIRST, max: LAST });

/** A small shift that likes whole minutes and the milliseconds right next to them. */
const deltaArb = fc.oneof(
  fc.constantFrom(0, -1, 1, -MINUTE, MINUTE, -MINUTE - 1, MINUTE - 1, -HOUR, HOUR),
  fc.integer({ min: -3 * HOUR, max: 3 * HOUR }),
  fc.integer({ min: -180, max: 180 }).map((minutes) => minutes * MINUTE),
);

/** An instant near one of `zone`'s DST transitions. */
export function nearTransitionArb(zone: string): fc.Arbitrary<number> {
  const transitions = oracleTransitions(zone);
  if (transitions.length === 0) return instantArb;
  return fc
    .tuple(fc.nat({ max: transitions.length - 1 }), deltaArb)
    .map(([index, delta]) => (transitions[index] ?? FIRST) + delta);
}

/** Local wall times (wall ms, any year) at which `schedule` may change; the oracle turns them into instants. */
export function scheduleEdgesArb(schedule: Schedule): fc.Arbitrary<number> {
  const weekArb = fc.integer({ min: 0, max: 1_975 }).map((week) => Date.UTC(2000, 0, 3) + week * 7 * DAY);
  const yearArb = fc.integer({ min: 2000, max: 2036 });
  switch (schedule.type) {
    case "weekly": {
      const edges = WEEKDAYS.flatMap((day, index) =>
        (schedule.days[day] ?? []).flatMap((w) => {
          const end = minutes(w.end) + 1 + (w.end < w.start ? 1_440 : 0);
          return [minutes(w.start), end].map((m) => index * 1_440 + m);
        }),
      );
      if (edges.length === 0) return instantArb;
      return fc.tuple(weekArb, fc.constantFrom(...edges)).map(([monday, m]) => monday + m * MINUTE);
    }
    case "annual":
      return fc
        .tuple(yearArb, fc.constantFrom(schedule.from, schedule.to), fc.boolean())
        .map(([year, point, after]) => annualWall(year, point) + (after ? MINUTE : 0));
    case "period":
      return instantArb;
  }
}

function minutes(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

function annualWall(year: number, point: string): number {
  return Date.UTC(year, Number(point.slice(0, 2)) - 1, Number(point.slice(3, 5))) + minutes(point.slice(6)) * MINUTE;
}

/** A weekly, annual or period schedule with the time zone to use when it names none. */
export const scheduleCaseArb: fc.Arbitrary<{ schedule: Schedule; period: PeriodCase | null; defaultZone: string }> =
  fc.oneof(
    fc.record({ schedule: weeklyArb, period: fc.constant(null), defaultZone: zoneArb }),
    fc.record({ schedule: annualArb, period: fc.constant(null), defaultZone: zoneArb }),
    fc.record({ period: periodArb, defaultZone: zoneArb }).map(({ period, defaultZone }) => ({
      schedule: period.schedule,
      period,
      defaultZone,
    })),
  );

/** The zone a schedule is judged in. */
export function zoneOf(schedule: Schedule, defaultZone: string): string {
  return schedule.type === "period" ? defaultZone : (schedule.timeZone ?? defaultZone);
}

/** An instant anywhere in 2000–2037, near a DST transition of `zone`, or near an edge of `schedule`. */
export function instantForArb(schedule: Schedule, zone: string, period: PeriodCase | null): fc.Arbitrary<number> {
  const edgeArb =
    schedule.type === "period"
      ? periodEdgesArb(zone, period)
      : scheduleEdgesArb(schedule).map((wall) => oracleInstant(zone, wall));
  return fc.oneof(
    instantArb,
    nearTransitionArb(zone),
    fc.tuple(edgeArb, deltaArb).map(([at, delta]) => at + delta),
  );
}

/** Instants where a period's bounds start or end (local bounds via the oracle's wall clock). */
function periodEdgesArb(zone: string, period: PeriodCase | null): fc.Arbitrary<number> {
  const edges = [period?.from, period?.to].flatMap((bound) => {
    if (bound === null || bound === undefined) return [];
    if (bound.kind === "instant") return [bound.start, bound.end + 1];
    return [Date.parse(`${bound.start}Z`), Date.parse(`${bound.end}Z`) + 1].map((wall) => oracleInstant(zone, wall));
  });
  return edges.length === 0 ? instantArb : fc.constantFrom(...edges);
}

// ---------------------------------------------------------------------------------------------------------------
// Schedules built around a DST transition

const DST_ZONES = ["Europe/Vilnius", "America/New_York", "Australia/Lord_Howe", "America/Sao_Paulo", "Pacific/Chatham"];

/** `MM-DD` and `HH:mm` of a wall time, and its weekday (0 = Monday). */
function wallParts(wall: number): { date: string; time: string; weekday: number } {
  const d = new Date(wall);
  return {
    date: `${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`,
    time: `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`,
    weekday: (d.getUTCDay() + 6) % 7,
  };
}

/**
 * A weekly or annual schedule whose window edges sit within 90 minutes of the wall times on either side of one DST
 * transition (so the transition can open or close a window by itself), with an instant up to 6 hours before it.
 */
export const dstCaseArb: fc.Arbitrary<{ schedule: WeeklySchedule | AnnualSchedule; atMs: number }> = fc
  .constantFrom(...DST_ZONES)
  .chain((zone) => {
    const transitions = oracleTransitions(zone);
    return fc.record({
      zone: fc.constant(zone),
      at: fc.constantFrom(...transitions),
      edges: fc.array(fc.tuple(fc.boolean(), fc.integer({ min: -90, max: 90 })), { minLength: 2, maxLength: 4 }),
      weekly: fc.boolean(),
      before: fc.oneof(fc.integer({ min: -HOUR, max: 6 * HOUR }), fc.constantFrom(1, MINUTE, MINUTE + 1)),
    });
  })
  .map(({ zone, at, edges, weekly, before }) => {
    const wallBefore = Math.floor((at - 1 + oracleOffset(zone, at - 1)) / MINUTE) * MINUTE;
    const wallAfter = at + oracleOffset(zone, at);
    const walls = edges.map(([after, shift]) => (after ? wallAfter : wallBefore) + shift * MINUTE);
    const pairs: [number, number][] = [];
    for (let i = 0; i + 1 < walls.length; i += 2) pairs.push([walls[i] ?? 0, walls[i + 1] ?? 0]);
    const schedule = weekly ? weeklyAround(zone, pairs) : annualAround(zone, pairs[0] ?? [0, 0]);
    return { schedule, atMs: at - before };
  })
  .filter(({ schedule }) => checkSchedule(schedule).length === 0);

function weeklyAround(zone: string, pairs: [number, number][]): WeeklySchedule {
  const days: Partial<Record<Weekday, ScheduleWindow[]>> = {};
  for (const [a, b] of pairs) {
    const start = wallParts(Math.min(a, b));
    const day = WEEKDAYS[start.weekday] ?? "mon";
    (days[day] ??= []).push({ start: start.time, end: wallParts(Math.max(a, b)).time });
  }
  return { type: "weekly", timeZone: zone, days };
}

function annualAround(zone: string, [a, b]: [number, number]): AnnualSchedule {
  const from = wallParts(Math.min(a, b));
  const to = wallParts(Math.max(a, b));
  return { type: "annual", timeZone: zone, from: `${from.date} ${from.time}`, to: `${to.date} ${to.time}` };
}
