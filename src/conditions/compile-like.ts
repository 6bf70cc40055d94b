import { likeWords } from "./like-words.js";

/** One word of a `like` alternative; `*` at its start or end allows any prefix or suffix. */
export interface LikeWord {
  readonly core: string;
  readonly anyPrefix: boolean;
  readonly anySuffix: boolean;
}

/** A compiled `like` value: every group must match; a group matches when any of its alternatives does. */
export interface LikeMatcher {
  /** Groups (`&&`) → alternatives (`,`) → words that must occur consecutively. Empty: matches nothing. */
  readonly groups: readonly (readonly (readonly LikeWord[])[])[];
}

/**
 * Compiles a `like` / `notLike` value (SPEC §4.4) once: split on `&&` into groups that must all match, each split on
 * `,` into alternatives of which any may match; an alternative is one or more words that must occur consecutively as
 * whole words. Alternatives and groups without words are ignored, and a value without any word matches nothing.
 * Only a leading or trailing `*` is a wildcard; LHC's typo syntax (`$`, `{n}`) and `/regex/` alternatives are not
 * supported and read as text.
 *
 * @example
 * const matcher = compileLike("help*, live chat && price");
 * matchLike(matcher, "Helpdesk: what is the price?") // => true
 */
export function compileLike(value: string): LikeMatcher {
  const groups = value
    .split("&&")
    .map((group) => group.split(",").map(compileAlternative).filter((words) => words.length > 0))
    .filter((alternatives) => alternatives.length > 0);
  return { groups };
}

function compileAlternative(alternative: string): LikeWord[] {
  return likeWords(alternative).map(compileWord);
}

function compileWord(word: string): LikeWord {
  const anyPrefix = word.startsWith("*");
  const anySuffix = word.endsWith("*");
  let start = 0;
  let end = word.length;
  while (start < end && word[start] === "*") start += 1;
  while (end > start && word[end - 1] === "*") end -= 1;
  return { core: word.slice(start, end), anyPrefix, anySuffix };
}
