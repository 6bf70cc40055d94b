import { describe, expect, it } from "vitest";
import { checkSchedule } from "../../../src/schedule/check-schedule.js";
import type { Schedule, ScheduleWindow } from "../../../src/types.js";

const slot = (start: string, end: string): ScheduleWindow => ({ start, end });

const codesAndPaths = (schedule: Schedule): [string, (string | number)[]][] =>
  checkSchedule(schedule).map((issue) => [issue.code, issue.path]);

describe("checkSchedule", () => {
  it("returns no issues for valid schedules of every type", () => {
    const valid: Schedule[] = [
      { type: "weekly", timeZone: "Europe/Vilnius", days: { mon: [slot("09:00", "17:30"), slot("22:00", "02:00")] } },
      { type: "weekly", days: {} },
      { type: "period" },
      { type: "period", from: "2026-12-24", to: "2026-12-24" },
      { type: "period", from: "2026-12-24T18:00", to: "2026-12-24" },
      { type: "period", from: "2026-12-24T18:00:30.5+02:00", to: 1_900_000_000_000 },
      { type: "period", from: 0, to: 0 },
      { type: "annual", timeZone: "America/New_York", from: "12-20 00:00", to: "01-05 23:59" },
      { type: "annual", from: "02-29 00:00", to: "02-29 23:59" },
    ];
    for (const schedule of valid) expect(checkSchedule(schedule)).toEqual([]);
  });

  it("reports an unknown time zone at timeZone", () => {
    expect(codesAndPaths({ type: "weekly", timeZone: "Mars/Olympus", days: {} })).toEqual(
      [["invalid_time_zone", ["timeZone"]]],
    );
    expect(codesAndPaths({ type: "annual", timeZone: "", from: "01-01 00:00", to: "01-02 00:00" })).toEqual([
      ["invalid_time_zone", ["timeZone"]],
    ]);
  });

  it("reports each malformed window time at its own path", () => {
    for (const bad of ["24:00", "9:00", "09:60", "0900", "09:00:00", " 09:00", "ab:cd", ""]) {
      expect(codesAndPaths({ type: "weekly", days: { fri: [slot("08:00", "09:00"), slot(bad, "10:00")] } })).toEqual([
        ["invalid_time", ["days", "fri", 1, "start"]],
      ]);
    }
    expect(codesAndPaths({ type: "weekly", days: { mon: [slot("09:00", "24:00")] } })).toEqual([
      ["invalid_time", ["days", "mon", 0, "end"]],
    ]);
  });

  it("reports a window that ends where it starts as empty_window at its end", () => {
    expect(codesAndPaths({ type: "weekly", days: { tue: [slot("10:00", "11:00"), slot("12:00", "12:00")] } })).toEqual([
      ["empty_window", ["days", "tue", 1, "end"]],
    ]);
  });

  it("reports every problem of a weekly schedule at once", () => {
    const schedule: Schedule = {
      type: "weekly",
      timeZone: "Nowhere/Town",
      days: { mon: [slot("25:00", "26:00")], sun: [slot("07:00", "07:00")] },
    };
    expect(codesAndPaths(schedule)).toEqual([
      ["invalid_time_zone", ["timeZone"]],
      ["invalid_time", ["days", "mon", 0, "start"]],
      ["invalid_time", ["days", "mon", 0, "end"]],
      ["empty_window", ["days", "sun", 0, "end"]],
    ]);
    for (const issue of checkSchedule(schedule)) expect(issue.message).not.toBe("");
  });

  it("reports unreadable period ends as invalid_date at from and to", () => {
    const bad: (string | number)[] = [
      "2026-02-30",
      "2026-13-01",
      "24.12.2026",
      "2026-12-24T25:00",
      "2026-12-24T18:60",
      "2026-12-24T18:00:60",
      "2026-12-24Z",
      "2026-12-24 18:00",
      "2026-12-24t18:00",
      "2026-12-24T18:00+0200",
      "2026-12-24T18",
      "",
      Number.NaN,
      Number.POSITIVE_INFINITY,
    ];
    for (const value of bad) {
      expect(codesAndPaths({ type: "period", from: value })).toEqual([["invalid_date", ["from"]]]);
      expect(codesAndPaths({ type: "period", to: value })).toEqual([["invalid_date", ["to"]]]);
    }
    expect(codesAndPaths({ type: "period", from: "nope", to: "2027-02-29" })).toEqual([
      ["invalid_date", ["from"]],
      ["invalid_date", ["to"]],
    ]);
  });

  it("reports a period that ends before it starts at to, comparing instants when both are absolute", () => {
    expect(codesAndPaths({ type: "period", from: 2_000, to: 1_999 })).toEqual(
      [["period_end_before_start", ["to"]]],
    );
    expect(codesAndPaths({ type: "period", from: "2026-12-24T18:00+02:00", to: "2026-12-24T16:30Z" })).toEqual([]);
    expect(codesAndPaths({ type: "period", from: "2026-12-24T18:00Z", to: "2026-12-24T18:30+02:00" })).toEqual([
      ["period_end_before_start", ["to"]],
    ]);
  });

  it("compares written wall times when either period end is local", () => {
    expect(codesAndPaths({ type: "period", from: "2026-12-25", to: "2026-12-24T23:59" })).toEqual([
      ["period_end_before_start", ["to"]],
    ]);
    expect(codesAndPaths({ type: "period", from: "2026-12-24T18:00+02:00", to: "2026-12-24T18:00" })).toEqual([]);
    expect(codesAndPaths({ type: "period", from: Date.UTC(2026, 11, 24, 18), to: "2026-12-24T17:59" })).toEqual([
      ["period_end_before_start", ["to"]],
    ]);
  });

  it("reports impossible annual dates as invalid_date and impossible times as invalid_time", () => {
    expect(codesAndPaths({ type: "annual", from: "04-31 10:00", to: "05-01 10:00" })).toEqual(
      [["invalid_date", ["from"]]],
    );
    expect(codesAndPaths({ type: "annual", from: "01-01 10:00", to: "13-01 10:00" })).toEqual(
      [["invalid_date", ["to"]]],
    );
    expect(codesAndPaths({ type: "annual", from: "02-30 10:00", to: "00-10 10:00" })).toEqual([
      ["invalid_date", ["from"]],
      ["invalid_date", ["to"]],
    ]);
    expect(codesAndPaths({ type: "annual", from: "12-20 24:00", to: "01-05 23:59" })).toEqual(
      [["invalid_time", ["from"]]],
    );
    expect(codesAndPaths({ type: "annual", from: "1220 10:00", to: "12-20" })).toEqual([
      ["invalid_date", ["from"]],
      ["invalid_date", ["to"]],
    ]);
  });

  it("reports both halves of an annual point when date and time are wrong", () => {
    expect(codesAndPaths({ type: "annual", from: "04-31 25:00", to: "05-01 10:00" })).toEqual([
      ["invalid_date", ["from"]],
      ["invalid_time", ["from"]],
    ]);
  });

  it("reports an annual window that ends where it starts as empty_window at to", () => {
    expect(codesAndPaths({ type: "annual", timeZone: "Bad/Zone", from: "06-01 12:00", to: "06-01 12:00" })).toEqual([
      ["invalid_time_zone", ["timeZone"]],
      ["empty_window", ["to"]],
    ]);
  });
});
