/** The keys one Redis adapter touches; every one starts with its prefix. */
export interface RedisKeys {
  /** A visitor's hash (`version`, `value`, `commit`). */
  visitor(visitorId: string): string;
  /** The counters hash (field: `counterKey(…)`, value: the count). */
  counters: string;
  /** The shared invitation set's hash (`version`, `value`, `commit`). */
  invitationSet: string;
}

// A UTF-16 code unit without its partner. Redis keys are bytes and such a unit becomes U+FFFD in UTF-8, so two ids
// differing only there would share a key if written raw.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Names the keys under `prefix`. Visitor ids go in raw after `v:` (readable in redis-cli, and UTF-8 tells every
 * well-formed string apart); an id holding a lone surrogate goes in JSON-escaped after `j:` instead. The four
 * families start differently (`v:`, `j:`, `counters`, `invitations`), so no id can reach another family's key.
 *
 * @example
 * redisKeys("beckon:").visitor("a:b") // => "beckon:v:a:b"
 * redisKeys("beckon:").counters // => "beckon:counters"
 */
export function redisKeys(prefix: string): RedisKeys {
  return {
    visitor: (visitorId) =>
      LONE_SURROGATE.test(visitorId) ? `${prefix}j:${JSON.stringify(visitorId)}` : `${prefix}v:${visitorId}`,
    counters: `${prefix}counters`,
    invitationSet: `${prefix}invitations`,
  };
}
