import type { NameSet } from "../lib/name-set.js";
import type { Needs } from "./candidate-index.js";

export type { NameSet } from "../lib/name-set.js";

const NO_NAMES: NameSet = new Map<string, never>();

/**
 * The normalised event names some condition of the indexed candidates looks at, read from the indexes' own event
 * keys: a set of its own would be one more hash table with a key per event name, built and kept for nothing (with
 * all-distinct names, 100 000 of them). The keys of a single non-empty map are that map itself.
 *
 * @example
 * eventNames([buildCandidateIndex(standard).needsEvent]).has("signup") // => true when a condition names "signup"
 */
export function eventNames(needs: readonly Needs[]): NameSet {
  const maps: ReadonlyMap<string, unknown>[] = [];
  for (let n = 0; n < needs.length; n++) {
    const { dense, sparse } = needs[n] as Needs;
    if (dense.size > 0) maps.push(dense);
    if (sparse.size > 0) maps.push(sparse);
  }
  if (maps.length === 0) return NO_NAMES;
  return maps.length === 1 ? (maps[0] as ReadonlyMap<string, unknown>) : new UnionNames(maps);
}

/** The keys of several maps; `size` counts a name once per map holding it, which keeps it 0 exactly when empty. */
class UnionNames implements NameSet {
  readonly size: number;

  constructor(private readonly maps: readonly ReadonlyMap<string, unknown>[]) {
    let size = 0;
    for (let m = 0; m < maps.length; m++) size += (maps[m] as ReadonlyMap<string, unknown>).size;
    this.size = size;
  }

  has(name: string): boolean {
    for (let m = 0; m < this.maps.length; m++) if ((this.maps[m] as ReadonlyMap<string, unknown>).has(name)) return true;
    return false;
  }
}
