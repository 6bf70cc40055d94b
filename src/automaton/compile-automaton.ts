import { buildNfa, stateCount, type Nfa } from "./build-nfa.js";
import { charClasses } from "./char-classes.js";
import { lazyDfa } from "./lazy-dfa.js";
import { literalPrefix } from "./literal-prefix.js";
import { matchWork } from "./match-work.js";
import type { Pattern } from "./pattern.js";

/**
 * The most NFA states one compiled pattern may have. Matching costs at most O(input length × states), so this bounds
 * the worst case a pattern can cost per code unit; counted repetition copies its item, which is where a short
 * pattern could otherwise grow large (`(a{100}){100}` would need 10 000).
 */
export const MAX_AUTOMATON_STATES = 4096;

/** How a compiled pattern is applied to an input. */
export interface AutomatonOptions {
  /**
   * Gives the same pattern again when the matcher is first used, so the pattern need not be kept until then (a
   * glob's parsed pattern is ~20 times the size of its text): pass a function that parses the source once more.
   */
  readonly rebuild?: () => Pattern;
  /** `false` (default): the whole input must match. `true`: some substring must, as `RegExp#test` without anchors. */
  readonly search?: boolean;
  /**
   * The longest input the matcher will be given. With it, a pattern whose NFA simulation could cost more than
   * `MATCH_BUDGET` on such an input, but whose DFA is small, gets that DFA built whole on first use (`matchWork`), so
   * no call ever simulates. Without it every DFA state is built lazily.
   */
  readonly inputLength?: number;
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
  if (stateCount(pattern, MAX_AUTOMATON_STATES) + 1 > MAX_AUTOMATON_STATES) return null;
  const search = options?.search === true;
  const prefix = search ? "" : literalPrefix(pattern);
  // The matcher's tables are built on the first input that gets past the literal prefix: a set of 100 000 patterns
  // naming 100 000 hosts runs one or two of them per visitor, and the rest would only hold memory.
  return lazyMatcher(options?.rebuild ?? constant(pattern), search, prefix, options?.inputLength);
}

/**
 * The worst-case work of one call of the pattern's matcher on inputs of `inputLength` code units, in the units of
 * `MATCH_BUDGET` (`matchWork`; `precise` tries both of its bounds, else the first within the budget is enough): the NFA
 * built, measured and dropped. `Infinity` when the automaton would have more than {@link MAX_AUTOMATON_STATES} states.
 * The front-ends refuse patterns over the budget at parse time and lint reports those close to it, both with this one
 * measure.
 *
 * @example
 * patternWork(parsedGlob, false, 8192) <= MATCH_BUDGET // => whether the glob is cheap enough to accept
 */
export function patternWork(pattern: Pattern, search: boolean, inputLength: number, precise = false): number {
  const nfa = buildNfa(pattern, MAX_AUTOMATON_STATES);
  return nfa === null ? Infinity : matchWork(nfa, () => charClasses(nfa), search, inputLength, precise).work;
}

function constant(pattern: Pattern): () => Pattern {
  return () => pattern;
}

// Apart from compileAutomaton, so the matcher's closure holds the pattern only through `source`.
function lazyMatcher(source: () => Pattern, search: boolean, prefix: string, inputLength: number | undefined): (input: string) => boolean {
  let run: ((input: string) => boolean) | null = null;
  return (input) => {
    if (prefix !== "" && !input.startsWith(prefix)) return false;
    run ??= build(source(), search, prefix, inputLength);
    return run(input);
  };
}

function build(pattern: Pattern, search: boolean, prefix: string, inputLength: number | undefined): (input: string) => boolean {
  const nfa = buildNfa(pattern, MAX_AUTOMATON_STATES) as Nfa;
  const classes = charClasses(nfa);
  const dfa = inputLength === undefined ? null : matchWork(nfa, () => classes, search, inputLength, false).dfa;
  return lazyDfa(nfa, classes, search, prefix, undefined, dfa ?? undefined);
}
