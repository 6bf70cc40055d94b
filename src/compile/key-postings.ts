/**
 * The candidates behind each key of one index dimension (a host, a tag, an attribute key, an event name…), stored
 * so memory grows with the number of conditions, not with keys × candidates: a key many candidates share gets a
 * bitset (one bit per candidate, fast to AND), a rarer key a sorted list of candidate positions. A key is dense
 * from `words / DENSE_PER_WORDS` candidates on, so all the bitsets together take at most `4 · DENSE_PER_WORDS`
 * bytes per condition, and the lists 4 bytes per condition.
 */
export interface KeyPostings {
  /** Keys with a bitset (`base` ORed in). */
  dense: Map<string, Uint32Array>;
  /** Keys with a list: list `s` is `positions[starts[s]] … positions[starts[s + 1] − 1]`, ascending. */
  sparse: Map<string, number>;
  starts: Uint32Array;
  positions: Uint32Array;
}

/** A key is dense when its candidates number at least `words / DENSE_PER_WORDS`. */
const DENSE_PER_WORDS = 8;

/**
 * Collects (key, candidate) pairs while the candidate list is walked once, in ascending candidate order, then packs
 * them into {@link KeyPostings}. Pairs are kept flat — no array per key — since with all-distinct keys there are as
 * many keys as candidates.
 *
 * @example
 * const lists = new KeyPostingsBuilder();
 * lists.add("vip", 3); lists.add("vip", 40);
 * lists.build(2, null).sparse.get("vip") // => 0 (two candidates are too few for a bitset of 64)
 */
export class KeyPostingsBuilder {
  // Key ids are given in order of first appearance, so the Map's own order lists the keys by id: no array of them.
  private readonly ids = new Map<string, number>();
  // Typed arrays grown by doubling, not arrays grown by `push`: with all-distinct keys each holds one entry per
  // candidate, and 4 bytes an entry without boxing or copies of a generic array's backing store. They start at
  // `expected` entries, so a dimension with one key per candidate never grows them: every copy left behind by a
  // doubling lived long enough to stay until the next full collection, on top of the peak heap.
  private last: Int32Array;
  private pairKeys: Uint32Array;
  private pairPositions: Uint32Array;
  private pairs = 0;

  /** `expected`: how many pairs to make room for at first (the number of candidates, say). */
  constructor(expected = 16) {
    const room = Math.max(16, expected);
    this.last = new Int32Array(room);
    this.pairKeys = new Uint32Array(room);
    this.pairPositions = new Uint32Array(room);
  }

  /** Records that candidate `i` (no smaller than any before) goes with `key`; a repeat is ignored. */
  add(key: string, i: number): void {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(key, id);
      if (id === this.last.length) this.last = grown(this.last);
    } else if (this.last[id] === i) return;
    this.last[id] = i;
    if (this.pairs === this.pairKeys.length) {
      this.pairKeys = grown(this.pairKeys);
      this.pairPositions = grown(this.pairPositions);
    }
    this.pairKeys[this.pairs] = id;
    this.pairPositions[this.pairs] = i;
    this.pairs += 1;
  }

  /**
   * The postings over `words` 32-candidate words. With `base`, every dense bitset also holds `base`'s candidates (a
   * dimension's wild ones); a list's reader adds them itself. A builder builds once: its map of keys becomes
   * `sparse` (list `s` of key `s`, a dense key's list left empty and the key deleted), so a set of 100 000 distinct
   * keys fills one Map, not two.
   */
  build(words: number, base: Uint32Array | null): KeyPostings {
    const { ids, pairKeys, pairPositions, pairs } = this;
    const size = ids.size;
    const denseFrom = Math.max(1, Math.ceil(words / DENSE_PER_WORDS));
    const counts = new Uint32Array(size);
    for (let p = 0; p < pairs; p++) counts[pairKeys[p] as number] = (counts[pairKeys[p] as number] as number) + 1;
    const dense = new Map<string, Uint32Array>();
    const bitsOf: (Uint32Array | undefined)[] = [];
    // Lists follow each other in key order, the Map's order. `forEach`, not for-of: no entry array per key.
    const starts = new Uint32Array(size + 1);
    ids.forEach((id, key) => {
      let count = counts[id] as number;
      if (count >= denseFrom) {
        const bits = base === null ? new Uint32Array(words) : base.slice();
        bitsOf[id] = bits;
        dense.set(key, bits);
        ids.delete(key);
        count = 0;
      }
      starts[id + 1] = (starts[id] as number) + count;
    });
    const positions = new Uint32Array(starts[size] as number);
    // `next[id]`: where the list of key `id` is filled next. Pairs come in ascending candidate order, so each list
    // comes out sorted.
    const next = starts.slice(0, size);
    for (let p = 0; p < pairs; p++) {
      const id = pairKeys[p] as number;
      const i = pairPositions[p] as number;
      const bits = bitsOf[id];
      if (bits !== undefined) bits[i >>> 5] = (bits[i >>> 5] as number) | (1 << (i & 31));
      else {
        const at = next[id] as number;
        positions[at] = i;
        next[id] = at + 1;
      }
    }
    return { dense, sparse: ids, starts, positions };
  }
}

/** A typed array of twice the length holding the same entries first. */
function grown<T extends Int32Array | Uint32Array>(array: T): T {
  const larger = new (array.constructor as new (length: number) => T)(array.length * 2);
  larger.set(array);
  return larger;
}
