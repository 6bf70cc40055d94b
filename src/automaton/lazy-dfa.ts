import type { Nfa } from "./build-nfa.js";
import type { CharClasses } from "./char-classes.js";
import * as cached from "./dfa-cache.js";
import type { DfaCache } from "./dfa-cache.js";
import { handOverSimulation } from "./hand-over-simulation.js";
import type { NfaSimulation } from "./nfa-simulation.js";
import { nfaStepper } from "./nfa-stepper.js";

// A local copy: an imported binding may be read through a getter (tsx, vitest).
const { ACCEPT_ALL } = cached;
/** What `walk` returns when the input cannot match, whatever follows. */
const REJECT = -1;
/**
 * When a call leaves the DFA for a plain NFA simulation. It may build `floor` new DFA states, and one more per
 * `1 << shift` code units read: a new state costs several simulation steps, so a call never spends much more building
 * states than simulating would have cost, while an ordinary call, which meets few new states, runs on the table
 * alone. Past that it simulates `stretch` code units at a time, then enters the DFA state it has reached, in case
 * the DFA knows the way on from there.
 */
export interface HandOver {
  readonly floor: number;
  readonly shift: number;
  readonly stretch: number;
}

const HAND_OVER: HandOver = { floor: 32, shift: 4, stretch: 256 };

/**
 * How far a call that found the DFA not paying raises the automaton's `thrash` score, and how high it goes; a call
 * that found it paying lowers it by one. A call "finds it not paying" when the cache had to start over, or when it
 * built a new DFA state more often than once per `1 << THRASH_SHIFT` code units it read on the DFA.
 */
const THRASH_STEP = 4;
const THRASH_MAX = 16;
const THRASH_SHIFT = 3;

/**
 * Runs an NFA as a DFA built lazily (dfa-cache.ts): ordinary patterns run one table lookup per code unit once their
 * states are built. Some patterns have exponentially many DFA states (`*a` then 40 `?`, `a[ab]{20}$`), and then each
 * code unit of a fresh input is a new state; so a call that builds more states than its {@link HandOver} allows goes
 * on as an NFA simulation ({@link handOverSimulation}), coming back to the DFA now and then in case it knows the way on (patterns whose
 * states stop changing, as `*a*a*a…` once every `a` is passed). An automaton whose recent calls found the DFA not
 * paying is wary: it builds fewer states per call and comes back less often. The worst case is O(input × NFA states)
 * with a small constant (32 states per operation along a chain of `?`), and there is never any backtracking.
 *
 * `complete`, when given, is a cache already holding the whole DFA of `nfa` in this mode (match-work.ts).
 *
 * @example
 * const matches = lazyDfa(nfa, charClasses(nfa), false, literalPrefix(pattern));
 * matches("input") // => whether the whole input matches
 */
export function lazyDfa(nfa: Nfa, classes: CharClasses, search: boolean, prefix = "", handOver = HAND_OVER, complete?: DfaCache): (input: string) => boolean {
  const { count, ascii, classOf } = classes;
  const step = nfaStepper(nfa, classes, search);
  // A complete DFA (match-work.ts) has every move cached: no call misses, so none is ever handed over.
  const cache = complete ?? cached.dfaCache(nfa, classes, step, search);
  // Built at the first hand-over: most patterns never need it, and working out its tables costs O(NFA states) or more.
  let handedTo: NfaSimulation | null = null;
  const { kernels, befores } = cache;
  const { floor, shift, stretch } = handOver;
  // In search mode a move's low bit says a match ended before the code unit: the answer is yes.
  const matchBit = search ? 1 : 0;

  /**
   * Above 0 while recent calls kept meeting new DFA states (a pattern with exponentially many, and fresh inputs).
   * Then a miss counts one more per 32 NFA states it steps from (building a state costs in proportion to its size),
   * the budget grows 16 times slower along the input, and a handed-over call comes back to the DFA ever later, and
   * only once its states are few for the stretch just simulated (entering a state costs about as much as simulating
   * that many code units). Patterns whose DFA pays once warm (`+(a|b)` or `**` then `/a/` repeated) keep the plain
   * budget, so their cache fills up across calls.
   */
  let thrash = 0;
  /** New DFA states and code units read on the DFA in the current call, for `thrash`. */
  let built = 0;
  let read = 0;

  /** Reads `input` from `from` in DFA state `start`: the state it ends in, {@link ACCEPT_ALL} or {@link REJECT}. */
  const walk = (input: string, from: number, start: number, mayHandOver: boolean): number => {
    const wary = thrash > 0;
    let misses = 0;
    let state = start;
    let i = from;
    let length = stretch;
    for (;;) {
      let { table, dead } = cache;
      let over = false;
      const entered = i;
      for (; i < input.length; i += 1) {
        const code = input.charCodeAt(i);
        const cls = code < 128 ? (ascii[code] as number) : classOf(code);
        let move = table[state * count + cls] as number;
        if (move < 0) {
          if (move === ACCEPT_ALL) return ACCEPT_ALL;
          misses += wary ? 1 + ((kernels[state] as Int32Array).length >> 5) : 1;
          built += 1;
          move = cache.transition(state, cls);
          if (move === ACCEPT_ALL) return ACCEPT_ALL;
          ({ table, dead } = cache);
          over = mayHandOver && misses > floor + ((i - from) >> (wary ? shift + 4 : shift));
        }
        if ((move & matchBit) !== 0) return ACCEPT_ALL;
        // `move` is an id of the cache as it is now, even when it just started over.
        state = move >> 1;
        if (state === dead) return REJECT;
        if (over) break;
      }
      read += i - entered;
      if (!over) return state;
      i += 1;
      let kernel = kernels[state] as Int32Array;
      let size = kernel.length;
      let before = befores[state] as number;
      const simulation = (handedTo ??= handOverSimulation(nfa, classes, step, search));
      for (;;) {
        const stop = Math.min(input.length, i + length);
        const answer = simulation.run(input, i, stop, kernel, size, before);
        if (answer !== null) return answer ? ACCEPT_ALL : REJECT;
        if (stop === input.length) return simulation.acceptsAtEnd() ? ACCEPT_ALL : REJECT;
        const ran = stop - i;
        i = stop;
        ({ states: kernel, length: size, before } = simulation);
        if (!wary) break;
        length *= 2;
        if (size <= ran >> 2) break;
      }
      state = cache.enter(kernel, size, before);
    }
  };
  /** A whole call: `walk` from the start, then `thrash` updated from what the call met. */
  const call = (input: string, from: number, start: number): number => {
    built = 0;
    read = 0;
    const epoch = cache.epoch;
    const end = walk(input, from, start, true);
    if (cache.epoch !== epoch || built > 1 + (read >> THRASH_SHIFT)) thrash = Math.min(THRASH_MAX, thrash + THRASH_STEP);
    else if (thrash > 0) thrash -= 1;
    return end;
  };
  const accepts = (state: number): boolean => state === ACCEPT_ALL || (state !== REJECT && cache.acceptsAtEnd(state));
  if (prefix === "") return (input) => accepts(call(input, 0, 0));

  // Full matches skip the pattern's literal prefix with one native `startsWith`, entering the DFA in the state the
  // prefix leads to, worked out once per cache epoch (never handed over: the prefix is literal, its states a chain).
  let afterPrefix = 0;
  let prefixEpoch = -1;
  return (input) => {
    if (!input.startsWith(prefix)) return false;
    if (prefixEpoch !== cache.epoch) {
      afterPrefix = walk(prefix, 0, 0, false);
      prefixEpoch = cache.epoch;
    }
    // `walk` returns ids of the cache as it is when it returns, so `afterPrefix` holds until the cache starts over.
    if (afterPrefix < 0) return afterPrefix === ACCEPT_ALL;
    return accepts(call(input, prefix.length, afterPrefix));
  };
}
