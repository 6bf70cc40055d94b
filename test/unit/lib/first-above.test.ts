import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { firstAbove } from "../../../src/lib/first-above.js";

describe("firstAbove", () => {
  it("finds the first value above, from a start", () => {
    expect(firstAbove([1, 3, 3, 7], 3)).toBe(3);
    expect(firstAbove([1, 3, 3, 7], 0)).toBe(0);
    expect(firstAbove([1, 3, 3, 7], 9)).toBe(4);
    expect(firstAbove([1, 3, 3, 7], 0, 2)).toBe(2);
    expect(firstAbove([], 5)).toBe(0);
  });

  it("agrees with a linear scan (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -20, max: 20 })), fc.integer({ min: -25, max: 25 }), (list, value) => {
        const values = [...list].sort((a, b) => a - b);
        const scan = values.findIndex((v) => v > value);
        expect(firstAbove(values, value)).toBe(scan === -1 ? values.length : scan);
      }),
    );
  });
});
