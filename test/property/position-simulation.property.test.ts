import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildNfa, type Nfa } from "../../src/automaton/build-nfa.js";
import { charClasses, type CharClasses } from "../../src/automaton/char-classes.js";
import { followSets } from "../../src/automaton/follow-sets.js";
import { AFTER_OTHER, AFTER_WORD, AT_START } from "../../src/automaton/holds-assertion.js";
import { nfaOperations } from "../../src/automaton/nfa-operations.js";
import { nfaStepper } from "../../src/automaton/nfa-stepper.js";
import { numberPositions } from "../../src/automaton/number-positions.js";
import type { Pattern } from "../../src/automaton/pattern.js";
import { positionSimulation } from "../../src/automaton/position-simulation.js";
import { nfaSimulation } from "./oracles/simulate-nfa.js";
import { patternArb, patternInputArb } from "./arbitraries/pattern.js";

/** Where a run starts: its first code unit, its context, and states drawn from the NFA's (by index modulo its size). */
const startArb = fc.record({
  picks: fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
  before: fc.constantFrom(AT_START, AFTER_WORD, AFTER_OTHER),
  stop: fc.nat(12),
});

/** Choices and stars repeated past 32 positions, so the shifts cross words (`*a` then `[ab]` many times, `(a|ab){n}`). */
const repeatedArb: fc.Arbitrary<Pattern> = fc
  .tuple(patternArb, fc.integer({ min: 1, max: 40 }), patternArb, patternArb)
  .map(([item, n, head, tail]): Pattern => ({ type: "seq", items: [head, { type: "repeat", item, min: n, max: n }, tail] }));

/**
 * Whether the pattern's follow sets are past their budgets (`followSets` gives up: nested stars such as
 * `(?:(?:[]*){0,2})+` visit zero-width states without end), the other reason the simulation is not built.
 */
function pastBudgets(nfa: Nfa, classes: CharClasses): boolean {
  const { index, stateOf, words } = numberPositions(nfa);
  return followSets(nfa, nfaOperations(nfa, classes).op, index, stateOf, words, Infinity) === null;
}

describe("positionSimulation (properties)", () => {
  it("answers and stops in the same states as the state-by-state simulation", () => {
    let compared = 0;
    fc.assert(
      // `share` 0 makes every follow pair part of a shift, `Infinity` takes every pair alone: both paths are held.
      fc.property(fc.oneof(patternArb, repeatedArb), patternInputArb, fc.boolean(), startArb, fc.constantFrom(0, 2, Infinity), (pattern, text, search, start, share) => {
        const nfa = buildNfa(pattern, 4096);
        if (nfa === null) return;
        const classes = charClasses(nfa);
        const size = nfa.kind.length;
        const oracle = nfaSimulation(classes, nfaStepper(nfa, classes, search), size, search);
        const positions = positionSimulation(nfa, classes, nfaStepper(nfa, classes, search), search, Infinity, share);
        // Word boundaries make a follow set depend on the next code unit: those patterns keep the Thompson simulation,
        // as do those whose follow sets are past the budgets; every other pattern gets the position simulation.
        if (nfa.words) expect(positions).toBeNull();
        if (positions === null) {
          expect(nfa.words || pastBudgets(nfa, classes)).toBe(true);
          return;
        }
        compared += 1;
        const kernel = Int32Array.from(new Set([nfa.start, ...start.picks.map((p) => p % size)]));
        const input = text.repeat(3);
        const stop = Math.min(input.length, start.stop * 3);
        const expected = oracle.run(input, 0, stop, kernel, kernel.length, start.before);
        const actual = positions.run(input, 0, stop, kernel, kernel.length, start.before);
        expect(actual).toBe(expected);
        if (expected !== null) return;
        const sorted = (states: Int32Array, length: number) => [...states.subarray(0, length)].sort((a, b) => a - b);
        expect(sorted(positions.states, positions.length)).toEqual(sorted(oracle.states, oracle.length));
        expect(positions.before).toBe(oracle.before);
        // A second run from where the first stopped, to the end, as a hand-over back and forth does.
        const rest = oracle.run(input, stop, input.length, oracle.states, oracle.length, oracle.before);
        expect(positions.run(input, stop, input.length, positions.states, positions.length, positions.before)).toBe(rest);
        if (rest === null) expect(positions.acceptsAtEnd()).toBe(oracle.acceptsAtEnd());
      }),
    );
    expect(compared).toBeGreaterThan(50);
  });
});
