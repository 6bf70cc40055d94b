import type { Nfa } from "./build-nfa.js";
import type { CharClasses } from "./char-classes.js";
import * as contexts from "./holds-assertion.js";
import * as ops from "./nfa-operations.js";
import * as stepBits from "./nfa-stepper.js";
import type { NfaStep } from "./nfa-stepper.js";
import type { NfaSimulation } from "./nfa-simulation.js";
import { followSets, SHARE } from "./follow-sets.js";
import { numberPositions } from "./number-positions.js";
import { positionClosure } from "./position-closure.js";

// Local copies: an imported binding may be read through a getter (tsx, vitest), and these are read per code unit.
const { AFTER_OTHER, AFTER_WORD, AT_END } = contexts;
const { OP_SPANS, inClasses, nfaOperations } = ops;
const { MATCHED } = stepBits;

/** Words of per-class masks one automaton keeps before it drops them all and starts over (256 kB). */
const MASK_BUDGET = 1 << 16;

/**
 * The NFA simulation on the position (Glushkov) automaton of a Thompson NFA: a state is a set of `CHAR` states, and
 * one code unit moves it by the positions' follow sets, worked out once, with every zero-width path already taken.
 * A follow set is a union of bit-parallel shifts (the offsets most pairs share: a chain, a loop, the copies of a
 * counted repetition) plus a few pairs taken one by one, so a step costs a few operations per 32 positions and never
 * visits a split, where the Thompson simulation (bit-simulation.ts) visits each active one in turn: patterns made of
 * choices and stars (`*a` then `[ab]` many times, `(?:a|b|ab|ba){400}`) run 10–50 times faster. Returns `null` when
 * the automaton would not pay: word-boundary assertions (the follow sets would depend on the next code unit), follow
 * sets too large to hold, or shifts costing more than `costToBeat`. `share` is how many pairs per word an offset
 * needs to become a shift (0: every offset shifts, `Infinity`: every pair is taken alone). Answers and stops state for state as the
 * plain simulation in test/property/oracles/simulate-nfa.ts (a property test holds it).
 *
 * @example
 * const simulation = positionSimulation(nfa, classes, nfaStepper(nfa, classes, false), false, Infinity);
 * simulation?.run("abc", 0, 3, Int32Array.of(nfa.start), 1, AT_START) // => true, false, or null to go on
 */
export function positionSimulation(nfa: Nfa, classes: CharClasses, step: NfaStep, search: boolean, costToBeat: number, share = SHARE): NfaSimulation | null {
  if (nfa.words) return null;
  const { kind, out, start } = nfa;
  const size = kind.length;
  const { index, stateOf, words } = numberPositions(nfa);
  const positions = stateOf.length;
  // Three passes over the words at least: a pattern whose Thompson simulation costs less (a chain) is not worked out.
  if (3 * words > costToBeat) return null;
  const closure = positionClosure(nfa, index, { count: 0 });
  const operations = nfaOperations(nfa, classes);
  const follow = followSets(nfa, operations.op, index, stateOf, words, share);
  if (follow === null || follow.cost > costToBeat) return null;
  const { offsets, masks, from: maskFrom, to: maskTo, irregular, extraStart, extra, final, tails } = follow;
  const offsetCount = offsets.length;
  const { op, lo, hi } = operations;
  const { ascii, classOf, wordClass, members } = classes;

  // The positions taking each class, built when the class is first read.
  let takers: (Int32Array | undefined)[] = [];
  let cached = 0;
  const takersOf = (cls: number): Int32Array => {
    let mask = takers[cls];
    if (mask !== undefined) return mask;
    if (cached + words > MASK_BUDGET) {
      takers = [];
      cached = 0;
    }
    mask = new Int32Array(words);
    for (let p = 0; p < positions; p += 1) {
      const s = stateOf[p] as number;
      const takes = op[s] === OP_SPANS ? inClasses(members[s], cls) : cls >= (lo[s] as number) && cls <= (hi[s] as number);
      if (takes) mask[p >>> 5] = (mask[p >>> 5] as number) | (1 << (p & 31));
    }
    takers[cls] = mask;
    cached += words;
    return mask;
  };
  // Search mode: where a match may begin at any code unit, what the start state's closure holds.
  const first = new Int32Array(words + 1);
  const startMatches = search && closure(Int32Array.of(start), 1, AFTER_OTHER, first);
  const firstWords = wordRange(first);
  const firstLow = firstWords[0] ?? 0;
  const firstHigh = firstWords.at(-1) ?? -1;
  const irregularWords = Int32Array.from(wordRange(irregular));
  const irregularCount = irregularWords.length;
  const tailCount = tails.length;

  // One spare word at the end, which shifts may write zeros to.
  const current = new Int32Array(words + 1);
  const taken = new Int32Array(words);
  const seen = new Uint32Array(size);
  let generation = 0;

  const simulation: NfaSimulation = {
    states: new Int32Array(size),
    length: 0,
    before: AFTER_OTHER,
    run(input, from, to, kernel, length, before) {
      if (from >= to) {
        if (kernel !== simulation.states) simulation.states.set(kernel.subarray(0, length));
        simulation.length = length;
        simulation.before = before;
        return null;
      }
      current.fill(0);
      let matched = closure(kernel, length, before, current);
      // `current` is zero outside words `low..high`; `taken` is read only inside `takenLow..takenHigh`.
      let low = 0;
      let high = words - 1;
      let takenLow = 0;
      let takenHigh = -1;
      let context = before;
      for (let i = from; i < to; i += 1) {
        if (search ? matched : tailCount > 0 && intersects(current, tails)) return true;
        const code = input.charCodeAt(i);
        const cls = code < 128 ? (ascii[code] as number) : classOf(code);
        const takes = takers[cls] ?? takersOf(cls);
        takenLow = words;
        takenHigh = -1;
        let ends = 0;
        for (let w = low; w <= high; w += 1) {
          const x = (current[w] as number) & (takes[w] as number);
          current[w] = 0;
          taken[w] = x;
          ends |= x & (final[w] as number);
          if (x !== 0) {
            if (w < takenLow) takenLow = w;
            takenHigh = w;
          }
        }
        current[high + 1] = 0;
        context = wordClass[cls] === 1 ? AFTER_WORD : AFTER_OTHER;
        if (takenLow > takenHigh && !search) return false;
        if (i + 1 === to) break;
        matched = ends !== 0 || startMatches;
        low = words;
        high = -1;
        if (search) {
          for (let w = firstLow; w <= firstHigh; w += 1) current[w] = first[w] as number;
          low = firstLow;
          high = firstHigh;
        }
        if (takenLow > takenHigh) continue;
        for (let k = 0; k < offsetCount; k += 1) {
          const a = Math.max(takenLow, maskFrom[k] as number);
          const b = Math.min(takenHigh, maskTo[k] as number);
          if (a > b) continue;
          const mask = masks[k] as Int32Array;
          const d = offsets[k] as number;
          const q = d >> 5;
          const r = d & 31;
          let w = a;
          if (r === 0) {
            for (; w <= b; w += 1) current[w + q] = (current[w + q] as number) | ((taken[w] as number) & (mask[w] as number));
          } else {
            // A source word's bits land in two target words; the lower one may be below word 0 (then its part is
            // empty: no position is negative), the upper one never past the spare word at the end.
            const back = 32 - r;
            if (w + q < 0) {
              current[w + q + 1] = (current[w + q + 1] as number) | (((taken[w] as number) & (mask[w] as number)) >>> back);
              w += 1;
            }
            for (; w <= b; w += 1) {
              const x = (taken[w] as number) & (mask[w] as number);
              current[w + q] = (current[w + q] as number) | (x << r);
              current[w + q + 1] = (current[w + q + 1] as number) | (x >>> back);
            }
          }
          if (a + q < low) low = Math.max(0, a + q);
          if (b + q + 1 > high) high = Math.min(words - 1, b + q + 1);
        }
        for (let k = 0; k < irregularCount; k += 1) {
          const w = irregularWords[k] as number;
          if (w < takenLow || w > takenHigh) continue;
          let found = (taken[w] as number) & (irregular[w] as number);
          while (found !== 0) {
            const lowest = found & -found;
            found ^= lowest;
            const p = (w << 5) | (31 - Math.clz32(lowest));
            for (let e = extraStart[p] as number, end = extraStart[p + 1] as number; e < end; e += 1) {
              const t = extra[e] as number;
              const tw = t >>> 5;
              current[tw] = (current[tw] as number) | (1 << (t & 31));
              if (tw < low) low = tw;
              if (tw > high) high = tw;
            }
          }
        }
      }
      // Stopped undecided after the code unit before `to`: the Thompson kernel is where the positions taken lead.
      generation += 1;
      let count = 0;
      const states = simulation.states;
      for (let w = takenLow; w <= takenHigh; w += 1) {
        let found = taken[w] as number;
        while (found !== 0) {
          const lowest = found & -found;
          found ^= lowest;
          const target = out[stateOf[(w << 5) | (31 - Math.clz32(lowest))] as number] as number;
          if (seen[target] !== generation) {
            seen[target] = generation;
            states[count++] = target;
          }
        }
      }
      if (search && seen[start] !== generation) states[count++] = start;
      simulation.length = count;
      simulation.before = context;
      return null;
    },
    acceptsAtEnd: () => (step(simulation.states, simulation.length, simulation.before, AT_END, -1, scratch) & MATCHED) !== 0,
  };
  const scratch = new Int32Array(size);
  return simulation;
}

/** The indexes of the words of `bits` that are not zero. */
function wordRange(bits: Int32Array): number[] {
  const found: number[] = [];
  for (let w = 0; w < bits.length; w += 1) if (bits[w] !== 0) found.push(w);
  return found;
}

function intersects(a: Int32Array, positions: Int32Array): boolean {
  for (let k = 0; k < positions.length; k += 1) {
    const p = positions[k] as number;
    if (((a[p >>> 5] as number) & (1 << (p & 31))) !== 0) return true;
  }
  return false;
}
