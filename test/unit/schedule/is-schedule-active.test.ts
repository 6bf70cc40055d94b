/*
 * DECISIONS (schedules, docs/semantics.md: Schedules — where it is silent):
 * - Activity is judged on the local WALL CLOCK of the effective zone (schedule.timeZone, else the caller's default).
 *   Minutes skipped by a spring-forward gap never occur (a window entirely inside the gap is skipped that day);
 *   minutes repeated by a fall-back overlap are active both times.
 * - Weekly: both ends inclusive to the minute (09:00–17:30 → 09:00:00.000 … 17:30:59.999); end < start runs into the
 *   next day (Sunday into Monday); start == end is an `empty_window` issue; several and overlapping windows allowed.
 * - Period: ISO 8601 `YYYY-MM-DD`, `YYYY-MM-DDTHH:mm[:ss[.f…]]` with optional `Z`/`±HH:mm`, or epoch ms. No offset →
 *   local wall time of the default zone, compared with the wall clock (so a local `to` inside a fall-back overlap is
 *   active again for the repeated minutes). `to` covers its stated precision: a day, a minute, a second, 100 ms for
 *   one fractional digit, 10 ms for two, 1 ms for three or more (extra digits are truncated). Lower-case `t`/`z`, a
 *   space instead of `T`, `+0200` and offsets on date-only values are rejected as `invalid_date`.
 * - Period `from` after `to`: compared as instants when both are absolute, else as the written wall times (an epoch
 *   number reads as its UTC wall time, an offset string as the time written before the offset).
 * - Annual: (month, day, hour, minute) of the wall clock compared numerically with `from`/`to`, year ignored. A
 *   `02-29` `from` starts on Mar 1 00:00 in common years; a `02-29` `to` ends after Feb 28; a window lying entirely
 *   on Feb 29 is active only in leap years. A value not shaped `MM-DD HH:mm` is an `invalid_date`.
 * - A non-finite instant or an unknown default zone fails closed: not active, no next change.
 * - nextScheduleChange finds offset transitions by sampling each UTC year once a day (cached per zone and year) and
 *   pins them to the millisecond by bisection; two transitions less than a day apart that cancel out would be missed
 *   (tzdb has none in the modern era). Known upstream limit: @date-fns/tz 1.5 flips the sign of offsets strictly
 *   between -01:00 and 00:00 (only old local mean times, e.g. Europe/Dublin before 1916).
 */
import { describe, expect, it } from "vitest";
import { compileSchedule } from "../../../src/schedule/compile-schedule.js";
import { isScheduleActive } from "../../../src/schedule/is-schedule-active.js";
import type { Schedule } from "../../../src/types.js";
import { at, slot, sundays } from "./helpers.js";

const active = (schedule: Schedule, iso: string, zone = "UTC"): boolean =>
  isScheduleActive(compileSchedule(schedule), at(iso), zone);

describe("isScheduleActive", () => {
  describe("weekly", () => {
    const office: Schedule = { type: "weekly", days: { mon: [slot("09:00", "17:30")] } };

    it("returns true from the first millisecond of the start minute", () => {
      expect(active(office, "2026-01-05T08:59:59.999Z")).toBe(false);
      expect(active(office, "2026-01-05T09:00:00.000Z")).toBe(true);
    });

    it("returns true through the last millisecond of the end minute", () => {
      expect(active(office, "2026-01-05T17:30:59.999Z")).toBe(true);
      expect(active(office, "2026-01-05T17:31:00.000Z")).toBe(false);
    });

    it("returns false on a day without windows", () => {
      expect(active(office, "2026-01-06T12:00:00Z")).toBe(false);
    });

    it("returns true in any of several windows of a day, and false between them", () => {
      const split: Schedule = {
        type: "weekly",
        days: { wed: [slot("14:00", "18:00"), slot("09:00", "12:00"), slot("10:00", "11:00")] },
      };
      expect(active(split, "2026-01-07T11:30:00Z")).toBe(true);
      expect(active(split, "2026-01-07T13:00:00Z")).toBe(false);
      expect(active(split, "2026-01-07T15:00:00Z")).toBe(true);
    });

    it("runs a window with end before start into the next day, even one without windows", () => {
      const night: Schedule = { type: "weekly", days: { mon: [slot("22:00", "02:00")] } };
      expect(active(night, "2026-01-05T21:59:59.999Z")).toBe(false);
      expect(active(night, "2026-01-05T22:00:00Z")).toBe(true);
      expect(active(night, "2026-01-06T00:00:00Z")).toBe(true);
      expect(active(night, "2026-01-06T02:00:59.999Z")).toBe(true);
      expect(active(night, "2026-01-06T02:01:00Z")).toBe(false);
      expect(active(night, "2026-01-04T23:00:00Z")).toBe(false);
    });

    it("runs a Sunday night window into Monday morning", () => {
      const night: Schedule = { type: "weekly", days: { sun: [slot("23:00", "01:00")] } };
      expect(active(night, "2026-01-05T00:30:00Z")).toBe(true);
      expect(active(night, "2026-01-05T01:01:00Z")).toBe(false);
    });

    it("is never active without windows and always active with all-day windows every day", () => {
      expect(active({ type: "weekly", days: {} }, "2026-01-05T12:00:00Z")).toBe(false);
      const days = Object.fromEntries(
        ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map((day) => [day, [slot("00:00", "23:59")]]),
      );
      expect(active({ type: "weekly", days }, "2026-01-08T03:17:00Z")).toBe(true);
    });

    it("uses the schedule's own time zone over the default", () => {
      const vilnius: Schedule = { ...office, timeZone: "Europe/Vilnius" };
      expect(active(vilnius, "2026-01-05T07:00:00Z", "America/New_York")).toBe(true);
      expect(active(vilnius, "2026-01-05T15:31:00Z", "America/New_York")).toBe(false);
    });

    it("uses the default time zone when the schedule names none", () => {
      expect(active(office, "2026-01-05T14:00:00Z", "America/New_York")).toBe(true);
      expect(active(office, "2026-01-05T23:00:00Z", "America/New_York")).toBe(false);
    });

    it("never activates a window lying in a spring-forward gap (Vilnius, 2026-03-29 03:00 → 04:00)", () => {
      const gap = sundays("Europe/Vilnius", "03:00", "03:59");
      expect(active(gap, "2026-03-29T00:59:59.999Z")).toBe(false);
      expect(active(gap, "2026-03-29T01:00:00.000Z")).toBe(false);
      expect(active(gap, "2026-03-22T01:30:00Z")).toBe(true);
    });

    it("opens a window partly in the gap at the transition (New York, 2026-03-08 02:00 → 03:00)", () => {
      const partly = sundays("America/New_York", "02:30", "03:30");
      expect(active(partly, "2026-03-08T06:59:59.999Z")).toBe(false);
      expect(active(partly, "2026-03-08T07:00:00.000Z")).toBe(true);
      expect(active(partly, "2026-03-08T07:30:59.999Z")).toBe(true);
    });

    it("activates repeated minutes of a fall-back overlap both times (New York, 2026-11-01 02:00 → 01:00)", () => {
      const overlap = sundays("America/New_York", "01:00", "01:30");
      expect(active(overlap, "2026-11-01T05:15:00Z")).toBe(true); // 01:15 EDT
      expect(active(overlap, "2026-11-01T05:45:00Z")).toBe(false); // 01:45 EDT
      expect(active(overlap, "2026-11-01T06:15:00Z")).toBe(true); // 01:15 EST
      expect(active(overlap, "2026-11-01T06:31:00Z")).toBe(false); // 01:31 EST
    });
  });

  describe("period", () => {
    it("includes both epoch-ms ends exactly", () => {
      const period: Schedule = { type: "period", from: 1_000, to: 2_000 };
      expect([999, 1_000, 2_000, 2_001].map((ms) => isScheduleActive(compileSchedule(period), ms, "UTC"))).toEqual([
        false,
        true,
        true,
        false,
      ]);
    });

    it("leaves an absent end open", () => {
      expect(active({ type: "period", from: "2026-12-24" }, "2090-01-01T00:00:00Z")).toBe(true);
      expect(active({ type: "period", to: "2026-12-24" }, "1990-01-01T00:00:00Z")).toBe(true);
      expect(active({ type: "period" }, "2026-01-01T00:00:00Z")).toBe(true);
    });

    it("runs a date-only to through the last millisecond of that day", () => {
      const period: Schedule = { type: "period", to: "2026-12-24" };
      expect(active(period, "2026-12-24T23:59:59.999Z")).toBe(true);
      expect(active(period, "2026-12-25T00:00:00.000Z")).toBe(false);
    });

    it("runs a to through the end of its stated minute, second or fraction", () => {
      expect(active({ type: "period", to: "2026-12-24T18:00" }, "2026-12-24T18:00:59.999Z")).toBe(true);
      expect(active({ type: "period", to: "2026-12-24T18:00" }, "2026-12-24T18:01:00.000Z")).toBe(false);
      expect(active({ type: "period", to: "2026-12-24T18:00:30" }, "2026-12-24T18:00:30.999Z")).toBe(true);
      expect(active({ type: "period", to: "2026-12-24T18:00:30" }, "2026-12-24T18:00:31.000Z")).toBe(false);
      expect(active({ type: "period", to: "2026-12-24T18:00:30.5" }, "2026-12-24T18:00:30.599Z")).toBe(true);
      expect(active({ type: "period", to: "2026-12-24T18:00:30.5" }, "2026-12-24T18:00:30.600Z")).toBe(false);
      expect(active({ type: "period", to: "2026-12-24T18:00:30.250" }, "2026-12-24T18:00:30.251Z")).toBe(false);
    });

    it("reads a value without offset as wall time of the default zone", () => {
      const period: Schedule = { type: "period", from: "2026-12-24T18:00", to: "2026-12-24" };
      expect(active(period, "2026-12-24T15:59:59.999Z", "Europe/Vilnius")).toBe(false);
      expect(active(period, "2026-12-24T16:00:00.000Z", "Europe/Vilnius")).toBe(true);
      expect(active(period, "2026-12-24T21:59:59.999Z", "Europe/Vilnius")).toBe(true);
      expect(active(period, "2026-12-24T22:00:00.000Z", "Europe/Vilnius")).toBe(false);
    });

    it("reads a value with an offset as the same instant in every zone", () => {
      const period: Schedule = { type: "period", from: "2026-12-24T18:00+02:00", to: "2026-12-24T19:00Z" };
      for (const zone of ["UTC", "Pacific/Chatham", "America/New_York"]) {
        expect(active(period, "2026-12-24T15:59:59.999Z", zone)).toBe(false);
        expect(active(period, "2026-12-24T16:00:00.000Z", zone)).toBe(true);
        expect(active(period, "2026-12-24T19:00:59.999Z", zone)).toBe(true);
        expect(active(period, "2026-12-24T19:01:00.000Z", zone)).toBe(false);
      }
    });

    it("is active again for the repeated minutes when a local to falls in a fall-back overlap", () => {
      const period: Schedule = { type: "period", to: "2026-10-25T03:30" };
      expect(active(period, "2026-10-25T00:30:59.999Z", "Europe/Vilnius")).toBe(true); // 03:30 EEST
      expect(active(period, "2026-10-25T00:31:00.000Z", "Europe/Vilnius")).toBe(false); // 03:31 EEST
      expect(active(period, "2026-10-25T01:00:00.000Z", "Europe/Vilnius")).toBe(true); // 03:00 EET
      expect(active(period, "2026-10-25T01:31:00.000Z", "Europe/Vilnius")).toBe(false); // 03:31 EET
    });
  });

  describe("annual", () => {
    const holidays: Schedule = { type: "annual", from: "12-20 00:00", to: "01-05 23:59" };

    it("wraps the year end, inclusive to the minute at both ends", () => {
      expect(active(holidays, "2026-12-19T23:59:59.999Z")).toBe(false);
      expect(active(holidays, "2026-12-20T00:00:00.000Z")).toBe(true);
      expect(active(holidays, "2026-12-31T23:59:59.999Z")).toBe(true);
      expect(active(holidays, "2027-01-01T00:00:00.000Z")).toBe(true);
      expect(active(holidays, "2027-01-05T23:59:59.999Z")).toBe(true);
      expect(active(holidays, "2027-01-06T00:00:00.000Z")).toBe(false);
      expect(active(holidays, "2027-07-01T00:00:00.000Z")).toBe(false);
    });

    it("is active between from and to within one year, whatever the year", () => {
      const june: Schedule = { type: "annual", from: "06-01 12:00", to: "06-30 12:00" };
      expect(active(june, "2031-06-01T11:59:59.999Z")).toBe(false);
      expect(active(june, "2031-06-15T00:00:00Z")).toBe(true);
      expect(active(june, "2004-06-30T12:00:59.999Z")).toBe(true);
      expect(active(june, "2004-06-30T12:01:00Z")).toBe(false);
    });

    it("starts a 02-29 from on Feb 29 in leap years and on Mar 1 in common years", () => {
      const leap: Schedule = { type: "annual", from: "02-29 00:00", to: "03-10 23:59" };
      expect(active(leap, "2028-02-28T23:59:59.999Z")).toBe(false);
      expect(active(leap, "2028-02-29T00:00:00Z")).toBe(true);
      expect(active(leap, "2027-02-28T23:59:59.999Z")).toBe(false);
      expect(active(leap, "2027-03-01T00:00:00Z")).toBe(true);
    });

    it("ends a 02-29 to after Feb 28 in common years", () => {
      const leap: Schedule = { type: "annual", from: "02-20 00:00", to: "02-29 23:59" };
      expect(active(leap, "2027-02-28T23:59:59.999Z")).toBe(true);
      expect(active(leap, "2027-03-01T00:00:00Z")).toBe(false);
      expect(active(leap, "2028-02-29T23:59:59.999Z")).toBe(true);
    });

    it("judges the wall clock of its own time zone", () => {
      const eve: Schedule = { type: "annual", timeZone: "Europe/Vilnius", from: "12-24 18:00", to: "12-24 23:59" };
      expect(active(eve, "2026-12-24T15:59:59.999Z")).toBe(false);
      expect(active(eve, "2026-12-24T16:00:00Z")).toBe(true);
      expect(active(eve, "2026-12-24T21:59:59.999Z")).toBe(true);
      expect(active(eve, "2026-12-24T22:00:00Z")).toBe(false);
    });
  });

  it("fails closed for a non-finite instant or an unknown default zone", () => {
    const office = compileSchedule({ type: "weekly", days: { mon: [slot("00:00", "23:59")] } });
    expect(isScheduleActive(office, Number.NaN, "UTC")).toBe(false);
    expect(isScheduleActive(office, at("2026-01-05T12:00:00Z"), "Mars/Olympus")).toBe(false);
  });
});
