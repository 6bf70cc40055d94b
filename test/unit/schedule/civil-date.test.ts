import { describe, expect, it } from "vitest";
import { DAY_MS, civilFromDays, daysFromCivil, daysInMonth, wallMs } from "../../../src/schedule/civil-date.js";

describe("civil-date", () => {
  it("agrees with Date.UTC on every day from 1890 to 2110", () => {
    const mismatches: number[] = [];
    for (let days = Date.UTC(1890, 0, 1) / DAY_MS; days <= Date.UTC(2110, 11, 31) / DAY_MS; days += 1) {
      const date = new Date(days * DAY_MS);
      const [year, month, day] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
      const civil = civilFromDays(days);
      const same = civil.year === year && civil.month === month && civil.day === day;
      if (!same || daysFromCivil(year, month, day) !== days) mismatches.push(days);
    }
    expect(mismatches).toEqual([]);
  });

  it("keeps years below 100 as written, unlike Date.UTC", () => {
    expect(civilFromDays(daysFromCivil(42, 3, 1))).toEqual({ year: 42, month: 3, day: 1 });
    expect(wallMs(1, 1, 1, 0)).toBe(-62_135_596_800_000);
  });

  it("knows month lengths, including Feb 29 of leap years only", () => {
    expect([2024, 2026, 2100, 2000].map((year) => daysInMonth(year, 2))).toEqual([29, 28, 28, 29]);
    expect([1, 4, 6, 9, 11, 12].map((month) => daysInMonth(2026, month))).toEqual([31, 30, 30, 30, 30, 31]);
  });
});
