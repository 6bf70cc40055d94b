import type { Nfa } from "./build-nfa.js";
import { bitSimulation } from "./bit-simulation.js";
import type { CharClasses } from "./char-classes.js";
import { thompsonCost } from "./match-work.js";
import type { NfaSimulation } from "./nfa-simulation.js";
import type { NfaStep } from "./nfa-stepper.js";
import { positionSimulation } from "./position-simulation.js";

/**
 * The NFA simulation a lazy DFA hands its calls over to, whichever costs less per code unit with every state active:
 * the Thompson one (bit-simulation.ts: a shift per 32 states along chains, then each split, assertion and `CHAR` state
 * leading elsewhere one by one) or the position one (position-simulation.ts: a few shifts per 32 positions, no
 * zero-width state), the second only when it looks at least twice as cheap. Both estimates count one unit per word
 * operation (measured: 2–5 ns each on Node 20). Chains of single characters (`*a` then 1 000 `?`) stay on the first; choices
 * and stars repeated (`*a` then `[ab]` 255 times, `(?:a|b|ab|ba){400}`, `*a*a*…`) go to the second.
 *
 * @example
 * const simulation = handOverSimulation(nfa, classes, nfaStepper(nfa, classes, false), false);
 * simulation.run(input, 0, input.length, Int32Array.of(nfa.start), 1, AT_START) // => true, false or null
 */
export function handOverSimulation(nfa: Nfa, classes: CharClasses, step: NfaStep, search: boolean): NfaSimulation {
  // Only for a clear gain: entering and leaving the position simulation costs a closure over the NFA each time.
  return positionSimulation(nfa, classes, step, search, thompsonCost(nfa) / MARGIN) ?? bitSimulation(nfa, classes, search);
}

/** How many times cheaper than the Thompson simulation the position one must look to be chosen. */
const MARGIN = 2;
