import { describe, expect, it } from "vitest";
import { scheduleKey } from "../../../src/schedule/schedule-key.js";
import type { Schedule } from "../../../src/types.js";

describe("scheduleKey", () => {
  it("is the same for schedules that configure the same values", () => {
    const a: Schedule = { type: "weekly", timeZone: "UTC", days: { mon: [{ start: "09:00", end: "17:00" }] } };
    const b: Schedule = { days: { mon: [{ end: "17:00", start: "09:00" }] }, timeZone: "UTC", type: "weekly" };
    expect(scheduleKey(a)).toBe(scheduleKey(b));
  });

  it("differs when any value compiling reads differs", () => {
    const keys = [
      { type: "weekly", days: { mon: [{ start: "09:00", end: "17:00" }] } },
      { type: "weekly", timeZone: "UTC", days: { mon: [{ start: "09:00", end: "17:00" }] } },
      { type: "weekly", days: { tue: [{ start: "09:00", end: "17:00" }] } },
      { type: "weekly", days: { mon: [{ start: "09:00", end: "17:01" }] } },
      { type: "weekly", days: { mon: [] } },
      { type: "weekly", days: {} },
      { type: "period", from: "2026-01-01" },
      { type: "period", to: "2026-01-01" },
      { type: "period", from: 0 },
      { type: "period", from: -0 },
      { type: "period", to: 0 },
      { type: "period", from: "0" },
      { type: "annual", from: "12-20 00:00", to: "01-05 23:59" },
      { type: "annual", timeZone: "UTC", from: "12-20 00:00", to: "01-05 23:59" },
    ].map((schedule) => scheduleKey(schedule as Schedule));
    expect(new Set(keys).size).toBe(keys.length);
  });
});
