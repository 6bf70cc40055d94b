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

/**
 * A bounded least-recently-used map of visitors' records (a `Map` keeps insertion order, so the first key is the
 * oldest). Nothing in it is trusted: every write sent against an entry is compare-and-set on its tag, so an entry
 * another server made stale only costs that call a second round trip. `size` 0 keeps nothing.
 *
 * @example
 * const cache = visitorCache(2_000);
 * cache.set("v1", { value: record, version: 3, commit: "…" });
 */
export function visitorCache(size: number): VisitorCache {
  const entries = new Map<string, TaggedVisitor>();
  return {
    get(visitorId) {
      const known = entries.get(visitorId);
      if (known !== undefined) {
        entries.delete(visitorId);
        entries.set(visitorId, known);
      }
      return known;
    },
    peek: (visitorId) => entries.get(visitorId),
    set(visitorId, known) {
      if (size <= 0) return;
      entries.delete(visitorId);
      entries.set(visitorId, known);
      if (entries.size > size) entries.delete(entries.keys().next().value as string);
    },
    delete(visitorId) {
      entries.delete(visitorId);
    },
  };
}
