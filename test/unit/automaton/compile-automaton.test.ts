import { describe, expect, it } from "vitest";
import { compileAutomaton, MAX_AUTOMATON_STATES } from "../../../src/automaton/compile-automaton.js";
import type { Pattern } from "../../../src/automaton/pattern.js";

const ch = (c: string): Pattern => ({ type: "chars", ranges: [c.charCodeAt(0), c.charCodeAt(0)] });
const lit = (s: string): Pattern => ({ type: "seq", items: [...s].map(ch) });
const any: Pattern = { type: "chars", ranges: [0, 0xffff] };
const star = (item: Pattern): Pattern => ({ type: "repeat", item, min: 0, max: Infinity });
const plus = (item: Pattern): Pattern => ({ type: "repeat", item, min: 1, max: Infinity });
const seq = (...items: Pattern[]): Pattern => ({ type: "seq", items });
const alt = (...items: Pattern[]): Pattern => ({ type: "alt", items });
const word: Pattern = { type: "assert", kind: "word" };

describe("compileAutomaton", () => {
  it("matches the whole input by default", () => {
    const matches = compileAutomaton(seq(lit("ab"), star(ch("c"))));
    expect(matches?.("abccc")).toBe(true);
    expect(matches?.("ab")).toBe(true);
    expect(matches?.("xabc")).toBe(false);
    expect(matches?.("abcx")).toBe(false);
  });

  it("finds a match anywhere in search mode, and pins it with start and end", () => {
    expect(compileAutomaton(lit("ab"), { search: true })?.("xxabyy")).toBe(true);
    expect(compileAutomaton(lit("ab"), { search: true })?.("xxayby")).toBe(false);
    const pinned = compileAutomaton(seq({ type: "assert", kind: "start" }, lit("ab")), { search: true });
    expect(pinned?.("abyy")).toBe(true);
    expect(pinned?.("xab")).toBe(false);
    const atEnd = compileAutomaton(seq(lit("ab"), { type: "assert", kind: "end" }), { search: true });
    expect(atEnd?.("xab")).toBe(true);
    expect(atEnd?.("abx")).toBe(false);
  });

  it("tests word boundaries as \\b does, at the input's edges too", () => {
    const whole = compileAutomaton(seq(word, lit("cat"), word), { search: true });
    expect(whole?.("cat")).toBe(true);
    expect(whole?.("a cat!")).toBe(true);
    expect(whole?.("concat")).toBe(false);
    expect(whole?.("cats")).toBe(false);
  });

  it("matches the empty input only when the pattern allows it", () => {
    expect(compileAutomaton(star(ch("a")))?.("")).toBe(true);
    expect(compileAutomaton(ch("a"))?.("")).toBe(false);
    expect(compileAutomaton(alt())?.("")).toBe(false);
    expect(compileAutomaton(seq())?.("")).toBe(true);
  });

  it("reads non-ASCII code units, including lone surrogates, against their ranges", () => {
    const matches = compileAutomaton(plus({ type: "chars", ranges: [0xd800, 0xdfff] }));
    expect(matches?.("\ud83d\ude00")).toBe(true);
    expect(matches?.("\ud83da")).toBe(false);
  });

  it("returns null when counted repetition would build more than MAX_AUTOMATON_STATES states", () => {
    const hundred = (item: Pattern): Pattern => ({ type: "repeat", item, min: 100, max: 100 });
    expect(compileAutomaton(hundred(hundred(ch("a"))))).toBeNull();
    expect(compileAutomaton({ type: "repeat", item: ch("a"), min: 0, max: 1e12 })).toBeNull();
    expect(compileAutomaton({ type: "repeat", item: ch("a"), min: MAX_AUTOMATON_STATES - 1, max: MAX_AUTOMATON_STATES - 1 })).not.toBeNull();
  });

  it("keeps answering correctly when a pattern has more DFA states than its cache holds", () => {
    // 300 distinct characters make 300 classes, so the cache holds few states; `x*ax{8}` needs 2^9 of them.
    const x: Pattern = { type: "chars", ranges: Array.from({ length: 300 }, (_, i) => [0x100 + 2 * i, 0x100 + 2 * i]).flat() };
    const pattern = seq(star(alt(x, ch("a"))), ch("a"), { type: "repeat", item: alt(x, ch("a")), min: 8, max: 8 });
    const oracle = /^(?:[\u0100-\u0357]|a)*a(?:[\u0100-\u0357]|a){8}$/;
    const matches = compileAutomaton(pattern);
    let seed = 7;
    for (let n = 0; n < 300; n += 1) {
      let text = "";
      for (let i = 0; i < 40; i += 1) {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        text += seed % 3 === 0 ? "a" : String.fromCharCode(0x100 + 2 * (seed % 300));
      }
      expect(matches?.(text), text).toBe(oracle.test(text));
    }
  });

  it("matches past a literal prefix longer than its DFA cache", () => {
    const prefix = Array.from({ length: 400 }, (_, i) => String.fromCharCode(0x100 + 2 * i)).join("");
    const matches = compileAutomaton(seq(lit(prefix), star(ch("a")), ch("b")));
    for (let round = 0; round < 3; round += 1) {
      expect(matches?.(`${prefix}aab`)).toBe(true);
      expect(matches?.(`${prefix}b`)).toBe(true);
      expect(matches?.(`${prefix}aa`)).toBe(false);
      expect(matches?.(`${prefix.slice(1)}ab`)).toBe(false);
    }
  });

  it.each([
    ["(a|a)*", star(alt(ch("a"), ch("a"))), "a".repeat(8192), "a".repeat(8191) + "!"],
    ["(a|aa)+", plus(alt(ch("a"), lit("aa"))), "a".repeat(8192), "a".repeat(8191) + "!"],
    ["a*a*a*b", seq(star(ch("a")), star(ch("a")), star(ch("a")), ch("b")), "a".repeat(8191) + "b", "a".repeat(8192)],
    [".*.*=.*x", seq(star(any), star(any), ch("="), star(any), ch("x")), "=".repeat(8191) + "x", "=".repeat(8192)],
  ])("decides %s on attack inputs of 8 192 characters in one pass", (_, pattern, yes, no) => {
    const matches = compileAutomaton(pattern);
    expect(matches?.(yes)).toBe(true);
    expect(matches?.(no)).toBe(false);
  });
});

describe("compileAutomaton building on first use", () => {
  const literal = (text: string): Pattern => ({
    type: "seq",
    items: [...text].map((c) => ({ type: "chars", ranges: [c.charCodeAt(0), c.charCodeAt(0)] }) as Pattern),
  });

  it("asks for the pattern again only when an input gets past the literal prefix, and only once", () => {
    let rebuilt = 0;
    const pattern = literal("host1/");
    const matches = compileAutomaton(pattern, {
      rebuild: () => {
        rebuilt += 1;
        return pattern;
      },
    });
    expect(matches?.("host2/")).toBe(false);
    expect(rebuilt).toBe(0);
    expect(matches?.("host1/")).toBe(true);
    expect(matches?.("host1/x")).toBe(false);
    expect(rebuilt).toBe(1);
  });

  it("still refuses at once a pattern too large, before anything is built", () => {
    const big: Pattern = { type: "repeat", item: literal("ab"), min: 3000, max: 3000 };
    expect(compileAutomaton(big, { rebuild: () => big })).toBeNull();
  });
});
