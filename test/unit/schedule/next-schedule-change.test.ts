import { describe, expect, it } from "vitest";
import { compileSchedule } from "../../../src/schedule/compile-schedule.js";
import { nextScheduleChange } from "../../../src/schedule/next-schedule-change.js";
import type { Schedule } from "../../../src/types.js";
import { at, slot, sundays } from "./helpers.js";

const next = (schedule: Schedule, iso: string, zone = "UTC"): string | null => {
  const result = nextScheduleChange(compileSchedule(schedule), at(iso), zone);
  return result === null ? null : new Date(result).toISOString();
};

describe("nextScheduleChange", () => {
  describe("weekly", () => {
    const office: Schedule = { type: "weekly", days: { mon: [slot("09:00", "17:30")] } };

    it("returns the first millisecond after the inclusive end minute while active", () => {
      expect(next(office, "2026-01-05T12:00:00Z")).toBe("2026-01-05T17:31:00.000Z");
      expect(next(office, "2026-01-05T17:30:59.998Z")).toBe("2026-01-05T17:31:00.000Z");
    });

    it("returns the next opening while inactive, a week ahead if need be", () => {
      expect(next(office, "2026-01-05T08:59:59.999Z")).toBe("2026-01-05T09:00:00.000Z");
      expect(next(office, "2026-01-05T17:31:00.000Z")).toBe("2026-01-12T09:00:00.000Z");
    });

    it("skips the gap between several windows of a day only when they touch or overlap", () => {
      const touching: Schedule = { type: "weekly", days: { tue: [slot("09:00", "11:59"), slot("12:00", "14:00")] } };
      expect(next(touching, "2026-01-06T10:00:00Z")).toBe("2026-01-06T14:01:00.000Z");
      const apart: Schedule = { type: "weekly", days: { tue: [slot("09:00", "11:58"), slot("12:00", "14:00")] } };
      expect(next(apart, "2026-01-06T10:00:00Z")).toBe("2026-01-06T11:59:00.000Z");
    });

    it("follows a window across midnight", () => {
      const night: Schedule = { type: "weekly", days: { mon: [slot("22:00", "02:00")] } };
      expect(next(night, "2026-01-05T23:00:00Z")).toBe("2026-01-06T02:01:00.000Z");
      expect(next(night, "2026-01-06T03:00:00Z")).toBe("2026-01-12T22:00:00.000Z");
    });

    it("joins a Sunday night window with a Monday morning one across the week's seam", () => {
      const seam: Schedule = { type: "weekly", days: { sun: [slot("22:00", "23:59")], mon: [slot("00:00", "06:00")] } };
      expect(next(seam, "2026-01-04T23:00:00Z")).toBe("2026-01-05T06:01:00.000Z");
    });

    it("returns null when the schedule is never or always active", () => {
      expect(next({ type: "weekly", days: {} }, "2026-01-05T12:00:00Z")).toBeNull();
      const days = Object.fromEntries(
        ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map((day) => [day, [slot("00:00", "23:59")]]),
      );
      expect(next({ type: "weekly", timeZone: "Europe/Vilnius", days }, "2026-03-29T00:30:00Z")).toBeNull();
      const crossing = Object.fromEntries(
        ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map((day) => [day, [slot("12:00", "11:59")]]),
      );
      expect(next({ type: "weekly", days: crossing }, "2026-01-05T12:00:00Z")).toBeNull();
    });

    it("counts wall-clock hours across a spring-forward change (New York, 2026-03-08)", () => {
      const nine: Schedule = { type: "weekly", timeZone: "America/New_York", days: { mon: [slot("09:00", "17:00")] } };
      // Friday 18:00 EST → Monday 09:00 EDT, which is 13:00Z rather than 14:00Z.
      expect(next(nine, "2026-03-06T23:00:00Z")).toBe("2026-03-09T13:00:00.000Z");
    });

    it("skips a window lying in a spring-forward gap to the next week (Vilnius, 2026-03-29)", () => {
      const gap = sundays("Europe/Vilnius", "03:00", "03:59");
      expect(next(gap, "2026-03-28T12:00:00Z")).toBe("2026-04-05T00:00:00.000Z");
    });

    it("returns the transition itself when it opens a window (New York, 2026-03-08 02:00 → 03:00)", () => {
      const partly = sundays("America/New_York", "02:30", "03:30");
      expect(next(partly, "2026-03-08T06:30:00Z")).toBe("2026-03-08T07:00:00.000Z");
    });

    it("returns the transition itself when it closes a window (Vilnius, 2026-10-25 04:00 → 03:00)", () => {
      const late = sundays("Europe/Vilnius", "03:30", "05:00");
      expect(next(late, "2026-10-25T00:45:00Z")).toBe("2026-10-25T01:00:00.000Z"); // 03:45 EEST → 03:00 EET
      expect(next(late, "2026-10-25T01:00:00Z")).toBe("2026-10-25T01:30:00.000Z"); // opens again at 03:30 EET
    });

    it("finds the second run of a window repeated by a fall-back overlap (Vilnius, 2026-10-25)", () => {
      const repeated = sundays("Europe/Vilnius", "03:10", "03:20");
      expect(next(repeated, "2026-10-25T00:15:00Z")).toBe("2026-10-25T00:21:00.000Z");
      expect(next(repeated, "2026-10-25T00:30:00Z")).toBe("2026-10-25T01:10:00.000Z");
      expect(next(repeated, "2026-10-25T01:15:00Z")).toBe("2026-10-25T01:21:00.000Z");
    });
  });

  describe("period", () => {
    it("returns the start, then the millisecond after the end, then null", () => {
      const period: Schedule = { type: "period", from: 1_000, to: 2_000 };
      const compiled = compileSchedule(period);
      expect(nextScheduleChange(compiled, 0, "UTC")).toBe(1_000);
      expect(nextScheduleChange(compiled, 1_000, "UTC")).toBe(2_001);
      expect(nextScheduleChange(compiled, 2_001, "UTC")).toBeNull();
    });

    it("returns null for an open end in the active direction", () => {
      expect(next({ type: "period", from: "2026-12-24" }, "2027-01-01T00:00:00Z")).toBeNull();
      expect(next({ type: "period" }, "2027-01-01T00:00:00Z")).toBeNull();
      expect(next({ type: "period", to: "2026-12-24" }, "2026-01-01T00:00:00Z")).toBe("2026-12-25T00:00:00.000Z");
    });

    it("converts local bounds with the default zone", () => {
      expect(next({ type: "period", to: "2026-12-24" }, "2026-12-24T12:00:00Z", "Europe/Vilnius")).toBe(
        "2026-12-24T22:00:00.000Z",
      );
      expect(next({ type: "period", from: "2026-07-01T09:00" }, "2026-06-01T00:00:00Z", "America/New_York")).toBe(
        "2026-07-01T13:00:00.000Z",
      );
    });

    it("starts a local from lying in a spring-forward gap at the transition (Vilnius, 2026-03-29 03:00 → 04:00)", () => {
      expect(next({ type: "period", from: "2026-03-29T03:30" }, "2026-03-28T12:00:00Z", "Europe/Vilnius")).toBe(
        "2026-03-29T01:00:00.000Z",
      );
    });

    it("returns the fall-back transition when it brings a local to back into reach", () => {
      const period: Schedule = { type: "period", to: "2026-10-25T03:30" };
      expect(next(period, "2026-10-25T00:40:00Z", "Europe/Vilnius")).toBe("2026-10-25T01:00:00.000Z");
      expect(next(period, "2026-10-25T01:00:00Z", "Europe/Vilnius")).toBe("2026-10-25T01:31:00.000Z");
      expect(next(period, "2026-10-25T01:31:00Z", "Europe/Vilnius")).toBeNull();
    });
  });

  describe("annual", () => {
    const holidays: Schedule = { type: "annual", from: "12-20 00:00", to: "01-05 23:59" };

    it("returns the next opening and the minute after the inclusive end", () => {
      expect(next(holidays, "2026-07-01T00:00:00Z")).toBe("2026-12-20T00:00:00.000Z");
      expect(next(holidays, "2026-12-25T00:00:00Z")).toBe("2027-01-06T00:00:00.000Z");
      expect(next(holidays, "2027-01-06T00:00:00Z")).toBe("2027-12-20T00:00:00.000Z");
    });

    it("opens a 02-29 window on Mar 1 in common years", () => {
      const leap: Schedule = { type: "annual", from: "02-29 12:00", to: "03-10 23:59" };
      expect(next(leap, "2027-02-01T00:00:00Z")).toBe("2027-03-01T00:00:00.000Z");
      expect(next(leap, "2028-02-01T00:00:00Z")).toBe("2028-02-29T12:00:00.000Z");
    });

    it("looks past a century's common year for a window on Feb 29 only", () => {
      const leapDay: Schedule = { type: "annual", from: "02-29 00:00", to: "02-29 23:59" };
      expect(next(leapDay, "2097-03-01T00:00:00Z")).toBe("2104-02-29T00:00:00.000Z");
      expect(next(leapDay, "2104-02-29T00:00:00Z")).toBe("2104-03-01T00:00:00.000Z");
    });

    it("returns null for a window covering the whole year", () => {
      expect(next({ type: "annual", from: "01-01 00:00", to: "12-31 23:59" }, "2026-05-05T00:00:00Z")).toBeNull();
      expect(next({ type: "annual", from: "03-01 00:00", to: "02-29 23:59" }, "2027-02-28T23:59:00Z")).toBeNull();
    });

    it("skips a window lying in a spring-forward gap to the next year (Vilnius, 2026-03-29 03:00 → 04:00)", () => {
      const gap: Schedule = { type: "annual", timeZone: "Europe/Vilnius", from: "03-29 03:15", to: "03-29 03:45" };
      expect(next(gap, "2026-03-28T00:00:00Z")).toBe("2027-03-29T00:15:00.000Z");
    });
  });

  it("returns null for a non-finite instant or an unknown default zone", () => {
    const office = compileSchedule({ type: "weekly", days: { mon: [slot("09:00", "17:00")] } });
    expect(nextScheduleChange(office, Number.POSITIVE_INFINITY, "UTC")).toBeNull();
    expect(nextScheduleChange(office, at("2026-01-05T12:00:00Z"), "Mars/Olympus")).toBeNull();
  });
});
