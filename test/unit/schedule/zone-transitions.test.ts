import { describe, expect, it } from "vitest";
import { nextZoneTransition, previousZoneTransition } from "../../../src/schedule/zone-transitions.js";

describe("nextZoneTransition", () => {
  it("returns the exact millisecond of the next offset change", () => {
    const year = Date.UTC(2027, 0, 1);
    expect(nextZoneTransition("Europe/Vilnius", Date.UTC(2026, 0, 1), year)).toBe(Date.UTC(2026, 2, 29, 1));
    expect(nextZoneTransition("Europe/Vilnius", Date.UTC(2026, 2, 29, 1), year)).toBe(Date.UTC(2026, 9, 25, 1));
    expect(nextZoneTransition("Australia/Lord_Howe", Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1))).toBe(
      Date.UTC(2026, 3, 4, 15),
    );
  });

  it("includes a change exactly at the upper limit and excludes one at the lower limit", () => {
    const change = Date.UTC(2026, 2, 8, 7);
    expect(nextZoneTransition("America/New_York", change - 1, change)).toBe(change);
    expect(nextZoneTransition("America/New_York", change, change + 1)).toBeNull();
  });

  it("finds changes across year boundaries and skips years without any", () => {
    expect(nextZoneTransition("America/Sao_Paulo", Date.UTC(2018, 11, 1), Date.UTC(2019, 11, 1))).toBe(
      Date.UTC(2019, 1, 17, 2),
    );
    expect(nextZoneTransition("America/Sao_Paulo", Date.UTC(2019, 2, 1), Date.UTC(2030, 0, 1))).toBeNull();
  });

  it("returns null for UTC, fixed-offset zones and empty ranges", () => {
    expect(nextZoneTransition("UTC", 0, Date.UTC(2030, 0, 1))).toBeNull();
    expect(nextZoneTransition("Asia/Kathmandu", Date.UTC(2000, 0, 1), Date.UTC(2030, 0, 1))).toBeNull();
    expect(nextZoneTransition("Europe/Vilnius", Date.UTC(2026, 0, 1), -Infinity)).toBeNull();
  });
});

describe("previousZoneTransition", () => {
  it("returns the exact millisecond of the last offset change at or before the instant", () => {
    expect(previousZoneTransition("Europe/Vilnius", Date.UTC(2026, 5, 1), Date.UTC(2026, 0, 1))).toBe(Date.UTC(2026, 2, 29, 1));
    expect(previousZoneTransition("Europe/Vilnius", Date.UTC(2026, 2, 29, 1), Date.UTC(2026, 0, 1))).toBe(Date.UTC(2026, 2, 29, 1));
    expect(previousZoneTransition("Europe/Vilnius", Date.UTC(2026, 2, 29, 1) - 1, Date.UTC(2026, 0, 1))).toBeNull();
  });

  it("looks back across year boundaries, not past the lower limit", () => {
    expect(previousZoneTransition("Europe/Vilnius", Date.UTC(2027, 1, 1), Date.UTC(2026, 0, 1))).toBe(Date.UTC(2026, 9, 25, 1));
    expect(previousZoneTransition("Europe/Vilnius", Date.UTC(2027, 1, 1), Date.UTC(2026, 9, 25, 1))).toBeNull();
    expect(previousZoneTransition("UTC", Date.UTC(2027, 1, 1), 0)).toBeNull();
  });
});
