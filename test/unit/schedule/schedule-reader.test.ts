import { describe, expect, it } from "vitest";
import { ScheduleReader } from "../../../src/schedule/schedule-reader.js";
import { activeHours, compileWeeklyRule } from "../../../src/schedule/weekly-rule.js";

describe("ScheduleReader.weekHour", () => {
  it("tells the hour of the local week and when it ends", () => {
    const reader = new ScheduleReader(Date.UTC(2026, 10, 24, 9, 30), "UTC");
    expect(reader.weekHour("UTC")).toBe(33); // Tuesday 09:00–10:00
    expect(reader.hourEndsAt).toBe(Date.UTC(2026, 10, 24, 10));
    expect(reader.weekHour("Europe/Vilnius")).toBe(35); // 11:30 there (UTC+2)
    expect(reader.hourEndsAt).toBe(Date.UTC(2026, 10, 24, 10));
  });

  it("ends the hour where the zone's offset changes, if that comes first", () => {
    // Vilnius moves from UTC+3 to UTC+2 at 01:00 UTC on 25 October 2026 (04:00 local becomes 03:00).
    const reader = new ScheduleReader(Date.UTC(2026, 9, 25, 0, 30), "UTC");
    expect(reader.weekHour("Europe/Vilnius")).toBe(6 * 24 + 3); // Sunday 03:30 local
    expect(reader.hourEndsAt).toBe(Date.UTC(2026, 9, 25, 1));
  });

  it("answers −1 for an instant that is not finite", () => {
    expect(new ScheduleReader(Number.POSITIVE_INFINITY, "UTC").weekHour("UTC")).toBe(-1);
  });
});

describe("activeHours", () => {
  it("flags every hour with at least one active minute, across midnight and the week's seam", () => {
    const rule = compileWeeklyRule({ type: "weekly", days: { mon: [{ start: "09:30", end: "10:00" }], sun: [{ start: "23:30", end: "00:15" }] } });
    const hours = [...activeHours(rule)].flatMap((flag, hour) => (flag === 1 ? [hour] : []));
    // 09:30–10:00 inclusive reaches into 10:00; Sunday 23:30 runs into Monday 00:15.
    expect(hours).toEqual([0, 9, 10, 167]);
  });
});
