import { describe, expect, it } from "vitest";
import { compileAutomaton } from "../../../src/automaton/compile-automaton.js";
import { nonEmpty, nullable, zeroWidth } from "../../../src/automaton/non-empty.js";
import type { Pattern } from "../../../src/automaton/pattern.js";

const a: Pattern = { type: "chars", ranges: [0x61, 0x61] };
const start: Pattern = { type: "assert", kind: "start" };
const end: Pattern = { type: "assert", kind: "end" };
const matcher = (pattern: Pattern): ((input: string) => boolean) => compileAutomaton(pattern) as (input: string) => boolean;

describe("nonEmpty", () => {
  it("drops the empty match of an optional part and keeps the rest", () => {
    const optional: Pattern = { type: "repeat", item: a, min: 0, max: 1 };
    expect(nonEmpty(optional)).toEqual(a);
    expect(matcher(nonEmpty({ type: "seq", items: [optional, optional] }))("")).toBe(false);
    expect(matcher(nonEmpty({ type: "seq", items: [optional, optional] }))("aa")).toBe(true);
  });

  it("keeps a round that read nothing where its assertion was needed to make up the count", () => {
    // (^|a){2} on "a": the first round reads nothing at the start, the second reads "a".
    const rounds: Pattern = { type: "repeat", item: { type: "alt", items: [start, a] }, min: 2, max: 2 };
    expect(matcher(rounds)("a")).toBe(true);
    expect(matcher(nonEmpty(rounds))("a")).toBe(true);
    expect(matcher(nonEmpty(rounds))("")).toBe(false);
  });

  it("keeps the assertions of a first part that reads nothing", () => {
    // $a never matches; neither may its non-empty part.
    expect(matcher(nonEmpty({ type: "seq", items: [end, a] }))("a")).toBe(false);
    expect(zeroWidth({ type: "seq", items: [end, { type: "repeat", item: a, min: 0, max: 3 }] })).toEqual(end);
    expect(nullable(a)).toBe(false);
    expect(nullable({ type: "seq", items: [end, start] })).toBe(true);
  });
});
