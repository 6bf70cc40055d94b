/** How many buckets visitors are spread over: each bucket is one hash tag, so one Redis Cluster slot. */
export const VISITOR_BUCKETS = 256;

/**
 * The bucket a visitor's keys live in: FNV-1a (32 bits) over the id's UTF-16 code units, modulo
 * {@link VISITOR_BUCKETS}. It decides where records are stored, so it must never change: another function (or
 * bucket count) would look for every stored visitor in the wrong place.
 *
 * @example
 * visitorBucket("v1") // => 104
 */
export function visitorBucket(visitorId: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < visitorId.length; i++) {
    hash ^= visitorId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % VISITOR_BUCKETS;
}
