/**
 * Arbitraries for `like`: values and texts over a tiny vocabulary of overlapping words (so that prefixes, suffixes
 * and infixes of one another occur), with wildcards, separators, upper case and lone surrogates.
 */
import fc from "fast-check";

const word = fc.constantFrom("a", "b", "aa", "ab", "ba", "aba", "bab", "A", "AB", "ža", "\ud83d", "\ude00", "😀", "a*b");
const separator = fc.constantFrom(" ", " ", "  ", ", ", ".", "?", "(", ")", "'", "\"", ":", ";", "!", "\t");

/** A `like` value: groups joined by `&&`, alternatives by commas, words with optional leading/trailing stars. */
export const likeValueArb: fc.Arbitrary<string> = fc
  .array(
    fc.array(
      fc.array(
        fc.tuple(fc.constantFrom("", "", "*", "**"), word, fc.constantFrom("", "", "*")).map((parts) => parts.join("")),
        { minLength: 1, maxLength: 3 },
      ).map((words) => words.join(" ")),
      { minLength: 1, maxLength: 4 },
    ).map((alternatives) => alternatives.join(", ")),
    { minLength: 1, maxLength: 3 },
  )
  .map((groups) => groups.join(" && "));

/** A visitor text: the same words between boundaries. */
export const likeTextOfWordsArb: fc.Arbitrary<string> = fc
  .array(fc.tuple(word, separator), { maxLength: 14 })
  .map((pairs) => pairs.map(([w, s]) => w + s).join(""));
