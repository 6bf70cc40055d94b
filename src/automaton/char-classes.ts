import { CHAR, type Nfa } from "./build-nfa.js";

/**
 * The alphabet of one automaton cut into classes of code units that no state tells apart, so the DFA's table has a
 * column per class rather than per code unit. `classOf` maps a code unit to its class; `members[state]` lists a `CHAR`
 * state's classes as inclusive `[from, to]` pairs of class ids; `wordClass[id]` says whether the class holds word
 * characters (when the pattern tests word boundaries, word characters never share a class with others).
 */
export interface CharClasses {
  readonly count: number;
  /** `classOf` for the code units below 128, as a table the matcher's loop reads without a call. */
  readonly ascii: Uint16Array;
  readonly classOf: (code: number) => number;
  readonly members: readonly (Int32Array | undefined)[];
  readonly wordClass: Uint8Array;
}

/** Where `[A-Za-z0-9_]`, the word characters of `\b`, start and stop. */
const WORD_BOUNDS = [0x30, 0x3a, 0x41, 0x5b, 0x5f, 0x60, 0x61, 0x7b];
const ASCII = 128;

/**
 * Splits the code units 0–0xFFFF into the classes an NFA distinguishes.
 *
 * @example
 * charClasses(nfa).classOf(0x61) // => the class of "a"
 */
export function charClasses(nfa: Nfa): CharClasses {
  const cuts = new Set<number>([0]);
  if (nfa.words) for (const cut of WORD_BOUNDS) cuts.add(cut);
  for (const set of nfa.ranges) {
    if (set === undefined) continue;
    for (let i = 0; i + 1 < set.length; i += 2) {
      cuts.add(set[i] as number);
      cuts.add((set[i + 1] as number) + 1);
    }
  }
  const bounds = Int32Array.from([...cuts].filter((cut) => cut <= 0xffff)).sort();
  const search = (code: number): number => {
    let lo = 0;
    let hi = bounds.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((bounds[mid] as number) <= code) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const ascii = new Uint16Array(ASCII);
  for (let code = 0; code < ASCII; code += 1) ascii[code] = search(code);
  const classOf = (code: number): number => (code < ASCII ? (ascii[code] as number) : search(code));
  const members = nfa.ranges.map((set, state) => {
    if (set === undefined || nfa.kind[state] !== CHAR) return undefined;
    const ids: number[] = [];
    for (let i = 0; i + 1 < set.length; i += 2) ids.push(search(set[i] as number), search(set[i + 1] as number));
    return Int32Array.from(ids);
  });
  const wordClass = Uint8Array.from(bounds, (from) => (isWord(from) ? 1 : 0));
  return { count: bounds.length, ascii, classOf, members, wordClass };
}

function isWord(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || code === 0x5f || (code >= 0x61 && code <= 0x7a);
}
