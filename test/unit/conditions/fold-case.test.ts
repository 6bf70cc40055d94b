import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { foldCase } from "../../../src/conditions/fold-case.js";
import { regexClassEscape } from "../../../src/conditions/regex-class-escape.js";

function contains(ranges: readonly number[], code: number): boolean {
  for (let i = 0; i + 1 < ranges.length; i += 2) if (code >= (ranges[i] as number) && code <= (ranges[i + 1] as number)) return true;
  return false;
}

/** ECMA-262 Canonicalize for a non-unicode, ignore-case RegExp, written from the spec: the independent oracle. */
function canonicalize(code: number): number {
  const upper = String.fromCharCode(code).toUpperCase();
  if (upper.length !== 1) return code;
  const target = upper.charCodeAt(0);
  return code >= 128 && target < 128 ? code : target;
}

const ALL_CODE_UNITS = Array.from({ length: 0x10000 }, (_, code) => code);

describe("regexClassEscape", () => {
  it.each(["d", "D", "w", "W", "s", "S", "."])("gives exactly the code units the native %s matches", (letter) => {
    const ranges = regexClassEscape(letter) ?? [];
    const native = new RegExp(letter === "." ? "." : `\\${letter}`);
    const wrong = ALL_CODE_UNITS.filter((code) => contains(ranges, code) !== native.test(String.fromCharCode(code)));
    expect(wrong).toEqual([]);
  });

  it.each(["d", "D", "w", "W", "s", "S", "."])("gives a set closed under case folding for %s", (letter) => {
    const ranges = regexClassEscape(letter) ?? [];
    expect(foldCase(ranges)).toEqual(ranges);
  });

  it("knows no other letter", () => {
    expect(regexClassEscape("b")).toBeUndefined();
    expect(regexClassEscape("constructor")).toBeUndefined();
  });
});

describe("foldCase", () => {
  it("pairs the ASCII letters and leaves other ASCII alone", () => {
    expect(foldCase([0x41, 0x43])).toEqual([0x41, 0x43, 0x61, 0x63]);
    expect(foldCase([0x30, 0x39])).toEqual([0x30, 0x39]);
    expect(foldCase([0x5a, 0x61])).toEqual([0x41, 0x41, 0x5a, 0x61, 0x7a, 0x7a]); // Z–a: also A and z
  });

  it("never maps a non-ASCII character into ASCII (ſ and the Kelvin sign stay apart)", () => {
    expect(foldCase([0x73, 0x73])).toEqual([0x53, 0x53, 0x73, 0x73]);
    expect(foldCase([0x17f, 0x17f])).toEqual([0x17f, 0x17f]);
    expect(foldCase([0x212a, 0x212a])).toEqual([0x212a, 0x212a]);
  });

  it("finds every case partner, the irregular ones included", () => {
    expect(foldCase([0x3c3, 0x3c3])).toEqual([0x3a3, 0x3a3, 0x3c2, 0x3c3]); // σ: Σ and final ς
    expect(foldCase([0x1c5, 0x1c5])).toEqual([0x1c4, 0x1c6]); // ǅ: Ǆ and ǆ
  });

  it("widens a set to every code unit whose canonical form is that of a member", () => {
    const cased = fc.integer({ min: 0x80, max: 0x24ff });
    const anyUnit = fc.integer({ min: 0, max: 0xffff });
    fc.assert(
      fc.property(fc.oneof(cased, anyUnit), fc.integer({ min: 0, max: 3 }), (from, width) => {
        const to = Math.min(from + width, 0xffff);
        const canonicals = new Set<number>();
        for (let code = from; code <= to; code += 1) canonicals.add(canonicalize(code));
        const folded = foldCase([from, to]);
        const wrong = ALL_CODE_UNITS.filter((code) => contains(folded, code) !== canonicals.has(canonicalize(code)));
        expect(wrong).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});
