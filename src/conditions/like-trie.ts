/**
 * A trie over the cores of `like` words, as flat arrays: node 0 is the root, `next[node]` maps a character to a
 * child, `ids[node]` lists the words whose core ends there. With failure links (`fail`, the longest proper suffix that
 * is also a path; `output`, the nearest node on that chain that ends a core, or -1) it is an Aho–Corasick automaton.
 */
export interface LikeTrie {
  readonly next: readonly ReadonlyMap<string, number>[];
  readonly ids: readonly (readonly number[])[];
  readonly fail: readonly number[];
  readonly output: readonly number[];
}

/**
 * Builds a trie of `[core, wordId]` entries; the failure links are what a search for cores anywhere inside a text
 * needs, a walk from one end does without them. O(total core length × alphabet lookups).
 *
 * @example
 * const trie = likeTrie([["help", 0], ["he", 1]], false);
 * trie.ids[trie.next[trie.next[0]!.get("h")!]!.get("e")!] // => [1]
 */
export function likeTrie(entries: readonly (readonly [string, number])[], withLinks: boolean): LikeTrie {
  const next: Map<string, number>[] = [new Map()];
  const ids: number[][] = [[]];
  for (const [core, id] of entries) {
    let node = 0;
    // Code units, not code points: the naive reading (`includes`, `startsWith`) compares code units too.
    for (let at = 0; at < core.length; at += 1) {
      const char = core[at] as string;
      let child = next[node]?.get(char);
      if (child === undefined) {
        child = next.length;
        next.push(new Map());
        ids.push([]);
        next[node]?.set(char, child);
      }
      node = child;
    }
    ids[node]?.push(id);
  }
  const fail = new Array<number>(next.length).fill(0);
  const output = new Array<number>(next.length).fill(-1);
  if (withLinks) link(next, ids, fail, output);
  return { next, ids, fail, output };
}

/** Breadth first, so a node's failure target is final before its children need it. */
function link(next: readonly Map<string, number>[], ids: readonly number[][], fail: number[], output: number[]): void {
  const queue = [...(next[0]?.values() ?? [])];
  for (let head = 0; head < queue.length; head += 1) {
    const node = queue[head] as number;
    for (const [char, child] of next[node] ?? []) {
      let target = fail[node] as number;
      while (target !== 0 && !next[target]?.has(char)) target = fail[target] as number;
      const candidate = next[target]?.get(char);
      fail[child] = candidate !== undefined && candidate !== child ? candidate : 0;
      const via = fail[child] as number;
      output[child] = (ids[via]?.length ?? 0) > 0 && via !== 0 ? via : (output[via] as number);
      queue.push(child);
    }
  }
}
