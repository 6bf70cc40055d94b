import type { Nfa } from "./build-nfa.js";
import type { CharClasses } from "./char-classes.js";
import { AFTER_OTHER, AFTER_WORD, AT_END, AT_START, BEFORE_OTHER, BEFORE_WORD } from "./holds-assertion.js";
import { ANY_TAIL, MATCHED, type NfaStep } from "./nfa-stepper.js";

/** A table cell for a state from which every rest of the input matches (a full match stops reading there). */
export const ACCEPT_ALL = -2;
/** Table cells (states × classes) one automaton may cache before it starts over; 256 kB of `Int32Array`. */
const CELL_BUDGET = 1 << 16;
/** NFA state ids all cached DFA states may hold together before the cache starts over. */
const KERNEL_BUDGET = 1 << 17;

/**
 * The DFA states one automaton has built so far and the moves between them. A DFA state is the set of NFA states
 * reached before reading a code unit (its kernel, sorted) plus what kind of code unit came before, which is all a
 * `start` or word-boundary test needs; state 0 is where an input starts. `table[state * classes + class]` is
 * `next * 2 + (a match ended before this code unit ? 1 : 0)`, `-1` until worked out, or {@link ACCEPT_ALL}.
 * The cache is capped: when full it starts over (`epoch` counts the restarts), and ids from before mean nothing.
 */
export interface DfaCache {
  /** Replaced when it grows or the cache starts over: read it again after `transition`. */
  table: Int32Array;
  epoch: number;
  /** The state with an empty kernel in a full match (the input cannot match any more), or -1. */
  dead: number;
  readonly kernels: Int32Array[];
  readonly befores: number[];
  /** Works out, caches and returns the move from `from` on a code unit of class `cls`. */
  transition(from: number, cls: number): number;
  /** Whether the input matches when it ends in `state`. */
  acceptsAtEnd(state: number): boolean;
  /** The id of the DFA state for NFA states `states[0..length)` (in any order) after a code unit of context `before`. */
  enter(states: Int32Array, length: number, before: number): number;
}

/**
 * Creates the empty cache of a lazily built DFA; each transition is worked out by one {@link NfaStep} on the kernel.
 *
 * @example
 * const cache = dfaCache(nfa, classes, nfaStepper(nfa, classes, false), false);
 * cache.transition(0, classes.classOf(0x61)) >> 1 // => the DFA state after reading "a" first
 */
export function dfaCache(nfa: Nfa, classes: CharClasses, step: NfaStep, search: boolean): DfaCache {
  const { count, wordClass } = classes;
  const maxCached = Math.max(16, Math.floor(CELL_BUDGET / count));
  const scratch = new Int32Array(nfa.kind.length);
  const ids = new Map<string, number>();
  const endAccepts: number[] = [];
  let kernelTotal = 0;

  // Without assertions of a kind, contexts they alone tell apart are merged, so fewer DFA states are built.
  const normalise = (before: number): number =>
    (before === AT_START && !nfa.edges) || (before === AFTER_WORD && !nfa.words) ? AFTER_OTHER : before;

  const reset = (): void => {
    cache.table = new Int32Array(8 * count).fill(-1);
    ids.clear();
    cache.kernels.length = 0;
    cache.befores.length = 0;
    endAccepts.length = 0;
    kernelTotal = 0;
    cache.dead = -1;
    cache.epoch += 1;
    intern(Int32Array.of(nfa.start), normalise(AT_START));
  };

  const intern = (kernel: Int32Array, before: number): number => {
    // State ids stay below MAX_AUTOMATON_STATES (< 65 536), so each fits one UTF-16 code unit of the key.
    const key = String.fromCharCode(before) + String.fromCharCode.apply(null, kernel as unknown as number[]);
    let known = ids.get(key);
    if (known === undefined && (cache.kernels.length >= maxCached || kernelTotal + kernel.length > KERNEL_BUDGET)) {
      reset();
      known = ids.get(key);
    }
    if (known !== undefined) return known;
    const id = cache.kernels.length;
    if ((id + 1) * count > cache.table.length) {
      const grown = new Int32Array(Math.min(cache.table.length * 2, maxCached * count)).fill(-1);
      grown.set(cache.table);
      cache.table = grown;
    }
    ids.set(key, id);
    cache.kernels.push(kernel);
    cache.befores.push(before);
    endAccepts.push(-1);
    kernelTotal += kernel.length;
    if (kernel.length === 0 && !search) cache.dead = id;
    return id;
  };

  const transition = (from: number, cls: number): number => {
    const word = wordClass[cls] === 1;
    const kernel = cache.kernels[from] as Int32Array;
    const result = step(kernel, kernel.length, cache.befores[from] as number, word ? BEFORE_WORD : BEFORE_OTHER, cls, scratch);
    // Per cell, not per state: whether the tail is reached can depend on the next code unit (word boundaries).
    if (!search && (result & ANY_TAIL) !== 0) {
      cache.table[from * count + cls] = ACCEPT_ALL;
      return ACCEPT_ALL;
    }
    const started = cache.epoch;
    const next = intern(scratch.slice(0, result >>> 2).sort(), normalise(word ? AFTER_WORD : AFTER_OTHER));
    const code = next * 2 + (result & MATCHED);
    if (started === cache.epoch) cache.table[from * count + cls] = code;
    return code;
  };

  const acceptsAtEnd = (state: number): boolean => {
    if (endAccepts[state] === -1) {
      const kernel = cache.kernels[state] as Int32Array;
      endAccepts[state] = step(kernel, kernel.length, cache.befores[state] as number, AT_END, -1, scratch) & MATCHED;
    }
    return endAccepts[state] === 1;
  };

  const enter = (states: Int32Array, length: number, before: number): number =>
    intern(states.slice(0, length).sort(), normalise(before));

  const cache: DfaCache = { table: new Int32Array(0), epoch: -1, dead: -1, kernels: [], befores: [], transition, acceptsAtEnd, enter };
  reset();
  return cache;
}
