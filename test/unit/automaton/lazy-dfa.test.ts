import { describe, expect, it } from "vitest";
import { buildNfa } from "../../../src/automaton/build-nfa.js";
import { charClasses } from "../../../src/automaton/char-classes.js";
import { type HandOver, lazyDfa } from "../../../src/automaton/lazy-dfa.js";
import { literalPrefix } from "../../../src/automaton/literal-prefix.js";
import type { Pattern } from "../../../src/automaton/pattern.js";

const ch = (c: string): Pattern => ({ type: "chars", ranges: [c.charCodeAt(0), c.charCodeAt(0)] });
const ab: Pattern = { type: "chars", ranges: [0x61, 0x62] };
const seq = (...items: Pattern[]): Pattern => ({ type: "seq", items });
const times = (item: Pattern, n: number): Pattern => ({ type: "repeat", item, min: n, max: n });
const star = (item: Pattern): Pattern => ({ type: "repeat", item, min: 0, max: Infinity });
const any: Pattern = { type: "chars", ranges: [0, 0xffff] };

/** Leaves the DFA at its first new state and comes back after every code unit: the most hand-overs a call can make. */
const EVERY_CODE_UNIT: HandOver = { floor: -1, shift: 30, stretch: 1 };
/** Leaves the DFA at its first new state and simulates the rest of the input. */
const REST_OF_INPUT: HandOver = { floor: -1, shift: 30, stretch: Infinity };
/** Never leaves the DFA. */
const NEVER: HandOver = { floor: Infinity, shift: 0, stretch: 1 };

function matcher(pattern: Pattern, search: boolean, handOver?: HandOver): (input: string) => boolean {
  const nfa = buildNfa(pattern, 4096);
  if (nfa === null) throw new Error("pattern too large");
  return lazyDfa(nfa, charClasses(nfa), search, search ? "" : literalPrefix(pattern), handOver);
}

/** Seeded a/b strings of `length`, different for each `seed`. */
function abText(seed: number, length: number): string {
  let state = seed;
  let text = "";
  for (let i = 0; i < length; i += 1) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    text += state & 0x10000 ? "a" : "b";
  }
  return text;
}

describe("lazyDfa", () => {
  // `a` then 12 of [ab] before the end: 2^13 DFA states, so a fresh random input meets a new one at every position.
  const exponential = seq(star(ab), ch("a"), times(ab, 12));
  const oracle = /^[ab]*a[ab]{12}$/;

  it.each([
    ["the default hand-over", undefined],
    ["a hand-over at every code unit", EVERY_CODE_UNIT],
    ["a hand-over for the rest of the input", REST_OF_INPUT],
    ["no hand-over", NEVER],
  ])("answers as the RegExp on inputs with a new DFA state at every position, with %s", (_, handOver) => {
    const matches = matcher(exponential, false, handOver);
    for (let seed = 1; seed <= 60; seed += 1) {
      const text = abText(seed, 40 + seed * 17);
      expect(matches(text), text).toBe(oracle.test(text));
    }
  });

  it("finds a match that ends deep inside a handed-over stretch, in search mode", () => {
    const matches = matcher(seq(ch("a"), times(ab, 12), ch("c")), true, { floor: 2, shift: 30, stretch: 64 });
    for (let seed = 1; seed <= 20; seed += 1) {
      const head = abText(seed, 1000);
      expect(matches(`${head}c${head}`)).toBe(/a[ab]{12}c/.test(`${head}c`));
      expect(matches(`${head}a${"b".repeat(12)}c${head}`)).toBe(true);
      expect(matches(head)).toBe(false);
    }
  });

  it("stops reading at a trailing any-text loop even when it reaches it in a handed-over stretch", () => {
    const matches = matcher(seq(star(ab), ch("a"), times(ab, 12), ch("/"), star(any)), false, REST_OF_INPUT);
    expect(matches(`${abText(3, 500)}a${"b".repeat(12)}/anything at all`)).toBe(true);
    expect(matches(`${abText(3, 500)}c${"b".repeat(12)}/anything`)).toBe(false);
  });

  it("tests word boundaries and the input's edges across hand-overs", () => {
    const word: Pattern = { type: "assert", kind: "word" };
    const notWord: Pattern = { type: "assert", kind: "notWord" };
    const cases = [
      [seq(word, ch("a"), times(ab, 3), word), /\ba[ab]{3}\b/],
      [seq(notWord, ch("a"), times(ab, 2), notWord), /\Ba[ab]{2}\B/],
      [seq({ type: "assert", kind: "start" }, star(ab), ch("a"), ab, { type: "assert", kind: "end" }), /^[ab]*a[ab]$/],
    ] as const;
    const texts = ["xx abab yy", "xxababb yy", "abab", "ababa", "xabab", "xababx", "x abab", "abab x", "bbbab", "bbbabb", "-abb-", "xabbx", "xxabab", "xxxabab", "xxxxabab"];
    for (const [pattern, oracle] of cases) {
      for (const handOver of [EVERY_CODE_UNIT, { floor: -1, shift: 30, stretch: 2 }, REST_OF_INPUT]) {
        // A fresh matcher per text: with nothing cached, every position is a miss, so the hand-overs fall everywhere.
        for (const text of texts) expect(matcher(pattern, true, handOver)(text), `${oracle.source} on ${text}`).toBe(oracle.test(text));
      }
    }
  });

  it("keeps its answers when the DFA cache starts over during a handed-over call", () => {
    // 300 classes leave room for about 200 cached states; these inputs need thousands.
    const wide: Pattern = { type: "chars", ranges: Array.from({ length: 300 }, (_, i) => [0x100 + 2 * i, 0x100 + 2 * i]).flat() };
    const x = { type: "alt", items: [wide, ch("a")] } satisfies Pattern;
    const matches = matcher(seq(star(x), ch("a"), times(x, 8)), false, { floor: 4, shift: 2, stretch: 8 });
    const wideOracle = /^(?:[\u0100-\u0357]|a)*a(?:[\u0100-\u0357]|a){8}$/;
    let seed = 11;
    for (let n = 0; n < 200; n += 1) {
      let text = "";
      for (let i = 0; i < 60; i += 1) {
        seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
        text += seed % 3 === 0 ? "a" : String.fromCharCode(0x100 + 2 * ((seed >>> 8) % 300));
      }
      expect(matches(text), text).toBe(wideOracle.test(text));
    }
  });
});
