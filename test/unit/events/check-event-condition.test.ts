import { describe, expect, it } from "vitest";
import { checkEventCondition } from "../../../src/events/check-event-condition.js";

const now = Date.UTC(2026, 10, 26, 10);
const minutesAgo = (m: number): number => now - m * 60_000;

describe("checkEventCondition", () => {
  const fiveInHalfAnHour = { event: "login_failed", minCount: 5, withinMs: 1_800_000 };

  it("holds with at least minCount records inside the window and ends when one too many has left it", () => {
    const times = [40, 25, 20, 10, 5, 1].map(minutesAgo).sort((a, b) => a - b);
    // Five are inside (25 … 1 minutes ago); the 25-minute-old one leaves in 5 minutes.
    expect(checkEventCondition(fiveInHalfAnHour, times, now)).toEqual({ holds: true, endsAt: minutesAgo(25) + 1_800_000 });
  });

  it("counts a record exactly windowSeconds old as outside (now − at < window)", () => {
    const times = [30, 20, 10, 5, 1].map(minutesAgo).sort((a, b) => a - b);
    expect(checkEventCondition(fiveInHalfAnHour, times, now).holds).toBe(false);
  });

  it("does not hold without records of that event", () => {
    expect(checkEventCondition(fiveInHalfAnHour, undefined, now)).toEqual({ holds: false, endsAt: null });
    expect(checkEventCondition(fiveInHalfAnHour, [], now)).toEqual({ holds: false, endsAt: null });
  });

  it("counts every record, and never ends, when the window is 0", () => {
    const ever = { event: "purchase", minCount: 2, withinMs: 0 };
    expect(checkEventCondition(ever, [0, 1], now)).toEqual({ holds: true, endsAt: null });
    expect(checkEventCondition(ever, [0], now)).toEqual({ holds: false, endsAt: null });
  });

  it("keeps the later of several records when more than minCount are inside", () => {
    const birthday = { event: "birthday", minCount: 1, withinMs: 86_400_000 };
    const times = [minutesAgo(120), minutesAgo(60)];
    expect(checkEventCondition(birthday, times, now)).toEqual({ holds: true, endsAt: minutesAgo(60) + 86_400_000 });
  });
});
