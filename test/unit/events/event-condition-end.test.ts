import { describe, expect, it } from "vitest";
import { eventConditionEnd } from "../../../src/events/event-condition-end.js";

const now = Date.UTC(2026, 10, 26, 10);
const minutesAgo = (m: number): number => now - m * 60_000;

describe("eventConditionEnd", () => {
  const fiveInHalfAnHour = { event: "login_failed", minCount: 5, withinMs: 1_800_000 };

  it("holds with at least minCount records inside the window and ends when one too many has left it", () => {
    const times = [40, 25, 20, 10, 5, 1].map(minutesAgo).sort((a, b) => a - b);
    // Five are inside (25 … 1 minutes ago); the 25-minute-old one leaves in 5 minutes.
    expect(eventConditionEnd(fiveInHalfAnHour, times, now)).toBe(minutesAgo(25) + 1_800_000);
  });

  it("counts a record exactly windowSeconds old as outside (now − at < window)", () => {
    const times = [30, 20, 10, 5, 1].map(minutesAgo).sort((a, b) => a - b);
    expect(eventConditionEnd(fiveInHalfAnHour, times, now)).toBeNaN();
  });

  it("does not hold without records of that event", () => {
    expect(eventConditionEnd(fiveInHalfAnHour, undefined, now)).toBeNaN();
    expect(eventConditionEnd(fiveInHalfAnHour, [], now)).toBeNaN();
  });

  it("counts every record, and never ends, when the window is 0", () => {
    const ever = { event: "purchase", minCount: 2, withinMs: 0 };
    expect(eventConditionEnd(ever, [0, 1], now)).toBe(Number.POSITIVE_INFINITY);
    expect(eventConditionEnd(ever, [0], now)).toBeNaN();
  });

  it("ends with the record that takes the count below minCount", () => {
    const birthday = { event: "birthday", minCount: 1, withinMs: 86_400_000 };
    expect(eventConditionEnd(birthday, [minutesAgo(120), minutesAgo(60)], now)).toBe(minutesAgo(60) + 86_400_000);
  });
});
