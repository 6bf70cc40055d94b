import { buildNfa } from "./build-nfa.js";
import { charClasses } from "./char-classes.js";
import { lazyDfa } from "./lazy-dfa.js";
import { literalPrefix } from "./literal-prefix.js";
import type { Pattern } from "./pattern.js";

/**
 * The most NFA states one compiled pattern may have. Matching costs at most O(input length × states), so this bounds
 * the worst case a pattern can cost per code unit; counted repetition copies its item, which is where a short
 * pattern could otherwise grow large (`(a{100}){100}` would need 10 000).
 */
export const MAX_AUTOMATON_STATES = 4096;

/** How a compiled pattern is applied to an input. */
export interface AutomatonOptions {
  /** `false` (default): the whole input must match. `true`: some substring must, as `RegExp#test` without anchors. */
  readonly search?: boolean;
}

/**
 * Compiles a {@link Pattern} into a matcher that never backtracks: each call reads the input once, in time linear in
 * its length (O(input length × pattern size) at worst; one table lookup per code unit once its lazily built DFA has
 * seen inputs like it). Returns `null` when the automaton would have more than {@link MAX_AUTOMATON_STATES} states.
 * Assertions (`start`, `end`, `word`, `notWord`) hold in both modes; in search mode `start` and `end` pin a match to
 * the input's edges.
 *
 * @example
 * const digits: Pattern = { type: "repeat", item: { type: "chars", ranges: [0x30, 0x39] }, min: 1, max: Infinity };
 * compileAutomaton(digits)?.("2026")                     // => true
 * compileAutomaton(digits)?.("v2026")                    // => false
 * compileAutomaton(digits, { search: true })?.("v2026")  // => true
 */
export function compileAutomaton(pattern: Pattern, options?: AutomatonOptions): ((input: string) => boolean) | null {
  const nfa = buildNfa(pattern, MAX_AUTOMATON_STATES);
  if (nfa === null) return null;
  const search = options?.search === true;
  return lazyDfa(nfa, charClasses(nfa), search, search ? "" : literalPrefix(pattern));
}
