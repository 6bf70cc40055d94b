import type { Nfa } from "./build-nfa.js";
import type { CharClasses } from "./char-classes.js";
import * as cached from "./dfa-cache.js";
import { nfaSimulation } from "./simulate-nfa.js";
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
 * Runs an NFA as a DFA built lazily (dfa-cache.ts): ordinary patterns run one table lookup per code unit once their
 * states are built. Some patterns have exponentially many DFA states (`*a` then 40 `?`, `a[ab]{20}$`), and then each
 * code unit of a fresh input is a new state; so a call that builds more states than its {@link HandOver} allows goes
 * on as an {@link nfaSimulation}, coming back to the DFA now and then in case it knows the way on (patterns whose
 * states stop changing, as `*a*a*a…` once every `a` is passed). The worst case is O(input × NFA states) with a small
 * constant, and there is never any backtracking.
 *
 * @example
 * const matches = lazyDfa(nfa, charClasses(nfa), false, literalPrefix(pattern));
 * matches("input") // => whether the whole input matches
 */
export function lazyDfa(nfa: Nfa, classes: CharClasses, search: boolean, prefix = "", handOver = HAND_OVER): (input: string) => boolean {
  const { count, ascii, classOf } = classes;
  const step = nfaStepper(nfa, classes, search);
  const cache = cached.dfaCache(nfa, classes, step, search);
  const simulation = nfaSimulation(classes, step, nfa.kind.length, search);
  const { kernels, befores } = cache;
  const { floor, shift, stretch } = handOver;
  // In search mode a move's low bit says a match ended before the code unit: the answer is yes.
  const matchBit = search ? 1 : 0;

  /** Reads `input` from `from` in DFA state `start`: the state it ends in, {@link ACCEPT_ALL} or {@link REJECT}. */
  const walk = (input: string, from: number, start: number, mayHandOver: boolean): number => {
    let misses = 0;
    let state = start;
    let i = from;
    for (;;) {
      let { table, dead } = cache;
      let over = false;
      for (; i < input.length; i += 1) {
        const code = input.charCodeAt(i);
        const cls = code < 128 ? (ascii[code] as number) : classOf(code);
        let move = table[state * count + cls] as number;
        if (move < 0) {
          if (move === ACCEPT_ALL) return ACCEPT_ALL;
          move = cache.transition(state, cls);
          if (move === ACCEPT_ALL) return ACCEPT_ALL;
          ({ table, dead } = cache);
          misses += 1;
          over = mayHandOver && misses > floor + ((i - from) >> shift);
        }
        if ((move & matchBit) !== 0) return ACCEPT_ALL;
        // `move` is an id of the cache as it is now, even when it just started over.
        state = move >> 1;
        if (state === dead) return REJECT;
        if (over) break;
      }
      if (!over) return state;
      i += 1;
      const stop = Math.min(input.length, i + stretch);
      const kernel = kernels[state] as Int32Array;
      const answer = simulation.run(input, i, stop, kernel, kernel.length, befores[state] as number);
      if (answer !== null) return answer ? ACCEPT_ALL : REJECT;
      if (stop === input.length) return simulation.acceptsAtEnd() ? ACCEPT_ALL : REJECT;
      i = stop;
      state = cache.enter(simulation.states, simulation.length, simulation.before);
    }
  };
  const accepts = (state: number): boolean => state === ACCEPT_ALL || (state !== REJECT && cache.acceptsAtEnd(state));
  if (prefix === "") return (input) => accepts(walk(input, 0, 0, true));

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
    return accepts(walk(input, prefix.length, afterPrefix, true));
  };
}
