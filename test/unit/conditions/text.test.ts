import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isPlainLower, normalizeText } from "../../../src/conditions/text.js";

describe("normalizeText", () => {
  it.each([
    ["eng", "eng"],
    [" ENG ", "eng"],
    ["Site_A", "site_a"],
    ["\u00a0lit\u2028", "lit"],
    ["Ä", "ä"],
    ["", ""],
  ])("normalises %j to %j", (value, expected) => {
    expect(normalizeText(value)).toBe(expected);
  });

  it("is trimming then lower-casing, whether or not the value takes the hand-tested path", () => {
    const piece = fc.constantFrom("a", "Z", "_", "-", "1", " ", "\t", "\u00a0", "\ufeff", "\u2028", "İ", "ß", "Ä", "~", "\u007f", "x".repeat(70));
    fc.assert(
      fc.property(fc.oneof(fc.array(piece, { maxLength: 8 }).map((parts) => parts.join("")), fc.string({ maxLength: 80 })), (value) => {
        expect(normalizeText(value)).toBe(value.trim().toLowerCase());
      }),
      { numRuns: 3_000 },
    );
  });
});

describe("isPlainLower", () => {
  it("accepts printable ASCII without space or capitals, within the range given", () => {
    expect(isPlainLower("site_a", 0, 6)).toBe(true);
    expect(isPlainLower("Site A", 0, 6)).toBe(false);
    expect(isPlainLower("Site", 1, 4)).toBe(true);
    expect(isPlainLower("caf\u00e9", 0, 4)).toBe(false);
  });
});
