import type { Nfa } from "./build-nfa.js";
import * as contexts from "./holds-assertion.js";
import * as ops from "./nfa-operations.js";
import { positionClosure } from "./position-closure.js";

// Local copies: an imported binding may be read through a getter (tsx, vitest).
const { AFTER_OTHER } = contexts;
const { OP_ANY_TAIL } = ops;

/** Follow pairs (position → position) one automaton may hold; past it the pattern keeps the Thompson simulation. */
const PAIR_BUDGET = 1 << 16;
/** Zero-width states visited while working the follow sets out; past it, the same. */
const VISIT_BUDGET = 1 << 20;
/**
 * Pairs per word an offset needs to become a shift: a shift reads and writes every word its sources span, a pair
 * taken alone costs about what two words shifted cost.
 */
export const SHARE = 2;

/**
 * The follow sets of an NFA's positions (its `CHAR` states), as bit-parallel shifts: `offsets[k]` moves every
 * position of `masks[k]` (words `from[k]..to[k]`) by that many places; `extra` lists the rest pair by pair, per
 * source, as `extra.slice(extraStart[p], extraStart[p + 1])`.
 */
export interface Follow {
  readonly offsets: Int32Array;
  readonly masks: Int32Array[];
  readonly from: Int32Array;
  readonly to: Int32Array;
  readonly irregular: Int32Array;
  readonly extraStart: Int32Array;
  readonly extra: Int32Array;
  /** Positions after which a match ends (not at the input's end), and those that accept every rest. */
  readonly final: Int32Array;
  readonly tails: Int32Array;
  /** What a code unit costs with every position active, in the units of `handOverSimulation`'s estimate. */
  readonly cost: number;
}

/**
 * Works out the follow sets of an NFA's positions (the positions reached right after each one, every zero-width path
 * taken) and splits them into shifts, one per offset shared by `share` pairs per word it spans or more, and pairs
 * taken alone. Returns `null` past the budgets (patterns whose follow sets grow quadratically, `(?:a?){2000}`).
 *
 * @example
 * followSets(nfa, nfaOperations(nfa, classes).op, index, stateOf, words, SHARE)?.offsets // => Int32Array [-1] for a chain
 */
export function followSets(nfa: Nfa, op: Uint8Array, index: Int32Array, stateOf: readonly number[], words: number, share: number): Follow | null {
  const positions = stateOf.length;
  const visits = { count: 0 };
  const found: number[] = [];
  const closure = positionClosure(nfa, index, visits, found);
  const final = new Int32Array(words);
  const tails: number[] = [];
  const sets: Int32Array[] = [];
  const from = new Int32Array(1);
  let pairs = 0;
  for (let p = 0; p < positions; p += 1) {
    const s = stateOf[p] as number;
    if (op[s] === OP_ANY_TAIL) tails.push(p);
    found.length = 0;
    from[0] = nfa.out[s] as number;
    if (closure(from, 1, AFTER_OTHER, final)) final[p >>> 5] = (final[p >>> 5] as number) | (1 << (p & 31));
    pairs += found.length;
    if (pairs > PAIR_BUDGET || visits.count > VISIT_BUDGET) return null;
    sets.push(Int32Array.from(found));
  }
  // Pairs per offset (target − source), and the words their sources span.
  const byOffset = new Map<number, { count: number; from: number; to: number }>();
  for (let p = 0; p < positions; p += 1) {
    const targets = sets[p] as Int32Array;
    for (let k = 0; k < targets.length; k += 1) {
      const d = (targets[k] as number) - p;
      const entry = byOffset.get(d);
      if (entry === undefined) byOffset.set(d, { count: 1, from: p >>> 5, to: p >>> 5 });
      else {
        entry.count += 1;
        entry.to = p >>> 5;
      }
    }
  }
  const chosen = [...byOffset].filter(([, e]) => e.count >= share * (e.to - e.from + 1)).sort((x, y) => y[1].count - x[1].count);
  const offsetSet = new Set(chosen.map(([d]) => d));
  const masks = chosen.map(() => new Int32Array(words));
  const slot = new Map(chosen.map(([d], k) => [d, k]));
  const irregular = new Int32Array(words);
  const extraStart = new Int32Array(positions + 1);
  const extra: number[] = [];
  let cost = 3 * words;
  for (const [, e] of chosen) cost += 4 + 2 * (e.to - e.from + 1);
  for (let p = 0; p < positions; p += 1) {
    extraStart[p] = extra.length;
    const targets = sets[p] as Int32Array;
    for (let k = 0; k < targets.length; k += 1) {
      const q = targets[k] as number;
      const d = q - p;
      if (offsetSet.has(d)) {
        const mask = masks[slot.get(d) as number] as Int32Array;
        mask[p >>> 5] = (mask[p >>> 5] as number) | (1 << (p & 31));
      } else {
        extra.push(q);
        irregular[p >>> 5] = (irregular[p >>> 5] as number) | (1 << (p & 31));
        cost += 2;
      }
    }
  }
  extraStart[positions] = extra.length;
  return {
    offsets: Int32Array.from(chosen, ([d]) => d),
    masks,
    from: Int32Array.from(chosen, ([, e]) => e.from),
    to: Int32Array.from(chosen, ([, e]) => e.to),
    irregular,
    extraStart,
    extra: Int32Array.from(extra),
    final,
    tails: Int32Array.from(tails),
    cost,
  };
}
