import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseDuration } from "../../../src/config/parse-duration.js";

const UNITS = [["d", 86_400_000], ["h", 3_600_000], ["m", 60_000], ["s", 1_000], ["ms", 1]] as const;

describe("parseDuration", () => {
  it.each<[string, number]>([
    ["90s", 90_000],
    ["30m", 1_800_000],
    ["1h", 3_600_000],
    ["1h30m", 5_400_000],
    ["1.5h", 5_400_000],
    ["2d", 172_800_000],
    ["250ms", 250],
    ["1m1ms", 60_001],
    ["0s", 0],
  ])("reads %s as %d ms", (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(["", "30", "1 h", "-1s", "+1s", "1w", "h", "1.h", ".5h", "1hour", "1h 30m", "1e3s", "s1"])("refuses %j", (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });

  it("adds up any sequence of amounts with units (oracle: the sum of each amount times its unit's length)", () => {
    const part = fc.tuple(fc.integer({ min: 0, max: 10_000 }), fc.constantFrom(...UNITS));
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 5 }), (parts) => {
        const text = parts.map(([amount, [unit]]) => `${amount}${unit}`).join("");
        const expected = parts.reduce((sum, [amount, [, size]]) => sum + amount * size, 0);
        expect(parseDuration(text)).toBe(expected);
      }),
    );
  });
});
