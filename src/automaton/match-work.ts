import * as nfaKinds from "./build-nfa.js";
import type { Nfa } from "./build-nfa.js";
import type { CharClasses } from "./char-classes.js";
import { dfaCache, type DfaCache } from "./dfa-cache.js";
import { nfaStepper } from "./nfa-stepper.js";

// A local copy: an imported binding may be read through a getter (tsx, vitest).
const { CHAR } = nfaKinds;

/**
 * The most work one call of a matcher may cost, in the units of {@link thompsonCost} (one word operation, 2–5 ns on
 * Node 20): about a millisecond of CPU. A URL glob or `regex` condition whose {@link matchWork} on the longest input
 * it reads is larger is refused at parse time, and lint's `slow_pattern` reports those above half of it.
 */
export const MATCH_BUDGET = 400_000;

/**
 * Units a code unit costs on top of the simulation's own work once a call has left its DFA: reading it, the DFA states
 * built before the hand-over and coming back to the DFA now and then (measured with bench/automaton-worst.ts).
 */
const HAND_OVER_OVERHEAD = 16;

/**
 * How much building a whole DFA may cost, counted as NFA states × DFA moves worked out (each move's step visits at
 * most every NFA state once): 2²⁰, a few milliseconds, paid once per pattern (at parse time and at first use).
 */
export const DFA_BUILD_BUDGET = 1 << 20;

/** The worst-case work of one pattern, and the complete DFA when that is what keeps it low. */
export interface MatchWork {
  /** Units one call may cost at worst on inputs of the given length. */
  readonly work: number;
  /** Every state and move of the pattern's DFA, when it is small and the simulation could cost more than reading it. */
  readonly dfa: DfaCache | null;
}

/**
 * The worst-case cost of one call of the matcher `compileAutomaton` builds, on inputs of `inputLength` code units,
 * whatever they hold, as the lower of two bounds:
 *
 * 1. The simulation's: `(thompsonCost + 16) × inputLength`. A call whose DFA keeps meeting new states goes on as an
 *    NFA simulation, with every state active at worst; patterns of a few dozen states stay under the budget this way
 *    (`/docs/*`, `^vip-\d+$`, `/*a` then 20 `?`).
 * 2. The complete DFA's: one table lookup per code unit, `inputLength`. It holds when the whole DFA (every state,
 *    every character class) can be worked out within {@link DFA_BUILD_BUDGET} and fits the DFA cache; the matcher is
 *    then handed that DFA on first use and never simulates. Long lists of alternatives, braces repeated and
 *    `(?:a*){2000}` are small DFAs; `*a` then many `?` or `[ab]`, or many `*a` in a row, are not.
 *
 * `precise: false` (parse time) stops at the first bound within {@link MATCH_BUDGET}, so most patterns are measured
 * by the first alone; `true` (lint) always tries both. `classes` is called only when the DFA is tried. Deterministic:
 * it counts, it never times.
 *
 * @example
 * matchWork(nfa, () => charClasses(nfa), false, 8192, false).work <= MATCH_BUDGET // => whether a URL glob is accepted
 */
export function matchWork(nfa: Nfa, classes: () => CharClasses, search: boolean, inputLength: number, precise: boolean): MatchWork {
  const simulated = (thompsonCost(nfa) + HAND_OVER_OVERHEAD) * inputLength;
  if (simulated <= MATCH_BUDGET && !precise) return { work: simulated, dfa: null };
  const dfa = completeDfa(nfa, classes(), search);
  if (dfa === null || simulated <= inputLength) return { work: simulated, dfa: null };
  return { work: inputLength, dfa };
}

/**
 * The Thompson simulation's cost per code unit, every state active: two passes over the words of its bitset, then one
 * by one each zero-width state (found, pushed, its targets marked) and each `CHAR` state leading elsewhere than the
 * state below it (bit-simulation.ts). The unit is one word operation.
 */
export function thompsonCost(nfa: Nfa): number {
  const { kind, out } = nfa;
  let cost = 2 * ((kind.length + 31) >>> 5);
  for (let s = 0; s < kind.length; s += 1) {
    if (kind[s] !== CHAR) cost += 3;
    else if (out[s] !== s - 1) cost += 1.5;
  }
  return cost;
}

/**
 * Works out every state and move of the DFA, breadth first from the start; `null` when that would cost more than
 * {@link DFA_BUILD_BUDGET} or not fit the DFA cache (the cache started over).
 */
function completeDfa(nfa: Nfa, classes: CharClasses, search: boolean): DfaCache | null {
  const perMove = nfa.kind.length;
  const moves = Math.floor(DFA_BUILD_BUDGET / perMove);
  const cache = dfaCache(nfa, classes, nfaStepper(nfa, classes, search), search);
  const epoch = cache.epoch;
  let made = 0;
  for (let state = 0; state < cache.kernels.length; state += 1) {
    for (let cls = 0; cls < classes.count; cls += 1) {
      made += 1;
      if (made > moves) return null;
      cache.transition(state, cls);
      if (cache.epoch !== epoch) return null;
    }
  }
  return cache;
}
