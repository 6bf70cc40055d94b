import * as nfaKinds from "./build-nfa.js";
import type { Nfa } from "./build-nfa.js";
import * as contexts from "./holds-assertion.js";

// Local copies: an imported binding may be read through a getter (tsx, vitest).
const { CHAR, MATCH, SPLIT, START } = nfaKinds;
const { AT_START } = contexts;

/** The closure of a position automaton: see {@link positionClosure}. */
export type PositionClosure = (kernel: Int32Array, length: number, before: number, into: Int32Array) => boolean;

/**
 * Makes the closure of an NFA without word assertions, over its positions (`CHAR` states, numbered by `index`): from
 * the states `kernel[0..length)`, every path of zero-width states, with `before` the context before the code unit
 * about to be read (a `start` assertion holds only at the input's start; an `end` one never, since a code unit
 * follows). Sets in `into` the positions reached (or pushes them on `list` when given), counts the states visited in
 * `visits`, and returns whether the match state was reached.
 *
 * @example
 * const closure = positionClosure(nfa, index, { count: 0 });
 * closure(Int32Array.of(nfa.start), 1, AT_START, bits) // => whether the empty input matches; `bits` holds the first positions
 */
export function positionClosure(nfa: Nfa, index: Int32Array, visits: { count: number }, list?: number[]): PositionClosure {
  const { kind, out, arg } = nfa;
  const size = kind.length;
  const seen = new Uint32Array(size);
  const stack = new Int32Array(size);
  let generation = 0;
  return (kernel, length, before, into) => {
    generation += 1;
    const mark = generation;
    let top = 0;
    let matched = false;
    for (let i = 0; i < length; i += 1) {
      const s = kernel[i] as number;
      if (seen[s] !== mark) {
        seen[s] = mark;
        stack[top++] = s;
      }
    }
    while (top > 0) {
      const s = stack[--top] as number;
      visits.count += 1;
      const k = kind[s];
      let a = -1;
      let b = -1;
      if (k === CHAR) {
        const p = index[s] as number;
        if (list === undefined) into[p >>> 5] = (into[p >>> 5] as number) | (1 << (p & 31));
        else list.push(p);
      } else if (k === MATCH) matched = true;
      else if (k === SPLIT) {
        a = out[s] as number;
        b = arg[s] as number;
      } else if (arg[s] === START && before === AT_START) a = out[s] as number;
      for (let t = a; t >= 0; t = b, b = -1) {
        if (seen[t] !== mark) {
          seen[t] = mark;
          stack[top++] = t;
        }
      }
    }
    return matched;
  };
}
