import type { LikePlan } from "./compile-like.js";
import type { LikeTrie } from "./like-trie.js";

/** Where the words of a `like` value occur in a text, by word id. */
export interface LikeOccurrences {
  /** The text's word count. */
  readonly length: number;
  /** How many text words the word `id` matches. */
  count(id: number): number;
  /** Each text position whose word the word `id` matches. */
  positions(id: number): Iterable<number>;
  /** Whether the word `id` matches the text word at `position`. */
  matchesAt(id: number, position: number): boolean;
}

/**
 * Finds which words of a compiled `like` value match which words of a text, reading each distinct text word once:
 * a map lookup for exact words, a walk from either end for `help*` and `*desk`, an Aho–Corasick pass for `*elp*`.
 * Linear in the text's length plus the number of (distinct text word, value word) matches.
 *
 * @example
 * const occurrences = likeOccurrences(compileLike("help*").plan, ["get", "helpdesk", "help"]);
 * [...occurrences.positions(0)] // => [1, 2]
 */
export function likeOccurrences(plan: LikePlan, words: readonly string[]): LikeOccurrences {
  const distinct = new Map<string, number>();
  const sequence = new Int32Array(words.length);
  const at: number[][] = [];
  for (let position = 0; position < words.length; position += 1) {
    const word = words[position] as string;
    let index = distinct.get(word);
    if (index === undefined) {
      index = at.length;
      distinct.set(word, index);
      at.push([]);
    }
    at[index]?.push(position);
    sequence[position] = index;
  }
  const { wordCount } = plan;
  const counts = new Float64Array(wordCount);
  const matchedWords: number[][] = Array.from({ length: wordCount }, () => []);
  const pairs = new Set<number>();
  const stamps = new Int32Array(plan.infixes.next.length).fill(-1);
  for (const [word, index] of distinct) {
    const add = (id: number): void => {
      pairs.add(index * wordCount + id);
      matchedWords[id]?.push(index);
      counts[id] = (counts[id] as number) + (at[index]?.length ?? 0);
    };
    const exact = plan.exact.get(word);
    if (exact !== undefined) add(exact);
    walk(plan.prefixes, word, false, add);
    walk(plan.suffixes, word, true, add);
    search(plan.infixes, word, index, stamps, add);
  }
  return {
    length: words.length,
    count: (id) => counts[id] ?? 0,
    positions: (id) => (matchedWords[id] ?? []).flatMap((index) => at[index] ?? []),
    matchesAt: (id, position) => pairs.has((sequence[position] as number) * wordCount + id),
  };
}

/** From the word's start (or end), each node passed ends the cores that are a prefix (or suffix) of the word. */
function walk(trie: LikeTrie, word: string, fromEnd: boolean, add: (id: number) => void): void {
  let node = 0;
  for (let step = 0; step < word.length; step += 1) {
    const child = trie.next[node]?.get(word[fromEnd ? word.length - 1 - step : step] as string);
    if (child === undefined) return;
    node = child;
    for (const id of trie.ids[node] ?? []) add(id);
  }
}

/** Every core inside the word, each reported once: a node stamped for this word has had its whole chain reported. */
function search(trie: LikeTrie, word: string, index: number, stamps: Int32Array, add: (id: number) => void): void {
  for (const id of trie.ids[0] ?? []) add(id); // `*`: the empty core is inside every word
  let node = 0;
  for (let at = 0; at < word.length; at += 1) {
    const char = word[at] as string;
    while (node !== 0 && !trie.next[node]?.has(char)) node = trie.fail[node] as number;
    node = trie.next[node]?.get(char) ?? 0;
    let out = (trie.ids[node]?.length ?? 0) > 0 ? node : (trie.output[node] as number);
    while (out > 0 && stamps[out] !== index) {
      stamps[out] = index;
      for (const id of trie.ids[out] ?? []) add(id);
      out = trie.output[out] as number;
    }
  }
}
