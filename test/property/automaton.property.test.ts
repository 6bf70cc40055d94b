import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileAutomaton } from "../../src/automaton/compile-automaton.js";
import { patternWithInputsArb, regexSource } from "./arbitraries/pattern.js";

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
});
