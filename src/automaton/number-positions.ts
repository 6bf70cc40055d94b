import { CHAR, type Nfa } from "./build-nfa.js";

/** An NFA's positions (its `CHAR` states) numbered, both ways, and the 32-position words a bitset of them takes. */
export interface NumberedPositions {
  /** Per state, its position, or −1 for a state that reads nothing. */
  readonly index: Int32Array;
  /** Per position, its state. */
  readonly stateOf: readonly number[];
  readonly words: number;
}

/**
 * Numbers an NFA's positions in the order of their states, so a chain (each state leading to the one below) stays a
 * shift by one.
 *
 * @example
 * numberPositions(nfa).stateOf // => the CHAR states, ascending
 */
export function numberPositions(nfa: Nfa): NumberedPositions {
  const size = nfa.kind.length;
  const index = new Int32Array(size).fill(-1);
  const stateOf: number[] = [];
  for (let s = 0; s < size; s += 1) {
    if (nfa.kind[s] === CHAR) {
      index[s] = stateOf.length;
      stateOf.push(s);
    }
  }
  return { index, stateOf, words: Math.max(1, (stateOf.length + 31) >>> 5) };
}
