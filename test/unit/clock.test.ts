import { describe, expect, it } from "vitest";
import { readClock } from "../../src/clock.js";

describe("readClock", () => {
  const at = Date.UTC(2026, 10, 26, 10);

  it("reads epoch ms, a Date and a clock object alike", () => {
    expect(readClock(at)).toBe(at);
    expect(readClock(new Date(at))).toBe(at);
    expect(readClock({ now: () => at })).toBe(at);
    expect(readClock({ now: () => new Date(at) })).toBe(at);
  });

  it("reads a clock object exactly once", () => {
    let calls = 0;
    readClock({ now: () => (calls++, at) });
    expect(calls).toBe(1);
  });

  it("returns NaN for anything that is not an instant", () => {
    expect(readClock(Number.NaN)).toBeNaN();
    expect(readClock(Number.POSITIVE_INFINITY)).toBeNaN();
    expect(readClock(new Date("nonsense"))).toBeNaN();
    expect(readClock({ now: () => { throw new Error("broken clock"); } })).toBeNaN();
    expect(readClock(null as unknown as number)).toBeNaN();
    expect(readClock("2026-11-26" as unknown as number)).toBeNaN();
  });
});
