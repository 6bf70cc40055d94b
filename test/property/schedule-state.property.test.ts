import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileSchedule } from "../../src/schedule/compile-schedule.js";
import { isScheduleActive } from "../../src/schedule/is-schedule-active.js";
import { nextScheduleChange } from "../../src/schedule/next-schedule-change.js";
import { ScheduleReader } from "../../src/schedule/schedule-reader.js";
import { scheduleStateAt } from "../../src/schedule/schedule-state-at.js";
import { instantForArb, scheduleCaseArb, zoneArb, zoneOf } from "./arbitraries/schedule.js";

// scheduleStateAt answers weekly schedules on the spot inside a stretch of constant offset and everything else from
// memory; either way it must say what isScheduleActive and nextScheduleChange say (both held to the Intl oracle in
// schedule.property.test.ts), for instants asked in any order: before, inside and past a remembered stretch.
describe("scheduleStateAt", () => {
  it("equals isScheduleActive and nextScheduleChange at every instant, asked in any order", () => {
    const caseArb = scheduleCaseArb.chain((given) =>
      fc.record({
        given: fc.constant(given),
        instants: fc.array(instantForArb(given.schedule, zoneOf(given.schedule, given.defaultZone), given.period), { minLength: 1, maxLength: 8 }),
      }),
    );
    fc.assert(
      fc.property(caseArb, ({ given, instants }) => {
        const compiled = compileSchedule(given.schedule);
        for (const at of instants) {
          const state = scheduleStateAt(compiled, at, given.defaultZone);
          expect(state.active).toBe(isScheduleActive(compiled, at, given.defaultZone));
          expect(state.nextChange).toBe(nextScheduleChange(compiled, at, given.defaultZone) ?? Number.POSITIVE_INFINITY);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("reads many schedules at one instant as scheduleStateAt answers each, whatever was read before", () => {
    const caseArb = fc.record({
      cases: fc.array(scheduleCaseArb, { minLength: 1, maxLength: 6 }),
      defaultZone: zoneArb,
    }).chain(({ cases, defaultZone }) =>
      fc.record({
        cases: fc.constant(cases),
        defaultZone: fc.constant(defaultZone),
        at: instantForArb((cases[0] as (typeof cases)[number]).schedule, zoneOf((cases[0] as (typeof cases)[number]).schedule, defaultZone), (cases[0] as (typeof cases)[number]).period),
      }),
    );
    fc.assert(
      fc.property(caseArb, ({ cases, defaultZone, at }) => {
        const reader = new ScheduleReader(at, defaultZone);
        // Each schedule twice, in order then reversed: the zone remembered from the one before must not leak.
        const compiled = cases.map((c) => compileSchedule(c.schedule));
        for (const schedule of [...compiled, ...[...compiled].reverse()]) {
          reader.read(schedule);
          const state = scheduleStateAt(schedule, at, defaultZone);
          expect({ active: reader.active, nextChange: reader.nextChange }).toEqual({ active: state.active, nextChange: state.nextChange });
        }
      }),
      { numRuns: 300 },
    );
  });

  it("gives a weekly schedule that is always or never active no change, in any zone", () => {
    const always = compileSchedule({ type: "weekly", days: Object.fromEntries(["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map((d) => [d, [{ start: "00:00", end: "23:59" }]])) });
    const never = compileSchedule({ type: "weekly", days: {} });
    const at = Date.UTC(2026, 2, 29, 1);
    expect(scheduleStateAt(always, at, "Europe/Vilnius")).toEqual({ active: true, nextChange: Number.POSITIVE_INFINITY });
    expect(scheduleStateAt(never, at, "Europe/Vilnius")).toEqual({ active: false, nextChange: Number.POSITIVE_INFINITY });
  });
});
