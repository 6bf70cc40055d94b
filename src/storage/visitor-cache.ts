import type { TaggedVisitor } from "./types.js";

/** The last record a service read or wrote per visitor, with its tag, least recently used dropped first. */
export interface VisitorCache {
  get(visitorId: string): TaggedVisitor | undefined;
  /**
   * The entry without making it the most recently used: for a caller that sets or deletes it when done (a write
   * against it), which moves it then; moving it twice would cost every call two more steps of the Map.
   */
  peek(visitorId: string): TaggedVisitor | undefined;
  set(visitorId: string, known: TaggedVisitor): void;
  delete(visitorId: string): void;
}

/** An entry of the cache's recency list, most recently used at the head. */
interface Entry {
  readonly visitorId: string;
  known: TaggedVisitor;
  newer: Entry | null;
  older: Entry | null;
}

/**
 * A bounded least-recently-used map of visitors' records: a `Map` from visitor to entry, and the entries in a list
 * from the most recently used to the least, so that using an entry moves it to the head without touching the `Map`
 * (a `Map` delete and set per call, the simpler way to keep recency, fills the table with deleted slots that it
 * rebuilds every few dozen calls: 5 % of a CPU profile of the service at 64 visitors; bench/RESULTS.md, "Eleventh
 * round"). Nothing in it is trusted: every write sent against an entry is compare-and-set on its tag, so an entry
 * another server made stale only costs that call a second round trip. `size` 0 keeps nothing.
 *
 * @example
 * const cache = visitorCache(2_000);
 * cache.set("v1", { value: record, version: 3, commit: "…" });
 */
export function visitorCache(size: number): VisitorCache {
  const entries = new Map<string, Entry>();
  let newest: Entry | null = null;
  let oldest: Entry | null = null;
  const unlink = (entry: Entry): void => {
    if (entry.newer === null) newest = entry.older;
    else entry.newer.older = entry.older;
    if (entry.older === null) oldest = entry.newer;
    else entry.older.newer = entry.newer;
  };
  const toHead = (entry: Entry): void => {
    entry.newer = null;
    entry.older = newest;
    if (newest === null) oldest = entry;
    else newest.newer = entry;
    newest = entry;
  };
  /** Makes `entry` the most recently used. */
  const use = (entry: Entry): void => {
    if (entry === newest) return;
    unlink(entry);
    toHead(entry);
  };
  return {
    get(visitorId) {
      const entry = entries.get(visitorId);
      if (entry === undefined) return undefined;
      use(entry);
      return entry.known;
    },
    peek: (visitorId) => entries.get(visitorId)?.known,
    set(visitorId, known) {
      if (size <= 0) return;
      let entry = entries.get(visitorId);
      if (entry === undefined) {
        entry = { visitorId, known, newer: null, older: null };
        entries.set(visitorId, entry);
        toHead(entry);
        if (entries.size > size && oldest !== null) {
          entries.delete(oldest.visitorId);
          unlink(oldest);
        }
        return;
      }
      entry.known = known;
      use(entry);
    },
    delete(visitorId) {
      const entry = entries.get(visitorId);
      if (entry === undefined) return;
      entries.delete(visitorId);
      unlink(entry);
    },
  };
}
