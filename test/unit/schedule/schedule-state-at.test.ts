import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileSchedule } from "../../../src/schedule/compile-schedule.js";
import { isScheduleActive } from "../../../src/schedule/is-schedule-active.js";
import { nextScheduleChange } from "../../../src/schedule/next-schedule-change.js";
import { offsetAt } from "../../../src/schedule/offset-at.js";
import { scheduleStateAt } from "../../../src/schedule/schedule-state-at.js";
import { zoneOffsetMs } from "../../../src/schedule/zone-offset.js";

describe("scheduleStateAt", () => {
  const office = compileSchedule({
    type: "weekly",
    timeZone: "Europe/Vilnius",
    days: { mon: [{ start: "09:00", end: "17:30" }], tue: [{ start: "09:00", end: "17:30" }] },
  });

  it("answers like isScheduleActive and nextScheduleChange, remembered or not, across the stretch and past it", () => {
    const start = Date.UTC(2026, 2, 28, 0);
    for (let at = start; at < start + 5 * 86_400_000; at += 7 * 60_000 + 13) {
      const state = scheduleStateAt(office, at, "UTC");
      expect(state.active).toBe(isScheduleActive(office, at, "UTC"));
      expect(state.nextChange).toBe(nextScheduleChange(office, at, "UTC") ?? Number.POSITIVE_INFINITY);
    }
  });

  it("does not reuse a state for another default time zone", () => {
    const zoneless = compileSchedule({ type: "weekly", days: { mon: [{ start: "09:00", end: "10:00" }] } });
    const at = Date.UTC(2026, 0, 5, 9, 30);
    expect(scheduleStateAt(zoneless, at, "UTC").active).toBe(true);
    expect(scheduleStateAt(zoneless, at, "Asia/Tokyo").active).toBe(false);
  });

  it("answers an earlier instant afresh", () => {
    const at = Date.UTC(2026, 0, 5, 12);
    scheduleStateAt(office, at, "UTC");
    expect(scheduleStateAt(office, at - 86_400_000, "UTC").active).toBe(isScheduleActive(office, at - 86_400_000, "UTC"));
  });
});

describe("offsetAt", () => {
  it("gives the zone's offset on both sides of a DST transition, remembered in between", () => {
    const transition = Date.UTC(2026, 2, 29, 1);
    for (const at of [transition - 3_600_000, transition - 1, transition, transition + 1, transition + 86_400_000, transition - 1]) {
      expect(offsetAt("Europe/Vilnius", at)).toBe(zoneOffsetMs("Europe/Vilnius", at));
    }
  });

  it("gives the exact offset for instants in any order, across years and zones", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom("Europe/Vilnius", "America/New_York", "Australia/Sydney", "Asia/Tokyo", "America/Sao_Paulo"), fc.integer({ min: Date.UTC(2017, 0, 1), max: Date.UTC(2028, 0, 1) })), { maxLength: 30 }),
        (asks) => {
          for (const [zone, at] of asks) expect(offsetAt(zone, at)).toBe(zoneOffsetMs(zone, at));
        },
      ),
      { numRuns: 50 },
    );
  });

  it("is 0 for UTC and NaN for an unknown zone", () => {
    expect(offsetAt("UTC", 5)).toBe(0);
    expect(offsetAt("Mars/Olympus", 5)).toBeNaN();
  });
});
