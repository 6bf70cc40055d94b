import { describe, expect, it } from "vitest";
import { compileSchedule } from "../../../src/schedule/compile-schedule.js";
import { isScheduleActive } from "../../../src/schedule/is-schedule-active.js";
import { nextScheduleChange } from "../../../src/schedule/next-schedule-change.js";
import type { Schedule, ScheduleWindow } from "../../../src/types.js";

const slot = (start: string, end: string): ScheduleWindow => ({ start, end });

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[key]);
  }
  return value;
}

describe("compileSchedule", () => {
  it("accepts deep-frozen schedules of every type without touching them", () => {
    const schedules: Schedule[] = [
      { type: "weekly", timeZone: "Europe/Vilnius", days: { mon: [slot("22:00", "02:00"), slot("09:00", "17:00")] } },
      { type: "period", from: "2026-12-24", to: 1_900_000_000_000 },
      { type: "annual", from: "12-20 00:00", to: "01-05 23:59" },
    ];
    for (const schedule of schedules) {
      const copy = structuredClone(schedule);
      expect(() => compileSchedule(deepFreeze(schedule))).not.toThrow();
      expect(schedule).toEqual(copy);
    }
  });

  it("keeps the schedule's own time zone and leaves the default to the caller otherwise", () => {
    expect(compileSchedule({ type: "weekly", timeZone: "Asia/Kathmandu", days: {} }).timeZone).toBe("Asia/Kathmandu");
    expect(compileSchedule({ type: "annual", from: "01-01 00:00", to: "01-02 00:00" }).timeZone).toBeNull();
    expect(compileSchedule({ type: "period", from: "2026-01-01" }).timeZone).toBeNull();
  });

  it("compiles a period of instants that needs no time zone at all", () => {
    const compiled = compileSchedule({ type: "period", from: "2026-12-24T18:00Z", to: 1_800_000_000_000 });
    expect(compiled.usesWallClock).toBe(false);
    expect(isScheduleActive(compiled, Date.UTC(2026, 11, 24, 18), "Mars/Olympus")).toBe(true);
    expect(nextScheduleChange(compiled, Date.UTC(2026, 11, 24, 18), "Mars/Olympus")).toBe(1_800_000_000_001);
  });

  it("gives the same answers as a fresh compile when reused for many instants", () => {
    const schedule: Schedule = { type: "weekly", timeZone: "Pacific/Chatham", days: { thu: [slot("13:45", "02:15")] } };
    const compiled = compileSchedule(schedule);
    for (let ms = Date.UTC(2026, 3, 1); ms < Date.UTC(2026, 3, 9); ms += 37 * 60_000) {
      expect(isScheduleActive(compiled, ms, "UTC")).toBe(isScheduleActive(compileSchedule(schedule), ms, "UTC"));
    }
  });
});
