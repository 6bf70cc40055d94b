import { normalizeText } from "./text.js";

// Words are the runs between the boundaries of LHC's bot word matcher, plus `;` and parentheses. Matching the runs
// rather than splitting at the boundaries gives the same words and is faster on a long text.
const WORDS = /[^\s"',:;.?!()]+/g;

/**
 * Splits a text into the lower-cased words `like` compares, cutting at whitespace and `" , ' : ; . ? ! ( )`.
 *
 * @example
 * likeWords("Need HELP: (billing)?") // => ["need", "help", "billing"]
 */
export function likeWords(text: string): string[] {
  return normalizeText(text).match(WORDS) ?? [];
}
