import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileSchedule } from "../../src/schedule/compile-schedule.js";
import { isScheduleActive } from "../../src/schedule/is-schedule-active.js";
import { nextScheduleChange } from "../../src/schedule/next-schedule-change.js";
import type { Schedule } from "../../src/types.js";
import {
  DAY,
  HOUR,
  MINUTE,
  WEEKDAYS,
  annualArb,
  dstCaseArb,
  instantForArb,
  oracleInstant,
  oracleWallClock,
  scheduleCaseArb,
  scheduleEdgesArb,
  weeklyArb,
  zoneArb,
  zoneOf,
  type PeriodCase,
} from "./arbitraries/schedule.js";

// ---------------------------------------------------------------------------------------------------------------
// The naive oracle: reads the wall clock with Intl and applies docs/semantics.md: Schedules literally, one instant at a time.

const pad = (n: number, width = 2): string => String(n).padStart(width, "0");
const minutesOf = (time: string): number => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

function oracleActive(schedule: Schedule, period: PeriodCase | null, zone: string, atMs: number): boolean {
  const w = oracleWallClock(zone, atMs);
  if (schedule.type === "weekly") {
    const minute = w.hour * 60 + w.minute;
    const today = schedule.days[WEEKDAYS[w.weekday] ?? "mon"] ?? [];
    const yesterday = schedule.days[WEEKDAYS[(w.weekday + 6) % 7] ?? "mon"] ?? [];
    const inToday = today.some(({ start, end }) => {
      const [s, e] = [minutesOf(start), minutesOf(end)];
      return s <= e ? s <= minute && minute <= e : minute >= s;
    });
    return inToday || yesterday.some(({ start, end }) => minutesOf(end) < minutesOf(start) && minute <= minutesOf(end));
  }
  if (schedule.type === "annual") {
    const key = (month: number, day: number, minute: number): number => (month * 100 + day) * 10_000 + minute;
    const point = (text: string): number =>
      key(Number(text.slice(0, 2)), Number(text.slice(3, 5)), minutesOf(text.slice(6)));
    const now = key(w.month, w.day, w.hour * 60 + w.minute);
    const from = point(schedule.from);
    const to = point(schedule.to);
    return from <= to ? from <= now && now <= to : now >= from || now <= to;
  }
  const date = `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
  const wall = `${date}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}.${pad(w.ms, 3)}`;
  const from = period?.from ?? null;
  const to = period?.to ?? null;
  if (from !== null && (from.kind === "instant" ? atMs < from.start : wall < from.start)) return false;
  return to === null || (to.kind === "instant" ? atMs <= to.end : wall <= to.end);
}

/** First whole minute after `atMs` (within `limitMs`) whose oracle state differs from the state at `atMs`. */
function walkMinutes(active: (t: number) => boolean, atMs: number, limitMs: number): number | null {
  const initial = active(atMs);
  for (let t = Math.floor(atMs / MINUTE) * MINUTE + MINUTE; t <= atMs + limitMs; t += MINUTE) {
    if (active(t) !== initial) return t;
  }
  return null;
}

const fractionsArb = fc.array(fc.integer({ min: 0, max: 999_999 }), { minLength: 3, maxLength: 6 });
const randomCaseArb = scheduleCaseArb.chain((given) => {
  const zone = zoneOf(given.schedule, given.defaultZone);
  return fc.record({ given: fc.constant(given), atMs: instantForArb(given.schedule, zone, given.period) });
});
const dstGivenArb = dstCaseArb.map(({ schedule, atMs }) => ({
  given: { schedule, period: null, defaultZone: "UTC" },
  atMs,
}));
const caseWithInstantArb = fc.oneof(randomCaseArb, dstGivenArb);

describe("schedule properties", () => {
  it("isScheduleActive agrees with the Intl wall-clock oracle", () => {
    fc.assert(
      fc.property(caseWithInstantArb, ({ given, atMs }) => {
        const zone = zoneOf(given.schedule, given.defaultZone);
        const compiled = compileSchedule(given.schedule);
        const expected = oracleActive(given.schedule, given.period, zone, atMs);
        expect(isScheduleActive(compiled, atMs, given.defaultZone)).toBe(expected);
      }),
    );
  });

  it("nextScheduleChange of a weekly schedule is the first minute the oracle's state flips", () => {
    const randomWeeklyArb = fc
      .record({ schedule: weeklyArb, defaultZone: zoneArb })
      .chain(({ schedule, defaultZone }) =>
        fc.record({
          schedule: fc.constant(schedule),
          defaultZone: fc.constant(defaultZone),
          atMs: instantForArb(schedule, zoneOf(schedule, defaultZone), null),
        }),
      );
    const dstWeeklyArb = dstCaseArb
      .filter((given) => given.schedule.type === "weekly")
      .map((given) => ({ ...given, defaultZone: "UTC" }));
    const weeklyCaseArb = fc.oneof(randomWeeklyArb, dstWeeklyArb);
    fc.assert(
      fc.property(weeklyCaseArb, ({ schedule, defaultZone, atMs }) => {
        const zone = zoneOf(schedule, defaultZone);
        // A window whose minutes fall in a spring-forward gap is skipped for a week, so walk a little over two weeks.
        const expected = walkMinutes((t) => oracleActive(schedule, null, zone, t), atMs, 15 * DAY);
        expect(nextScheduleChange(compileSchedule(schedule), atMs, defaultZone)).toBe(expected);
      }),
      { numRuns: 100 },
    );
  });

  it("nextScheduleChange of an annual schedule near its edges is the first minute the oracle's state flips", () => {
    const nearEdgeArb = fc.record({ schedule: annualArb, defaultZone: zoneArb }).chain(({ schedule, defaultZone }) =>
      fc.record({
        schedule: fc.constant(schedule),
        defaultZone: fc.constant(defaultZone),
        atMs: fc
          .tuple(
            scheduleEdgesArb(schedule),
            fc.oneof(fc.integer({ min: -HOUR, max: 3 * DAY }), fc.constantFrom(0, 1, MINUTE, 2 * HOUR)),
          )
          .map(([edge, before]) => oracleInstant(zoneOf(schedule, defaultZone), edge) - before),
      }),
    );
    const dstAnnualArb = dstCaseArb
      .filter((given) => given.schedule.type === "annual")
      .map((given) => ({ ...given, defaultZone: "UTC" }));
    fc.assert(
      fc.property(fc.oneof(nearEdgeArb, dstAnnualArb), ({ schedule, defaultZone, atMs }) => {
        const zone = zoneOf(schedule, defaultZone);
        const limit = 4 * DAY;
        const expected = walkMinutes((t) => oracleActive(schedule, null, zone, t), atMs, limit);
        const next = nextScheduleChange(compileSchedule(schedule), atMs, defaultZone);
        if (expected === null) expect(next === null || next > atMs + limit).toBe(true);
        else expect(next).toBe(expected);
      }),
      { numRuns: 100 },
    );
  });

  it("keeps the state constant from atMs until nextScheduleChange, and flips it there", () => {
    fc.assert(
      fc.property(caseWithInstantArb, fractionsArb, ({ given, atMs }, fractions) => {
        const zone = zoneOf(given.schedule, given.defaultZone);
        const state = (t: number): boolean => oracleActive(given.schedule, given.period, zone, t);
        const initial = state(atMs);
        const next = nextScheduleChange(compileSchedule(given.schedule), atMs, given.defaultZone);
        if (next === null) {
          for (const f of fractions) expect(state(atMs + Math.floor((f / 1e6) * 3 * 365 * DAY))).toBe(initial);
          return;
        }
        expect(Number.isInteger(next) && next > atMs).toBe(true);
        expect(state(next)).toBe(!initial);
        for (const t of [next - 1, atMs + 1, ...fractions.map((f) => atMs + Math.floor((f / 1e6) * (next - atMs)))]) {
          if (t < next) expect(state(t)).toBe(initial);
        }
      }),
    );
  });
});
