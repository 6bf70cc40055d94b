import { normalizeText } from "./text.js";

// Word boundaries of LHC's bot word matcher, plus `;` and parentheses.
const BOUNDARIES = /[\s"',:;.?!()]+/;

/**
 * Splits a text into the lower-cased words `like` compares, cutting at whitespace and `" , ' : ; . ? ! ( )`.
 *
 * @example
 * likeWords("Need HELP: (billing)?") // => ["need", "help", "billing"]
 */
export function likeWords(text: string): string[] {
  return normalizeText(text)
    .split(BOUNDARIES)
    .filter((word) => word !== "");
}
