import type { LikeMatcher, LikeWord } from "./compile-like.js";
import { likeWords } from "./like-words.js";

/**
 * Tells whether a text satisfies a compiled `like` value: every group has an alternative whose words occur
 * consecutively as whole words of the text, case-insensitively. Linear in the text's length (no backtracking).
 *
 * @example
 * matchLike(compileLike("help"), "Visit our helpdesk")  // => false
 * matchLike(compileLike("help*"), "Visit our helpdesk") // => true
 */
export function matchLike(matcher: LikeMatcher, text: string): boolean {
  if (matcher.groups.length === 0) return false;
  const words = likeWords(text);
  return matcher.groups.every((alternatives) => alternatives.some((alternative) => occursIn(alternative, words)));
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
