import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildNfa } from "../../src/automaton/build-nfa.js";
import { charClasses } from "../../src/automaton/char-classes.js";
import { compileAutomaton } from "../../src/automaton/compile-automaton.js";
import { type HandOver, lazyDfa } from "../../src/automaton/lazy-dfa.js";
import { literalPrefix } from "../../src/automaton/literal-prefix.js";
import type { Pattern } from "../../src/automaton/pattern.js";
import { patternWithInputsArb, regexSource } from "./arbitraries/pattern.js";

/** Hand-overs from the lazy DFA to the NFA simulation: at the first new state, back after `stretch` code units. */
const handOverArb: fc.Arbitrary<HandOver> = fc.record({
  floor: fc.constantFrom(-1, 0, 2),
  shift: fc.constantFrom(0, 2, 30),
  stretch: fc.constantFrom(1, 2, 5, Infinity),
});

function withHandOver(pattern: Pattern, search: boolean, handOver: HandOver): (input: string) => boolean {
  const nfa = buildNfa(pattern, 4096);
  if (nfa === null) throw new Error("pattern too large");
  return lazyDfa(nfa, charClasses(nfa), search, search ? "" : literalPrefix(pattern), handOver);
}

describe("compileAutomaton (properties)", () => {
  it("matches a whole input exactly when the equivalent anchored RegExp does", () => {
    fc.assert(
      fc.property(patternWithInputsArb, ([pattern, texts]) => {
        const matches = compileAutomaton(pattern);
        expect(matches).not.toBeNull();
        const oracle = new RegExp(`^(?:${regexSource(pattern)})$`);
        for (const text of texts) expect(matches?.(text), `${oracle.source} on ${JSON.stringify(text)}`).toBe(oracle.test(text));
      }),
    );
  });

  it("finds a match in some substring exactly when the equivalent unanchored RegExp does", () => {
    fc.assert(
      fc.property(patternWithInputsArb, ([pattern, texts]) => {
        const matches = compileAutomaton(pattern, { search: true });
        const oracle = new RegExp(regexSource(pattern));
        for (const text of texts) expect(matches?.(text), `${oracle.source} on ${JSON.stringify(text)}`).toBe(oracle.test(text));
      }),
    );
  });

  it("answers as the RegExp when it is handed its whole DFA, built before the first call (match-work.ts)", () => {
    // An input length this large puts every pattern over the simulation's budget, so each one whose DFA is small
    // enough runs on the complete DFA: no move is ever worked out during a call.
    fc.assert(
      fc.property(patternWithInputsArb, fc.boolean(), ([pattern, texts], search) => {
        const matches = compileAutomaton(pattern, { search, inputLength: 1e9 });
        const oracle = new RegExp(search ? regexSource(pattern) : `^(?:${regexSource(pattern)})$`);
        for (const text of texts) expect(matches?.(text), `${oracle.source} on ${JSON.stringify(text)}`).toBe(oracle.test(text));
      }),
    );
  });

  it("answers the same when an input is asked again, whatever came between (the DFA cache changes no answer)", () => {
    fc.assert(
      fc.property(patternWithInputsArb, fc.boolean(), ([pattern, texts], search) => {
        const matches = compileAutomaton(pattern, { search });
        const first = texts.map((text) => matches?.(text));
        const again = [...texts].reverse().map((text) => matches?.(text)).reverse();
        expect(again).toEqual(first);
      }),
    );
  });

  it("answers the same when calls are handed over to the NFA simulation as when they stay on the DFA", () => {
    fc.assert(
      fc.property(patternWithInputsArb, fc.boolean(), handOverArb, ([pattern, texts], search, handOver) => {
        const dfa = compileAutomaton(pattern, { search });
        const handedOver = withHandOver(pattern, search, handOver);
        const oracle = new RegExp(search ? regexSource(pattern) : `^(?:${regexSource(pattern)})$`);
        for (const text of texts) {
          expect(handedOver(text), `${oracle.source} on ${JSON.stringify(text)}`).toBe(oracle.test(text));
          // Longer inputs cross several hand-overs; the native oracle could backtrack for ever on them, the DFA not.
          const long = text.repeat(8);
          expect(handedOver(long), `${oracle.source} on ${JSON.stringify(long)}`).toBe(dfa?.(long));
        }
      }),
    );
  });
});
