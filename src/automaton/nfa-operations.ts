import * as nfaKinds from "./build-nfa.js";
import type { Nfa } from "./build-nfa.js";
import type { CharClasses } from "./char-classes.js";

// Local copies: an imported binding may be read through a getter (tsx, vitest).
const { ASSERT, MATCH, SPLIT } = nfaKinds;

// What a step does at a state: `CHAR` split by how its set is tested (one span of classes, several, or every code
// unit looping straight back before an unconditional match), so the common case reads two numbers and no array.
export const OP_SPAN = 0;
export const OP_SPANS = 1;
export const OP_ANY_TAIL = 2;
export const OP_SPLIT = 3;
export const OP_ASSERT = 4;
export const OP_MATCH = 5;

/** What each state of an NFA does, as the steppers read it. */
export interface NfaOperations {
  /** Each state's `OP_*`. */
  readonly op: Uint8Array;
  /** For a `CHAR` whose set is one span of classes (`OP_SPAN`, `OP_ANY_TAIL`), that span (`cls` -1 never falls in it). */
  readonly lo: Int32Array;
  readonly hi: Int32Array;
}

/**
 * Sorts an NFA's states by what a step does with them, once per automaton.
 *
 * @example
 * nfaOperations(nfa, charClasses(nfa)).op[nfa.start] // => OP_SPAN for a pattern starting with one character
 */
export function nfaOperations(nfa: Nfa, classes: CharClasses): NfaOperations {
  const { kind, out, arg } = nfa;
  const size = kind.length;
  const op = new Uint8Array(size);
  const lo = new Int32Array(size);
  const hi = new Int32Array(size);
  for (let state = 0; state < size; state += 1) {
    const k = kind[state];
    const pairs = classes.members[state];
    if (k === SPLIT) op[state] = OP_SPLIT;
    else if (k === ASSERT) op[state] = OP_ASSERT;
    else if (k === MATCH) op[state] = OP_MATCH;
    else if (pairs === undefined || pairs.length !== 2) op[state] = OP_SPANS;
    else {
      const loop = out[state] as number;
      const isAny = pairs[0] === 0 && pairs[1] === classes.count - 1;
      const loopsToMatch = kind[loop] === SPLIT && out[loop] === state && kind[arg[loop] as number] === MATCH;
      op[state] = isAny && loopsToMatch ? OP_ANY_TAIL : OP_SPAN;
      lo[state] = pairs[0] as number;
      hi[state] = pairs[1] as number;
    }
  }
  return { op, lo, hi };
}

/**
 * Whether class `cls` is in a `CHAR` state's class pairs (`CharClasses.members`).
 *
 * @example
 * inClasses(Int32Array.of(2, 4), 3) // => true
 */
export function inClasses(pairs: Int32Array | undefined, cls: number): boolean {
  if (pairs === undefined) return false;
  for (let i = 0; i + 1 < pairs.length; i += 2) {
    if (cls >= (pairs[i] as number) && cls <= (pairs[i + 1] as number)) return true;
  }
  return false;
}
