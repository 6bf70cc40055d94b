import type { LikeMatcher } from "./compile-like.js";
import { likeOccurrences, type LikeOccurrences } from "./like-occurrences.js";
import { likeWords } from "./like-words.js";

/**
 * Tells whether a text satisfies a compiled `like` value: every group has an alternative whose words occur
 * consecutively as whole words of the text, case-insensitively. The text is split and its distinct words matched
 * against all the value's words in one pass; a one-word alternative is then a lookup, and a longer one is checked
 * only where its rarest word occurs. No backtracking, and no scan of every alternative at every word.
 *
 * @example
 * matchLike(compileLike("help"), "Visit our helpdesk")  // => false
 * matchLike(compileLike("help*"), "Visit our helpdesk") // => true
 */
export function matchLike(matcher: LikeMatcher, text: string): boolean {
  const { plan } = matcher;
  if (plan.groups.length === 0) return false;
  const occurrences = likeOccurrences(plan, likeWords(text));
  return plan.groups.every((alternatives) => alternatives.some((alternative) => occursIn(alternative, occurrences)));
}

function occursIn(alternative: readonly number[], occurrences: LikeOccurrences): boolean {
  let pivot = 0;
  for (let offset = 1; offset < alternative.length; offset += 1) {
    if (occurrences.count(alternative[offset] as number) < occurrences.count(alternative[pivot] as number)) pivot = offset;
  }
  if (occurrences.count(alternative[pivot] as number) === 0) return false;
  if (alternative.length === 1) return true;
  for (const position of occurrences.positions(alternative[pivot] as number)) {
    const start = position - pivot;
    if (start < 0 || start + alternative.length > occurrences.length) continue;
    if (alternative.every((id, offset) => offset === pivot || occurrences.matchesAt(id, start + offset))) return true;
  }
  return false;
}
