// Patterns for the automaton's laws, and the native RegExp that means the same: the independent oracle.
import fc from "fast-check";
import type { Pattern } from "../../../src/automaton/pattern.js";

/** Code units the generated patterns and inputs draw from: word and non-word, ASCII and not, the alphabet's ends. */
export const PATTERN_ALPHABET = ["a", "b", "_", "1", "-", "/", " ", "é", "\u0000", "\uffff"];

const code = fc.constantFrom(...PATTERN_ALPHABET.map((c) => c.charCodeAt(0)));

/** A sorted, non-overlapping range list: a few picked code units, sometimes widened into spans, sometimes negated. */
const rangesArb: fc.Arbitrary<number[]> = fc
  .tuple(fc.uniqueArray(code, { maxLength: 4 }), fc.boolean(), fc.boolean())
  .map(([codes, widen, negate]) => {
    const sorted = [...codes].sort((x, y) => x - y);
    const ranges: number[] = [];
    for (const [i, c] of sorted.entries()) {
      const hi = widen && i + 1 < sorted.length ? Math.max(c, (sorted[i + 1] as number) - 1) : c;
      const last = ranges.length - 1;
      if (last > 0 && (ranges[last] as number) + 1 >= c) ranges[last] = Math.max(ranges[last] as number, hi);
      else ranges.push(c, hi);
    }
    return negate ? complement(ranges) : ranges;
  });

function complement(ranges: readonly number[]): number[] {
  const out: number[] = [];
  let from = 0;
  for (let i = 0; i + 1 < ranges.length; i += 2) {
    if ((ranges[i] as number) > from) out.push(from, (ranges[i] as number) - 1);
    from = (ranges[i + 1] as number) + 1;
  }
  if (from <= 0xffff) out.push(from, 0xffff);
  return out;
}

export const patternArb: fc.Arbitrary<Pattern> = fc.letrec<{ pattern: Pattern }>((tie) => ({
  pattern: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.record({ type: fc.constant("chars" as const), ranges: rangesArb }),
    fc.record({ type: fc.constant("assert" as const), kind: fc.constantFrom("start" as const, "end" as const, "word" as const, "notWord" as const) }),
    fc.record({ type: fc.constant("seq" as const), items: fc.array(tie("pattern"), { maxLength: 4 }) }),
    fc.record({ type: fc.constant("alt" as const), items: fc.array(tie("pattern"), { maxLength: 3 }) }),
    fc
      .tuple(tie("pattern"), fc.nat(3), fc.oneof(fc.nat(3), fc.constant(Infinity)))
      .map(([item, a, b]): Pattern => ({ type: "repeat", item, min: Math.min(a, b), max: Math.max(a, b) })),
  ),
})).pattern;

/** Inputs over the same alphabet, short enough to make matches likely. */
export const patternInputArb = fc.array(fc.constantFrom(...PATTERN_ALPHABET), { maxLength: 10 }).map((cs) => cs.join(""));

const hex = (n: number): string => `\\u${n.toString(16).padStart(4, "0")}`;

/** The JavaScript RegExp source for a pattern (no flags, no `u`: both work on UTF-16 code units). */
export function regexSource(p: Pattern): string {
  switch (p.type) {
    case "chars": {
      let body = "";
      for (let i = 0; i + 1 < p.ranges.length; i += 2) body += `${hex(p.ranges[i] as number)}-${hex(p.ranges[i + 1] as number)}`;
      return `[${body}]`;
    }
    case "seq":
      return `(?:${p.items.map(regexSource).join("")})`;
    case "alt":
      return p.items.length === 0 ? "[]" : `(?:${p.items.map(regexSource).join("|")})`;
    case "repeat":
      return `(?:${regexSource(p.item)}){${p.min},${p.max === Infinity ? "" : p.max}}`;
    case "assert":
      return { start: "^", end: "$", word: "\\b", notWord: "\\B" }[p.kind];
  }
}

/**
 * A string the pattern probably matches (assertions are ignored, so not always), walked at random from a seed:
 * random inputs over a ten-letter alphabet rarely match a long pattern, and a law only tested on misses proves little.
 */
export function samplePattern(pattern: Pattern, seed: number): string {
  let state = seed >>> 0;
  const next = (n: number): number => {
    state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0;
    return state % n;
  };
  const walk = (p: Pattern): string => {
    switch (p.type) {
      case "chars": {
        const spans = p.ranges.length / 2;
        if (spans === 0) return "";
        const i = next(spans) * 2;
        const lo = p.ranges[i] as number;
        return String.fromCharCode(lo + next(Math.min((p.ranges[i + 1] as number) - lo + 1, 3)));
      }
      case "seq":
        return p.items.map(walk).join("");
      case "alt":
        return p.items.length === 0 ? "" : walk(p.items[next(p.items.length)] as Pattern);
      case "repeat": {
        const times = p.min + next((p.max === Infinity ? 3 : p.max - p.min) + 1);
        return Array.from({ length: times }, () => walk(p.item)).join("");
      }
      case "assert":
        return "";
    }
  };
  return walk(pattern);
}

/** A pattern with inputs for it: about half of them walked from the pattern, the rest random. */
export const patternWithInputsArb = patternArb.chain((pattern) =>
  fc.tuple(
    fc.constant(pattern),
    fc.array(fc.oneof(patternInputArb, fc.integer().map((seed) => samplePattern(pattern, seed))), { minLength: 1, maxLength: 8 }),
  ),
);
