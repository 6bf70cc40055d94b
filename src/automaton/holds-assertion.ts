import * as nfaKinds from "./build-nfa.js";

// Local copies: an imported binding may be read through a getter (tsx, vitest), and this runs once per assertion.
const { END, START, WORD } = nfaKinds;

// What lies before a position (the input's start, a word character, anything else) and after it (the input's end,
// a word character, anything else): all a `start`, `end` or word-boundary assertion looks at.
export const AT_START = 0;
export const AFTER_WORD = 1;
export const AFTER_OTHER = 2;
export const AT_END = 0;
export const BEFORE_WORD = 1;
export const BEFORE_OTHER = 2;

/**
 * Whether an assertion (`START`, `END`, `WORD`, `NOT_WORD` of build-nfa.ts) holds between a `before` and an `after`
 * context. The input's edges count as non-word characters for `\b` and `\B`, as in a JavaScript RegExp.
 *
 * @example
 * holdsAssertion(WORD, AT_START, BEFORE_WORD)   // => true  (`\b` before the "c" of "cat")
 * holdsAssertion(END, AFTER_WORD, BEFORE_OTHER) // => false (not at the end yet)
 */
export function holdsAssertion(assertion: number, before: number, after: number): boolean {
  if (assertion === START) return before === AT_START;
  if (assertion === END) return after === AT_END;
  const boundary = (before === AFTER_WORD) !== (after === BEFORE_WORD);
  return assertion === WORD ? boundary : !boundary;
}
