import { hashFor } from "./hash-unit.js";

/**
 * Picks among ids the one with the smallest `hashUnit(purpose, seed, visitorId, id)`; equal hashes go to the
 * code-unit-wise smaller id. The winner depends only on the set of ids, never on their order, and different
 * visitors land on different ids evenly. Returns the winner's index (its first occurrence), or `-1` for no ids.
 *
 * @example
 * pickLowestHash("operator", ["7", "9"], "", "visitor-1") // => 0 or 1, the same every time
 */
export function pickLowestHash(
  purpose: string,
  ids: readonly string[],
  seed: string,
  visitorId: string,
): number {
  let best = -1;
  let bestId = "";
  let bestHash = Number.POSITIVE_INFINITY;
  const hashOf = hashFor(purpose, seed, visitorId);
  ids.forEach((id, index) => {
    const hash = hashOf(id);
    if (best === -1 || beatsOnHash(hash, id, bestHash, bestId)) {
      best = index;
      bestId = id;
      bestHash = hash;
    }
  });
  return best;
}

/**
 * The one ordering of every deterministic pick: the smaller hash wins, equal hashes go to the code-unit-wise
 * smaller id.
 *
 * @example
 * beatsOnHash(0.2, "b", 0.7, "a") // => true
 * beatsOnHash(0.5, "b", 0.5, "a") // => false
 */
export function beatsOnHash(hash: number, id: string, otherHash: number, otherId: string): boolean {
  return hash < otherHash || (hash === otherHash && id < otherId);
}
