import { ASSERT, CHAR, END, MATCH, type Nfa, SPLIT, START, WORD } from "./build-nfa.js";
import type { CharClasses } from "./char-classes.js";

// What lies before the current position (the input's start, a word character, anything else) and after it.
const AT_START = 0;
const AFTER_WORD = 1;
const AFTER_OTHER = 2;
const AT_END = 0;
const BEFORE_WORD = 1;
const BEFORE_OTHER = 2;

/** A table cell for a state from which every rest of the input matches (`walk` stops there). */
const ACCEPT_ALL = -2;
/** Table cells (states × classes) one automaton may cache before it starts over; 256 kB of `Int32Array`. */
const CELL_BUDGET = 1 << 16;
/** NFA state ids all cached DFA states may hold together before the cache starts over. */
const KERNEL_BUDGET = 1 << 17;

/**
 * Runs an NFA as a DFA built lazily: a DFA state is the set of NFA states reached before reading a code unit (its
 * kernel) plus what kind of code unit came before, which is all a `start` or word-boundary test needs. Each transition
 * is worked out once by simulating the NFA on the kernel (time linear in the NFA's size) and then read from a table,
 * so ordinary patterns run one table lookup per code unit. The cache is capped; when a pattern has more DFA states
 * than fit, the cache starts over and the run goes on, so the worst case stays O(input × NFA) — there is never any
 * backtracking.
 *
 * @example
 * const matches = lazyDfa(nfa, charClasses(nfa), false, literalPrefix(pattern));
 * matches("input") // => whether the whole input matches
 */
export function lazyDfa(nfa: Nfa, classes: CharClasses, search: boolean, prefix = ""): (input: string) => boolean {
  const { kind, out, arg } = nfa;
  const { count, ascii, classOf, members, wordClass } = classes;
  const size = kind.length;
  const marks = new Uint32Array(size);
  const stack = new Int32Array(size);
  const closed = new Int32Array(size);
  const maxCached = Math.max(16, Math.floor(CELL_BUDGET / count));
  let generation = 0;
  let closedCount = 0;

  let table = new Int32Array(8 * count).fill(-1);
  let ids = new Map<string, number>();
  let kernels: Int32Array[] = [];
  let befores: number[] = [];
  let endAccepts: number[] = [];
  let kernelTotal = 0;
  let dead = -1;
  let epoch = 0;

  const nextGeneration = (): number => {
    generation += 1;
    if (generation === 0xffffffff) {
      marks.fill(0);
      generation = 1;
    }
    return generation;
  };

  /** Follows the zero-width states from a kernel into `closed` (its `CHAR` states); says whether it reaches MATCH. */
  const close = (kernel: Int32Array, before: number, after: number): boolean => {
    const mark = nextGeneration();
    let top = 0;
    let matched = false;
    closedCount = 0;
    const push = (state: number): void => {
      if (marks[state] === mark) return;
      marks[state] = mark;
      stack[top++] = state;
    };
    for (const state of kernel) push(state);
    while (top > 0) {
      const state = stack[--top] as number;
      const k = kind[state];
      if (k === CHAR) closed[closedCount++] = state;
      else if (k === MATCH) matched = true;
      else if (k === SPLIT) {
        push(out[state] as number);
        push(arg[state] as number);
      } else if (k === ASSERT && holds(arg[state] as number, before, after)) push(out[state] as number);
    }
    return matched;
  };

  /** The kernel after reading a code unit of class `cls` from the states `close` left in `closed`. */
  const advance = (cls: number): Int32Array => {
    const mark = nextGeneration();
    const next: number[] = [];
    for (let i = 0; i < closedCount; i += 1) {
      const state = closed[i] as number;
      const target = out[state] as number;
      if (marks[target] !== mark && inClasses(members[state], cls)) {
        marks[target] = mark;
        next.push(target);
      }
    }
    if (search && marks[nfa.start] !== mark) next.push(nfa.start);
    return Int32Array.from(next).sort();
  };

  // Without assertions of a kind, contexts they alone tell apart are merged, so fewer DFA states are built.
  const normalise = (before: number): number =>
    (before === AT_START && !nfa.edges) || (before === AFTER_WORD && !nfa.words) ? AFTER_OTHER : before;

  const reset = (): void => {
    table = new Int32Array(8 * count).fill(-1);
    ids = new Map();
    kernels = [];
    befores = [];
    endAccepts = [];
    kernelTotal = 0;
    dead = -1;
    epoch += 1;
    intern(Int32Array.of(nfa.start), normalise(AT_START));
  };

  const intern = (kernel: Int32Array, before: number): number => {
    // State ids stay below MAX_AUTOMATON_STATES (< 65 536), so each fits one UTF-16 code unit of the key.
    const key = String.fromCharCode(before) + String.fromCharCode.apply(null, kernel as unknown as number[]);
    let known = ids.get(key);
    if (known === undefined && (kernels.length >= maxCached || kernelTotal + kernel.length > KERNEL_BUDGET)) {
      reset();
      known = ids.get(key);
    }
    if (known !== undefined) return known;
    const id = kernels.length;
    if ((id + 1) * count > table.length) {
      const grown = new Int32Array(Math.min(table.length * 2, maxCached * count)).fill(-1);
      grown.set(table);
      table = grown;
    }
    ids.set(key, id);
    kernels.push(kernel);
    befores.push(before);
    endAccepts.push(-1);
    kernelTotal += kernel.length;
    if (kernel.length === 0 && !search) dead = id;
    return id;
  };

  /** Works out and caches the move from DFA state `from` on class `cls`: `next * 2 + (matched before it ? 1 : 0)`. */
  const transition = (from: number, cls: number): number => {
    const word = wordClass[cls] === 1;
    const matched = close(kernels[from] as Int32Array, befores[from] as number, word ? BEFORE_WORD : BEFORE_OTHER);
    // Per cell, not per state: whether the tail is reached can depend on the next code unit (word boundaries).
    if (!search && reachesAnyTail()) {
      table[from * count + cls] = ACCEPT_ALL;
      return ACCEPT_ALL;
    }
    const kernel = advance(cls);
    const started = epoch;
    const code = intern(kernel, normalise(word ? AFTER_WORD : AFTER_OTHER)) * 2 + (matched ? 1 : 0);
    if (started === epoch) table[from * count + cls] = code;
    return code;
  };

  // A `CHAR` state that takes every code unit and loops straight back before an unconditional match (a trailing
  // `**`, `.*`): once a position reaches it, every rest of the input matches, so a full match can stop reading.
  const anyTail = Uint8Array.from(kind, (k, state) => {
    const set = nfa.ranges[state];
    const loop = out[state] as number;
    const isAny = k === CHAR && set?.length === 2 && set[0] === 0 && set[1] === 0xffff;
    return isAny && kind[loop] === SPLIT && out[loop] === state && kind[arg[loop] as number] === MATCH ? 1 : 0;
  });
  const hasAnyTail = anyTail.includes(1);
  const reachesAnyTail = (): boolean => {
    if (!hasAnyTail) return false;
    for (let i = 0; i < closedCount; i += 1) if (anyTail[closed[i] as number] === 1) return true;
    return false;
  };

  const acceptsAtEnd = (state: number): boolean => {
    if (endAccepts[state] === -1) endAccepts[state] = close(kernels[state] as Int32Array, befores[state] as number, AT_END) ? 1 : 0;
    return endAccepts[state] === 1;
  };

  intern(Int32Array.of(nfa.start), normalise(AT_START));

  // Full matches skip the pattern's literal prefix with one native `startsWith`, entering the DFA in the state
  // the prefix leads to (worked out once per cache generation): most URL patterns are mostly literal.
  let afterPrefix = 0;
  let prefixEpoch = -1;
  const walk = (input: string, from: number, start: number): number => {
    let state = start;
    for (let i = from; i < input.length; i += 1) {
      const code = input.charCodeAt(i);
      const cls = code < 128 ? (ascii[code] as number) : classOf(code);
      let move = table[state * count + cls] as number;
      if (move < 0) {
        if (move === ACCEPT_ALL) return ACCEPT_ALL;
        move = transition(state, cls);
        if (move === ACCEPT_ALL) return ACCEPT_ALL;
      }
      state = move >> 1;
      if (state === dead) return -1;
    }
    return state;
  };
  const accepts = (state: number): boolean => state === ACCEPT_ALL || (state !== -1 && acceptsAtEnd(state));

  if (search) {
    return (input) => {
      let state = 0;
      for (let i = 0; i < input.length; i += 1) {
        const code = input.charCodeAt(i);
        const cls = code < 128 ? (ascii[code] as number) : classOf(code);
        let move = table[state * count + cls] as number;
        if (move < 0) move = transition(state, cls);
        if ((move & 1) === 1) return true;
        state = move >> 1;
      }
      return acceptsAtEnd(state);
    };
  }
  if (prefix === "") {
    return (input) => {
      return accepts(walk(input, 0, 0));
    };
  }
  return (input) => {
    if (!input.startsWith(prefix)) return false;
    if (prefixEpoch !== epoch) {
      afterPrefix = walk(prefix, 0, 0);
      prefixEpoch = epoch;
    }
    // `walk` returns ids of the cache as it is when it returns, so `afterPrefix` holds until the cache starts over.
    if (afterPrefix < 0) return afterPrefix === ACCEPT_ALL;
    return accepts(walk(input, prefix.length, afterPrefix));
  };
}

function holds(assertion: number, before: number, after: number): boolean {
  if (assertion === START) return before === AT_START;
  if (assertion === END) return after === AT_END;
  const boundary = (before === AFTER_WORD) !== (after === BEFORE_WORD);
  return assertion === WORD ? boundary : !boundary;
}

function inClasses(pairs: Int32Array | undefined, cls: number): boolean {
  if (pairs === undefined) return false;
  for (let i = 0; i + 1 < pairs.length; i += 2) {
    if (cls >= (pairs[i] as number) && cls <= (pairs[i + 1] as number)) return true;
  }
  return false;
}
