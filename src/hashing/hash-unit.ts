/**
 * Version of the {@link hashUnit} algorithm. Every deterministic choice (tie-break, variation, random operator)
 * depends on it, so any change to the algorithm below must bump it: visitors would otherwise silently switch
 * variations between releases.
 */
export const HASH_VERSION = 2;

const FNV_OFFSET_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const TWO_POW_32 = 0x1_0000_0000;

/**
 * Maps a choice key to a number uniform in `[0, 1)`, the same on every platform (pure JavaScript, no crypto
 * module, so it runs in browsers and edge runtimes).
 *
 * Algorithm, version 2 (a breaking change if altered: bump {@link HASH_VERSION}):
 * 1. Encode the parts `String(HASH_VERSION)`, `purpose`, `seed`, `visitorId` each as `` `${part.length}:${part}` ``
 *    (length in UTF-16 code units) and concatenate them; length prefixes make the encoding unambiguous: `("ab", "c")`
 *    and `("a", "bc")` differ. The *prefix* is FNV-1a 32-bit over the UTF-16 code units of that text (each unit
 *    XORed in whole, then multiplied by the FNV prime modulo 2^32), then the murmur3 `fmix32` finaliser.
 * 2. The *key* of `invitationId` is the same FNV-1a and `fmix32` over `` `${invitationId.length}:${invitationId}` ``
 *    alone.
 * 3. `fmix32(prefix XOR key)`, divided by 2^32.
 *
 * Splitting the choice into a per-visitor prefix and a per-invitation key lets evaluation compute each key once at
 * `compile` and break a tie among hundreds of invitations with one XOR and one `fmix32` each.
 *
 * @example
 * hashUnit("variation", "", "visitor-1", "welcome") // => a number in [0, 1), always the same one
 */
export function hashUnit(purpose: string, seed: string, visitorId: string, invitationId: string): number {
  return hashFor(purpose, seed, visitorId)(invitationId);
}

/**
 * {@link hashUnit} with the first three parts fixed: the prefix is computed once and each call only hashes the
 * last part. `hashFor(p, s, v)(id) === hashUnit(p, s, v, id)`.
 *
 * @example
 * const tie = hashFor("tie", "", "visitor-1");
 * tie("spring-sale") === hashUnit("tie", "", "visitor-1", "spring-sale") // => true
 */
export function hashFor(purpose: string, seed: string, visitorId: string): (invitationId: string) => number {
  const prefix = hashPrefix(purpose, seed, visitorId);
  return (invitationId) => hashWithKey(prefix, hashKey(invitationId));
}

/**
 * Step 1 of {@link hashUnit}: the per-visitor prefix, an unsigned 32-bit integer.
 *
 * @example
 * hashWithKey(hashPrefix("tie", "", "v1"), hashKey("a")) === hashUnit("tie", "", "v1", "a") // => true
 */
export function hashPrefix(purpose: string, seed: string, visitorId: string): number {
  let h = FNV_OFFSET_BASIS;
  h = part(h, VERSION_TEXT);
  h = part(h, purpose);
  h = part(h, seed);
  h = part(h, visitorId);
  return fmix32(h);
}

/**
 * Step 2 of {@link hashUnit}: the key of an id, an unsigned 32-bit integer (computed once per invitation at
 * `compile`).
 *
 * @example
 * hashKey("spring-sale") // => the same integer on every platform
 */
export function hashKey(id: string): number {
  return fmix32(part(FNV_OFFSET_BASIS, id));
}

/**
 * Step 3 of {@link hashUnit}: a prefix and a key combined into a number in `[0, 1)`.
 *
 * @example
 * hashWithKey(0, 0) // => 0
 */
export function hashWithKey(prefix: number, key: number): number {
  return fmix32(prefix ^ key) / TWO_POW_32;
}

const VERSION_TEXT = String(HASH_VERSION);
const COLON = 0x3a;
const ZERO = 0x30;

/** One length-prefixed part: the decimal digits of its length, `:`, then its UTF-16 code units. */
function part(hash: number, text: string): number {
  let h = digits(hash, text.length);
  h = Math.imul(h ^ COLON, FNV_PRIME);
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
}

/** Hashes the decimal digits of `n`, most significant first, without building the string. */
function digits(hash: number, n: number): number {
  let scale = 1;
  while (scale * 10 <= n) scale *= 10;
  let h = hash;
  for (; scale >= 1; scale /= 10) h = Math.imul(h ^ (ZERO + (Math.floor(n / scale) % 10)), FNV_PRIME);
  return h;
}

function fmix32(hash: number): number {
  let h = hash;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
