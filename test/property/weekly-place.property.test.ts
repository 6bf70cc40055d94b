import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { firstAbove } from "../../src/lib/first-above.js";
import { compileWeeklyRule, WEEK_MINUTES, weeklyPlace } from "../../src/schedule/weekly-rule.js";
import type { ScheduleWindow, Weekday, WeeklySchedule } from "../../src/types.js";
import { WEEKDAYS, weeklyArb } from "./arbitraries/schedule.js";

const pad = (n: number): string => String(n).padStart(2, "0");
const time = (minute: number): string => `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`;

/** A day with many short windows: more bounds than weeklyPlace walks one by one before it searches. */
const busyDayArb: fc.Arbitrary<ScheduleWindow[]> = fc
  .uniqueArray(fc.integer({ min: 0, max: 1_439 }), { minLength: 6, maxLength: 40 })
  .map((starts) => starts.sort((a, b) => a - b).map((start) => ({ start: time(start), end: time(Math.min(1_439, start + 1)) })));

const busyArb: fc.Arbitrary<WeeklySchedule> = fc
  .tuple(fc.constantFrom(...WEEKDAYS), busyDayArb, weeklyArb)
  .map(([day, windows, schedule]) => ({ ...schedule, days: { ...schedule.days, [day as Weekday]: windows } }));

describe("weeklyPlace", () => {
  it("is the place a search of the whole week finds, for every minute of the week and around it", () => {
    fc.assert(
      fc.property(fc.oneof(weeklyArb, busyArb), fc.array(fc.integer({ min: -30, max: WEEK_MINUTES + 30 }), { maxLength: 50 }), (schedule, minutes) => {
        const rule = compileWeeklyRule(schedule);
        for (const minute of [...minutes, 0, WEEK_MINUTES - 1, ...rule.intervals, ...rule.intervals.map((bound) => bound - 1)]) {
          expect(weeklyPlace(rule, minute)).toBe(firstAbove(rule.intervals, minute));
        }
      }),
    );
  });

  it("reaches days busy enough to be searched", () => {
    const busiest = fc.sample(busyArb, { numRuns: 50, seed: 3 }).map((schedule) => {
      const rule = compileWeeklyRule(schedule);
      return Math.max(...rule.dayFirst.map((first, day) => (rule.dayFirst[day + 1] ?? rule.intervals.length) - first));
    });
    expect(Math.max(...busiest)).toBeGreaterThan(4);
  });
});
