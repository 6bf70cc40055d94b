import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bitSimulation } from "../../src/automaton/bit-simulation.js";
import { buildNfa } from "../../src/automaton/build-nfa.js";
import { charClasses } from "../../src/automaton/char-classes.js";
import { AFTER_OTHER, AFTER_WORD, AT_START } from "../../src/automaton/holds-assertion.js";
import { nfaStepper } from "../../src/automaton/nfa-stepper.js";
import type { Pattern } from "../../src/automaton/pattern.js";
import { nfaSimulation } from "./oracles/simulate-nfa.js";
import { patternArb, patternInputArb } from "./arbitraries/pattern.js";

/** Where a run starts: its first code unit, its context, and states drawn from the NFA's (by index modulo its size). */
const startArb = fc.record({
  picks: fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
  before: fc.constantFrom(AT_START, AFTER_WORD, AFTER_OTHER),
  stop: fc.nat(12),
});

/** Long patterns: chains of sets (the bit-parallel path) mixed with repetitions and choices, past 32 states. */
const longPatternArb: fc.Arbitrary<Pattern> = fc
  .tuple(patternArb, fc.integer({ min: 1, max: 40 }), patternArb)
  .map(([head, n, tail]): Pattern => ({ type: "seq", items: [head, { type: "repeat", item: { type: "chars", ranges: [0x2f, 0x2f, 0x61, 0x62] }, min: n, max: n }, tail] }));

describe("bitSimulation (properties)", () => {
  it("answers and stops in the same states as the state-by-state simulation", () => {
    fc.assert(
      fc.property(fc.oneof(patternArb, longPatternArb), patternInputArb, fc.boolean(), startArb, (pattern, text, search, start) => {
        const nfa = buildNfa(pattern, 4096);
        if (nfa === null) return;
        const classes = charClasses(nfa);
        const size = nfa.kind.length;
        const oracle = nfaSimulation(classes, nfaStepper(nfa, classes, search), size, search);
        const bits = bitSimulation(nfa, classes, search);
        const kernel = Int32Array.from(new Set([nfa.start, ...start.picks.map((p) => p % size)]));
        const input = text.repeat(3);
        const stop = Math.min(input.length, start.stop * 3);
        const expected = oracle.run(input, 0, stop, kernel, kernel.length, start.before);
        const actual = bits.run(input, 0, stop, kernel, kernel.length, start.before);
        expect(actual).toBe(expected);
        if (expected !== null) return;
        expect([...bits.states.subarray(0, bits.length)].sort((a, b) => a - b)).toEqual([...oracle.states.subarray(0, oracle.length)].sort((a, b) => a - b));
        expect(bits.before).toBe(oracle.before);
        // A second run from where the first stopped, to the end, as a hand-over back and forth does.
        const rest = oracle.run(input, stop, input.length, oracle.states, oracle.length, oracle.before);
        expect(bits.run(input, stop, input.length, bits.states, bits.length, bits.before)).toBe(rest);
        if (rest === null) expect(bits.acceptsAtEnd()).toBe(oracle.acceptsAtEnd());
      }),
    );
  });
});
