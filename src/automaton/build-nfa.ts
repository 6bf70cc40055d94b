import type { Pattern } from "./pattern.js";
import { assertNever } from "../lib/assert-never.js";

/** What an NFA state does; `CHAR` consumes one code unit, the others are zero-width. */
export const CHAR = 0;
export const SPLIT = 1;
export const ASSERT = 2;
export const MATCH = 3;

/** Assertion kinds as stored in `Nfa.arg`. */
export const START = 0;
export const END = 1;
export const WORD = 2;
export const NOT_WORD = 3;

const ASSERT_CODES = { start: START, end: END, word: WORD, notWord: NOT_WORD } as const;

/**
 * A Thompson NFA over UTF-16 code units, as flat arrays indexed by state. `out` is the next state (`SPLIT`: the first
 * branch); `arg` is a `SPLIT`'s second branch or an `ASSERT`'s kind; `ranges[state]` is a `CHAR`'s character set.
 */
export interface Nfa {
  readonly kind: Uint8Array;
  readonly out: Int32Array;
  readonly arg: Int32Array;
  readonly ranges: readonly (readonly number[] | undefined)[];
  readonly start: number;
  /** Whether any `start`/`end` assertion occurs, and whether any `word`/`notWord` one does. */
  readonly edges: boolean;
  readonly words: boolean;
}

/**
 * Builds the NFA of a pattern, or returns `null` when it would have more than `maxStates` states. Counted repetition
 * copies its item, so the size is worked out on the pattern first: `(a{1000}){1000}` is refused without building
 * a million states.
 *
 * @example
 * buildNfa({ type: "chars", ranges: [0x61, 0x61] }, 100)?.kind.length // => 2 (the character and the match)
 */
export function buildNfa(pattern: Pattern, maxStates: number): Nfa | null {
  if (stateCount(pattern, maxStates) + 1 > maxStates) return null;
  const kind: number[] = [];
  const out: number[] = [];
  const arg: number[] = [];
  const ranges: (readonly number[] | undefined)[] = [];
  const flags = { edges: false, words: false };
  const add = (k: number, next: number, extra: number, set?: readonly number[]): number => {
    kind.push(k);
    out.push(next);
    arg.push(extra);
    ranges.push(set);
    return kind.length - 1;
  };
  // Built back to front: each piece is compiled knowing the state that follows it, so nothing is patched later.
  const build = (p: Pattern, next: number): number => {
    switch (p.type) {
      case "chars":
        return add(CHAR, next, 0, p.ranges);
      case "seq":
        return p.items.reduceRight((follow, item) => build(item, follow), next);
      case "alt":
        return buildAlt(p.items, next);
      case "repeat":
        return buildRepeat(p.item, p.min, p.max, next);
      case "assert":
        if (p.kind === "start" || p.kind === "end") flags.edges = true;
        else flags.words = true;
        return add(ASSERT, next, ASSERT_CODES[p.kind]);
      default:
        return assertNever(p, "pattern");
    }
  };
  const buildAlt = (items: readonly Pattern[], next: number): number => {
    const last = items.at(-1);
    if (last === undefined) return add(CHAR, next, 0, []);
    let entry = build(last, next);
    for (let i = items.length - 2; i >= 0; i -= 1) entry = add(SPLIT, build(items[i] as Pattern, next), entry);
    return entry;
  };
  const buildRepeat = (item: Pattern, min: number, max: number, next: number): number => {
    if (!(min <= max)) return add(CHAR, next, 0, []);
    let entry = next;
    if (max === Infinity) {
      const loop = add(SPLIT, -1, next);
      out[loop] = build(item, loop);
      entry = loop;
    } else {
      for (let i = min; i < max; i += 1) entry = add(SPLIT, build(item, entry), next);
    }
    for (let i = 0; i < min; i += 1) entry = build(item, entry);
    return entry;
  };
  const match = add(MATCH, -1, 0);
  const start = build(pattern, match);
  return {
    kind: Uint8Array.from(kind),
    out: Int32Array.from(out),
    arg: Int32Array.from(arg),
    ranges,
    start,
    edges: flags.edges,
    words: flags.words,
  };
}

/** The number of states `build` makes for a pattern, or a number above `cap` as soon as it is known to exceed it. */
export function stateCount(p: Pattern, cap: number): number {
  switch (p.type) {
    case "chars":
    case "assert":
      return 1;
    case "seq":
    case "alt": {
      let total = p.type === "alt" ? Math.max(p.items.length - 1, 1) : 0;
      for (const item of p.items) {
        total += stateCount(item, cap);
        if (total > cap) return total;
      }
      return total;
    }
    case "repeat": {
      if (!(p.min <= p.max)) return 1;
      const copies = p.max === Infinity ? p.min + 1 : p.max;
      const splits = p.max === Infinity ? 1 : p.max - p.min;
      if (copies === 0) return 0;
      if (copies > cap) return cap + 1;
      return stateCount(p.item, cap) * copies + splits;
    }
    default:
      return assertNever(p, "pattern");
  }
}
