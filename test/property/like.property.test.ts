// `like` matches every word of a value in one pass over the text. The straightforward reading (every alternative
// tried at every word, kept here as it was in src/conditions/match-like.ts) is the oracle.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileLike, type LikeWord } from "../../src/conditions/compile-like.js";
import { likeWords } from "../../src/conditions/like-words.js";
import { matchLike } from "../../src/conditions/match-like.js";
import { likeTextArb } from "./arbitraries/conditions.js";
import { likeTextOfWordsArb, likeValueArb } from "./arbitraries/like.js";

function naiveMatchLike(value: string, text: string): boolean {
  const { groups } = compileLike(value);
  if (groups.length === 0) return false;
  const words = likeWords(text);
  return groups.every((alternatives) => alternatives.some((alternative) => occursIn(alternative, words)));
}

function occursIn(alternative: readonly LikeWord[], words: readonly string[]): boolean {
  for (let start = 0; start + alternative.length <= words.length; start += 1) {
    let offset = 0;
    while (offset < alternative.length && wordMatches(alternative[offset]!, words[start + offset]!)) offset += 1;
    if (offset === alternative.length) return true;
  }
  return false;
}

function wordMatches(word: LikeWord, candidate: string): boolean {
  if (word.anyPrefix && word.anySuffix) return candidate.includes(word.core);
  if (word.anyPrefix) return candidate.endsWith(word.core);
  if (word.anySuffix) return candidate.startsWith(word.core);
  return candidate === word.core;
}

describe("like (properties)", () => {
  it("answers as trying every alternative at every word does, on overlapping words", () => {
    fc.assert(
      fc.property(likeValueArb, fc.array(likeTextOfWordsArb, { minLength: 1, maxLength: 6 }), (value, texts) => {
        const matcher = compileLike(value);
        for (const text of texts) expect(matchLike(matcher, text), `${value} on ${text}`).toBe(naiveMatchLike(value, text));
      }),
      { numRuns: 1000 },
    );
  });

  it("answers as trying every alternative at every word does, on any value and text", () => {
    fc.assert(
      fc.property(likeTextArb, likeTextArb, (value, text) => {
        expect(matchLike(compileLike(value), text)).toBe(naiveMatchLike(value, text));
      }),
      { numRuns: 1000 },
    );
  });
});
