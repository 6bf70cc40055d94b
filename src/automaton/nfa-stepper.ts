import type { Nfa } from "./build-nfa.js";
import type { CharClasses } from "./char-classes.js";
import { holdsAssertion } from "./holds-assertion.js";
import * as ops from "./nfa-operations.js";

// Local copies: some module loaders (tsx, vitest) turn every read of an imported binding into a getter call, which
// would be most of the cost of a step.
const { OP_ANY_TAIL, OP_ASSERT, OP_SPANS, OP_SPLIT, inClasses, nfaOperations } = ops;

/** Bits of a step's result: the kernel's closure reached the match state, or a state that accepts every rest. */
export const MATCHED = 1;
export const ANY_TAIL = 2;

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
  const { op, lo, hi } = nfaOperations(nfa, classes);
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
