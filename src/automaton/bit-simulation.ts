import type { Nfa } from "./build-nfa.js";
import type { CharClasses } from "./char-classes.js";
import * as contexts from "./holds-assertion.js";
import * as ops from "./nfa-operations.js";
import * as stepBits from "./nfa-stepper.js";
import type { NfaSimulation } from "./nfa-simulation.js";

// Local copies: an imported binding may be read through a getter (tsx, vitest), and these are read per code unit.
const { AFTER_OTHER, AFTER_WORD, AT_END, BEFORE_OTHER, BEFORE_WORD, holdsAssertion } = contexts;
const { OP_ANY_TAIL, OP_ASSERT, OP_MATCH, OP_SPANS, OP_SPLIT, inClasses, nfaOperations } = ops;
const { ANY_TAIL, MATCHED } = stepBits;

/** Words of per-class masks one automaton keeps before it drops them all and starts over (256 kB). */
const MASK_BUDGET = 1 << 16;

/**
 * The NFA simulation with the set of current states as a bitset, one bit per NFA state. Thompson's construction
 * numbers states back to front, so most `CHAR` states lead to the state just below them: for those a step is one
 * mask per character class, ANDed and shifted by one bit, 32 states per operation, whatever their number. Only the
 * zero-width states reached (splits, assertions) and the few `CHAR` states leading elsewhere are followed one by one.
 * Patterns whose lazy DFA keeps meeting new states (`*a` then a thousand `?`) have hundreds of states active at
 * every code unit, which is where a state-by-state step spends its time; the answers are those of
 * the plain simulation in test/property/oracles/simulate-nfa.ts, state for state (a property test holds it).
 *
 * @example
 * const simulation = bitSimulation(nfa, classes, false);
 * simulation.run("abc", 0, 3, Int32Array.of(nfa.start), 1, AT_START) ?? simulation.acceptsAtEnd()
 * // => whether the pattern matches "abc"
 */
export function bitSimulation(nfa: Nfa, classes: CharClasses, search: boolean): NfaSimulation {
  const { out, arg, start } = nfa;
  const { ascii, classOf, wordClass, members } = classes;
  const size = out.length;
  const words = (size + 31) >>> 5;
  const { op, lo: spanFrom, hi: spanTo } = nfaOperations(nfa, classes);
  const zeroWidth = new Int32Array(words);
  /** `CHAR` states that do not lead to the state below them. */
  const elsewhere = new Int32Array(words);
  const tails: number[] = [];
  let match = -1;
  for (let s = 0; s < size; s += 1) {
    const o = op[s] as number;
    if (o === OP_SPLIT || o === OP_ASSERT) setBit(zeroWidth, s);
    else if (o === OP_MATCH) match = s;
    else {
      if (out[s] !== s - 1) setBit(elsewhere, s);
      if (o === OP_ANY_TAIL) tails.push(s);
    }
  }
  // The words holding any zero-width state, or any `CHAR` state leading elsewhere: a step visits only these for them.
  const zeroWidthWords = wordsWithBits(zeroWidth);
  const elsewhereWords = wordsWithBits(elsewhere);
  const zeroWidthCount = zeroWidthWords.length;
  const elsewhereCount = elsewhereWords.length;
  const tailCount = tails.length;
  const takes = (s: number, cls: number): boolean =>
    op[s] === OP_SPANS ? inClasses(members[s], cls) : cls >= (spanFrom[s] as number) && cls <= (spanTo[s] as number);

  // Per class, the `CHAR` states leading to the state below that take it; built when the class is first read.
  let chains: (Int32Array | undefined)[] = [];
  let cached = 0;
  const chainOf = (cls: number): Int32Array => {
    let chain = chains[cls];
    if (chain !== undefined) return chain;
    if (cached + words > MASK_BUDGET) {
      chains = [];
      cached = 0;
    }
    chain = new Int32Array(words);
    for (let s = 1; s < size; s += 1) if ((op[s] as number) <= OP_ANY_TAIL && out[s] === s - 1 && takes(s, cls)) setBit(chain, s);
    chains[cls] = chain;
    cached += words;
    return chain;
  };

  // The states before a code unit are `current`, words `range[0]` to `range[1]` (empty when the first is larger);
  // both bitsets are zero outside their range, so a step only reads and clears the words in use.
  let current = new Int32Array(words);
  let next = new Int32Array(words);
  const range = Int32Array.of(0, -1);
  const stack = new Int32Array(size);

  /**
   * Adds to `bits` every state its zero-width states lead to, widening `range`; returns `MATCHED` and `ANY_TAIL` as
   * a step of nfa-stepper.ts does.
   */
  const close = (bits: Int32Array, before: number, after: number): number => {
    let low = range[0] as number;
    let high = range[1] as number;
    let top = 0;
    for (let k = 0; k < zeroWidthCount; k += 1) {
      const w = zeroWidthWords[k] as number;
      if (w < low || w > high) continue;
      let found = (bits[w] as number) & (zeroWidth[w] as number);
      while (found !== 0) {
        const lowest = found & -found;
        stack[top++] = (w << 5) | (31 - Math.clz32(lowest));
        found ^= lowest;
      }
    }
    while (top > 0) {
      const s = stack[--top] as number;
      let a = -1;
      let b = -1;
      if (op[s] === OP_SPLIT) {
        a = out[s] as number;
        b = arg[s] as number;
      } else if (holdsAssertion(arg[s] as number, before, after)) a = out[s] as number;
      for (let t = a; t >= 0; t = b, b = -1) {
        const w = t >>> 5;
        const bit = 1 << (t & 31);
        const word = bits[w] as number;
        if ((word & bit) !== 0) continue;
        bits[w] = word | bit;
        if (w < low) low = w;
        if (w > high) high = w;
        if (((zeroWidth[w] as number) & bit) !== 0) stack[top++] = t;
      }
    }
    range[0] = low;
    range[1] = high;
    let flags = match >= 0 && has(bits, match) ? MATCHED : 0;
    for (let k = 0; k < tailCount; k += 1) if (has(bits, tails[k] as number)) flags |= ANY_TAIL;
    return flags;
  };

  /**
   * Moves the closed states of `from` on one code unit of class `cls` into `into` (all zero), clearing `from`;
   * updates `range` and says whether any state is left.
   */
  const advance = (from: Int32Array, into: Int32Array, cls: number, chain: Int32Array): boolean => {
    const low = range[0] as number;
    const high = range[1] as number;
    let nextLow = words;
    let nextHigh = -1;
    for (let k = 0; k < elsewhereCount; k += 1) {
      const w = elsewhereWords[k] as number;
      if (w < low || w > high) continue;
      let found = (from[w] as number) & (elsewhere[w] as number);
      while (found !== 0) {
        const lowest = found & -found;
        found ^= lowest;
        const s = (w << 5) | (31 - Math.clz32(lowest));
        if (!takes(s, cls)) continue;
        const target = out[s] as number;
        const t = target >>> 5;
        into[t] = (into[t] as number) | (1 << (target & 31));
        if (t < nextLow) nextLow = t;
        if (t > nextHigh) nextHigh = t;
      }
    }
    if (search) {
      const t = start >>> 5;
      into[t] = (into[t] as number) | (1 << (start & 31));
      if (t < nextLow) nextLow = t;
      if (t > nextHigh) nextHigh = t;
    }
    // Bit s goes to bit s − 1: down one place in its word, the word's lowest bit to the top of the word below.
    let carry = 0;
    for (let w = high; w >= low; w -= 1) {
      const moved = (from[w] as number) & (chain[w] as number);
      from[w] = 0;
      into[w] = (into[w] as number) | (moved >>> 1) | carry;
      carry = moved << 31;
    }
    // Never at word 0: state 0 is the match state, which no `CHAR` state leads to by the chain.
    if (carry !== 0 && low > 0) into[low - 1] = (into[low - 1] as number) | carry;
    if (low <= high) {
      let first = low > 0 ? low - 1 : low;
      let last = high;
      while (first <= last && into[first] === 0) first += 1;
      while (last >= first && into[last] === 0) last -= 1;
      if (first <= last) {
        if (first < nextLow) nextLow = first;
        if (last > nextHigh) nextHigh = last;
      }
    }
    range[0] = nextLow;
    range[1] = nextHigh;
    return nextLow <= nextHigh;
  };

  const load = (kernel: Int32Array, length: number): void => {
    current.fill(0, range[0], (range[1] as number) + 1);
    let low = words;
    let high = -1;
    for (let i = 0; i < length; i += 1) {
      const s = kernel[i] as number;
      const w = s >>> 5;
      current[w] = (current[w] as number) | (1 << (s & 31));
      if (w < low) low = w;
      if (w > high) high = w;
    }
    range[0] = low;
    range[1] = high;
  };

  const done = search ? MATCHED : ANY_TAIL;
  const simulation: NfaSimulation = {
    states: new Int32Array(size),
    length: 0,
    before: AFTER_OTHER,
    run(input, from, to, kernel, length, before) {
      load(kernel, length);
      let bits = current;
      let spare = next;
      let context = before;
      let answer: boolean | null = null;
      for (let i = from; i < to; i += 1) {
        const code = input.charCodeAt(i);
        const cls = code < 128 ? (ascii[code] as number) : classOf(code);
        const word = wordClass[cls] === 1;
        if ((close(bits, context, word ? BEFORE_WORD : BEFORE_OTHER) & done) !== 0) {
          answer = true;
          break;
        }
        const left = advance(bits, spare, cls, chains[cls] ?? chainOf(cls));
        const read = bits;
        bits = spare;
        spare = read;
        if (!left) {
          answer = false;
          break;
        }
        context = word ? AFTER_WORD : AFTER_OTHER;
      }
      current = bits;
      next = spare;
      if (answer !== null) return answer;
      simulation.length = listStates(bits, range[0] as number, range[1] as number, simulation.states);
      simulation.before = context;
      return null;
    },
    acceptsAtEnd: () => (close(current, simulation.before, AT_END) & MATCHED) !== 0,
  };
  return simulation;
}

function setBit(bits: Int32Array, s: number): void {
  bits[s >>> 5] = (bits[s >>> 5] as number) | (1 << (s & 31));
}

function has(bits: Int32Array, s: number): boolean {
  return ((bits[s >>> 5] as number) & (1 << (s & 31))) !== 0;
}

/** The indexes of the words of `bits` that are not zero. */
function wordsWithBits(bits: Int32Array): Int32Array {
  const found: number[] = [];
  for (let w = 0; w < bits.length; w += 1) if (bits[w] !== 0) found.push(w);
  return Int32Array.from(found);
}

/** Writes the states of `bits[low..high]` into `into`, ascending; returns how many. */
function listStates(bits: Int32Array, low: number, high: number, into: Int32Array): number {
  let count = 0;
  for (let w = low; w <= high; w += 1) {
    let word = bits[w] as number;
    while (word !== 0) {
      const lowest = word & -word;
      into[count++] = (w << 5) | (31 - Math.clz32(lowest));
      word ^= lowest;
    }
  }
  return count;
}
