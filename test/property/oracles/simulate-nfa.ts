import type { CharClasses } from "../../../src/automaton/char-classes.js";
import * as contexts from "../../../src/automaton/holds-assertion.js";
import type { NfaSimulation } from "../../../src/automaton/nfa-simulation.js";
import * as stepBits from "../../../src/automaton/nfa-stepper.js";
import type { NfaStep } from "../../../src/automaton/nfa-stepper.js";

// Local copies: an imported binding may be read through a getter (tsx, vitest), and these are read per code unit.
const { AFTER_OTHER, AFTER_WORD, AT_END, BEFORE_OTHER, BEFORE_WORD } = contexts;
const { ANY_TAIL, MATCHED } = stepBits;

/**
 * Runs an input through an NFA directly, the set of current states in two preallocated arrays used in turn: per code
 * unit one {@link NfaStep}, O(NFA states) at worst, and nothing allocated. The reference for `bitSimulation`, which
 * the lazy DFA hands calls over to and which must answer exactly as this does, state for state (the property test
 * test/property/bit-simulation.property.test.ts holds that).
 *
 * @example
 * const simulation = nfaSimulation(classes, nfaStepper(nfa, classes, false), nfa.kind.length, false);
 * simulation.run("abc", 0, 3, Int32Array.of(nfa.start), 1, AT_START) ?? simulation.acceptsAtEnd()
 * // => whether the pattern matches "abc"
 */
export function nfaSimulation(classes: CharClasses, step: NfaStep, size: number, search: boolean): NfaSimulation {
  const { ascii, classOf, wordClass } = classes;
  let spare: Int32Array = new Int32Array(size);
  const done = search ? MATCHED : ANY_TAIL;
  const simulation: NfaSimulation = {
    states: new Int32Array(size),
    length: 0,
    before: AFTER_OTHER,
    run(input, from, to, kernel, length, before) {
      let current = simulation.states;
      let next = spare;
      if (kernel !== current) current.set(kernel.subarray(0, length));
      let count = length;
      let context = before;
      let result: boolean | null = null;
      for (let i = from; i < to; i += 1) {
        const code = input.charCodeAt(i);
        const cls = code < 128 ? (ascii[code] as number) : classOf(code);
        const word = wordClass[cls] === 1;
        const bits = step(current, count, context, word ? BEFORE_WORD : BEFORE_OTHER, cls, next);
        if ((bits & done) !== 0) result = true;
        count = bits >>> 2;
        if (count === 0) result ??= false;
        if (result !== null) break;
        const read = current;
        current = next;
        next = read;
        context = word ? AFTER_WORD : AFTER_OTHER;
      }
      simulation.states = current;
      spare = next;
      simulation.length = count;
      simulation.before = context;
      return result;
    },
    acceptsAtEnd: () => (step(simulation.states, simulation.length, simulation.before, AT_END, -1, spare) & MATCHED) !== 0,
  };
  return simulation;
}
