/**
 * Arbitraries for `regex` conditions: patterns from a grammar of the syntax beckon supports, over a small alphabet
 * with case pairs, irregular case partners (ſ, σ/ς, the Kelvin sign) and boundaries so that matches happen, and
 * "soup" patterns of metacharacters that exercise Annex B's corners. Texts are short: the oracle is a native
 * backtracking RegExp.
 */
import fc from "fast-check";

const literal = fc.constantFrom("a", "A", "b", "s", "S", "ſ", "é", "É", "σ", "Σ", "ς", "k", "\u212a", "1", "_", "-", " ", "=");
const escape = fc.constantFrom(
  "\\d", "\\D", "\\w", "\\W", "\\s", "\\S", "\\x41", "\\u00e9", "\\u03a3", "\\n", "\\t", "\\cJ", "\\0", "\\101", "\\8",
  "\\-", "\\.", "\\*", "\\k", "\\c", "\\x4", "\\u12",
);
const classItem = fc.constantFrom(
  "a", "b", "A-C", "a-c", "é", "\\d", "\\W", "\\s", "\\S", "-", "\\b", "\\-", "σ", "ſ", "0-9", "_", "\\c1", "\\x41",
  "\\d-z", "a-\\s", "^", "]",
);
const characterClass = fc
  .tuple(fc.boolean(), fc.array(classItem, { maxLength: 3 }))
  .map(([negated, items]) => `[${negated ? "^" : ""}${items.join("")}]`);
const assertion = fc.constantFrom("^", "$", "\\b", "\\B");
const quantifier = fc.constantFrom("*", "+", "?", "{2}", "{0,2}", "{1,}", "{,2}", "*?", "+?", "??", "{1,2}?");

/** A pattern of the supported subset, at most three groups deep. */
export const grammarRegexArb: fc.Arbitrary<string> = fc.letrec<{ pattern: string; term: string; atom: string }>((tie) => ({
  pattern: fc.array(fc.array(tie("term"), { maxLength: 4 }).map((terms) => terms.join("")), { minLength: 1, maxLength: 3 }).map((alternatives) => alternatives.join("|")),
  term: fc.oneof(
    { weight: 4, arbitrary: tie("atom") },
    { weight: 3, arbitrary: fc.tuple(tie("atom"), quantifier).map(([atom, q]) => atom + q) },
    { weight: 1, arbitrary: assertion },
  ),
  atom: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    { weight: 5, arbitrary: literal },
    { weight: 2, arbitrary: escape },
    { weight: 2, arbitrary: characterClass },
    { weight: 1, arbitrary: fc.constant(".") },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.constantFrom("(", "(?:", "(?<g>"), tie("pattern"))
        .map(([open, inner]) => `${open}${inner})`),
    },
  ),
})).pattern;

/** Any short string of regex metacharacters and letters: what a fuzzer would try. */
export const soupRegexArb: fc.Arbitrary<string> = fc
  .array(fc.constantFrom(..."ab()[]{}|*+?^$\\.-,0123789dDwWsSbBkcux<>:=!_"), { maxLength: 10 })
  .map((units) => units.join(""));

/** Short texts over the same alphabet, line terminators included. */
export const regexTextArb: fc.Arbitrary<string> = fc
  .array(fc.constantFrom(..."aAbsSſéÉσΣςk\u212a1_- =\n\u2028\\c", "\u0001", "\u000a", "\t"), { maxLength: 10 })
  .map((units) => units.join(""));
