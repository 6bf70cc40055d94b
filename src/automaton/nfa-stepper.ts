import * as nfaKinds from "./build-nfa.js";
import type { Nfa } from "./build-nfa.js";
import type { CharClasses } from "./char-classes.js";
import { holdsAssertion } from "./holds-assertion.js";

// Local copies: some module loaders (tsx, vitest) turn every read of an imported binding into a getter call, which
// would be most of the cost of a step.
const { ASSERT, MATCH, SPLIT } = nfaKinds;

/** Bits of a step's result: the kernel's closure reached the match state, or a state that accepts every rest. */
export const MATCHED = 1;
export const ANY_TAIL = 2;

// What a step does at a state: `CHAR` split by how its set is tested (one span of classes, several, or every code
// unit looping straight back before an unconditional match), so the common case reads two numbers and no array.
const OP_SPAN = 0;
const OP_SPANS = 1;
const OP_ANY_TAIL = 2;
const OP_SPLIT = 3;
const OP_ASSERT = 4;
const OP_MATCH = 5;

/**
 * One step of an NFA: follows the zero-width states from `kernel[0..length)` (what was reached before this position),
 * writes into `into` the states reached by reading a code unit of class `cls` (`-1`: none, to test the input's end),
 * and returns `(next length << 2) | MATCHED? | ANY_TAIL?`.
 */
export type NfaStep = (kernel: Int32Array, length: number, before: number, after: number, cls: number, into: Int32Array) => number;

/**
 * Makes the one step both the lazy DFA (to work out a transition it has not cached) and the plain NFA simulation
 * (when the cache does not pay) are built on. It allocates nothing: the scratch arrays are made here, once, and each
 * NFA state is visited at most once per step, so a step costs O(NFA states) at worst. Closures are followed as the
 * step goes rather than precomputed per state: a table of them would take O(states²) memory (`(a*){2000}`), and
 * unions of overlapping closures would visit states more than once. In search mode the start state joins every next
 * kernel, so a match may begin at any position. `into` needs room for every NFA state.
 *
 * @example
 * const step = nfaStepper(nfa, classes, false);
 * const result = step(Int32Array.of(nfa.start), 1, AT_START, BEFORE_OTHER, classes.classOf(0x61), scratch);
 * result >>> 2 // => how many states reading "a" first leads to, now in `scratch`
 */
export function nfaStepper(nfa: Nfa, classes: CharClasses, search: boolean): NfaStep {
  const { out, arg, start } = nfa;
  const { members } = classes;
  const size = out.length;
  const { op, lo, hi } = operations(nfa, classes);
  // Generation marks instead of clearing: `seen` for the closure, `taken` for the next kernel (a state can be both).
  const seen = new Uint32Array(size);
  const taken = new Uint32Array(size);
  const stack = new Int32Array(size);
  let generation = 0;

  return (kernel, length, before, after, cls, into) => {
    generation += 1;
    if (generation === 0xffffffff) {
      seen.fill(0);
      taken.fill(0);
      generation = 1;
    }
    const mark = generation;
    let top = 0;
    let count = 0;
    let flags = 0;
    for (let i = 0; i < length; i += 1) {
      const state = kernel[i] as number;
      if (seen[state] !== mark) {
        seen[state] = mark;
        stack[top++] = state;
      }
    }
    while (top > 0) {
      const state = stack[--top] as number;
      const o = op[state] as number;
      let next = -1;
      if (o <= OP_ANY_TAIL) {
        if (o === OP_ANY_TAIL) flags |= ANY_TAIL;
        const target = out[state] as number;
        const takes = o === OP_SPANS ? inClasses(members[state], cls) : cls >= (lo[state] as number) && cls <= (hi[state] as number);
        if (takes && taken[target] !== mark) {
          taken[target] = mark;
          into[count++] = target;
        }
      } else if (o === OP_SPLIT) {
        next = out[state] as number;
        const other = arg[state] as number;
        if (seen[other] !== mark) {
          seen[other] = mark;
          stack[top++] = other;
        }
      } else if (o === OP_ASSERT) {
        if (holdsAssertion(arg[state] as number, before, after)) next = out[state] as number;
      } else flags |= MATCHED;
      if (next >= 0 && seen[next] !== mark) {
        seen[next] = mark;
        stack[top++] = next;
      }
    }
    if (search && cls >= 0 && taken[start] !== mark) into[count++] = start;
    return (count << 2) | flags;
  };
}

/** Each state's `OP_*`, and for a `CHAR` whose set is one span of classes, that span (`cls` -1 never falls in it). */
function operations(nfa: Nfa, classes: CharClasses): { op: Uint8Array; lo: Int32Array; hi: Int32Array } {
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

function inClasses(pairs: Int32Array | undefined, cls: number): boolean {
  if (pairs === undefined) return false;
  for (let i = 0; i + 1 < pairs.length; i += 2) {
    if (cls >= (pairs[i] as number) && cls <= (pairs[i + 1] as number)) return true;
  }
  return false;
}
