// nonEmpty and zeroWidth (src/automaton/non-empty.ts) against the native RegExp: `(?=[^])` in front of a pattern keeps
// its matches that read something; a pattern's matches that read nothing hold where its zero-width part holds.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileAutomaton } from "../../src/automaton/compile-automaton.js";
import { nonEmpty, nullable, zeroWidth } from "../../src/automaton/non-empty.js";
import type { Pattern } from "../../src/automaton/pattern.js";
import { patternArb, patternInputArb, regexSource, samplePattern } from "./arbitraries/pattern.js";

const whole = (source: string): RegExp => new RegExp(`^(?:${source})$`);

describe("nonEmpty", () => {
  it("matches what the pattern matches, but the empty input, wherever the input comes from", () => {
    fc.assert(
      fc.property(patternArb, patternInputArb, fc.nat(), fc.boolean(), (pattern, random, seed, sampled) => {
        const input = sampled ? samplePattern(pattern, seed) : random;
        // The oracle backtracks: nested repeats on a sampled input of 40 code units took it 84 s (seed 1276501572).
        fc.pre(input.length <= 10);
        // The transformed pattern runs on beckon's automaton (held to the RegExp by its own properties): as a RegExp,
        // its nested optional repeats can backtrack for minutes on a ten-letter miss.
        const matches = compileAutomaton(nonEmpty(pattern));
        fc.pre(matches !== null);
        const expected = new RegExp(`^(?=[^])(?:${regexSource(pattern)})$`).test(input);
        expect(matches(input), `${regexSource(pattern)} on ${JSON.stringify(input)}`).toBe(expected);
      }),
      { numRuns: 1_000 },
    );
  });
});

describe("zeroWidth", () => {
  it("holds between two texts exactly where the pattern matches nothing there", () => {
    fc.assert(
      fc.property(patternArb, patternInputArb, patternInputArb, (pattern, before, after) => {
        fc.pre(before.length + after.length <= 10); // the oracle backtracks, as above
        // A match of nothing between `before` and `after`: the whole input read by the texts around it.
        const around = (source: string): boolean => new RegExp(`^${escape(before)}(?:${source})${escape(after)}$`).test(before + after);
        const empties = new RegExp(`^${escape(before)}(?:(?:${regexSource(pattern)})(?<=^${escape(before)}))${escape(after)}$`);
        expect(around(regexSource(zeroWidth(pattern))), regexSource(pattern)).toBe(empties.test(before + after));
      }),
      { numRuns: 1_000 },
    );
  });

  it("says nullable exactly when the pattern, its assertions taken as met, matches the empty input", () => {
    fc.assert(
      fc.property(patternArb, (pattern) => {
        expect(nullable(pattern), regexSource(pattern)).toBe(whole(regexSource(assertionsMet(pattern))).test(""));
        // And any empty match found in a text is one of those.
        const found = ["", "a", "-", "a-", "-a"].some((text) => [...Array(text.length + 1).keys()].some((at) => matchesEmptyAt(pattern, text, at)));
        if (found) expect(nullable(pattern)).toBe(true);
      }),
      { numRuns: 1_000 },
    );
  });
});

/** The pattern with every assertion replaced by the empty sequence. */
function assertionsMet(pattern: Pattern): Pattern {
  switch (pattern.type) {
    case "assert":
      return { type: "seq", items: [] };
    case "chars":
      return pattern;
    case "seq":
    case "alt":
      return { type: pattern.type, items: pattern.items.map(assertionsMet) };
    case "repeat":
      return { ...pattern, item: assertionsMet(pattern.item) };
  }
}

function escape(text: string): string {
  return [...text].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`).join("");
}

/** Whether the pattern matches the empty text at `at` in `text` (a sticky RegExp with nothing read). */
function matchesEmptyAt(pattern: Pattern, text: string, at: number): boolean {
  const sticky = new RegExp(`(?:${regexSource(pattern)})(?<=^[^]{${at}})`, "y");
  sticky.lastIndex = at;
  const found = sticky.exec(text);
  return found !== null && found[0] === "";
}
