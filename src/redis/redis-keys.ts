import { VISITOR_BUCKETS, visitorBucket } from "./visitor-bucket.js";

/** The keys one commit of a visitor may name: all in one Redis Cluster slot. */
export interface VisitorKeys {
  /** The visitor's hash (`version`, `value`, `commit`). */
  readonly record: string;
  /** The counters shard of the visitor's bucket (field: `counterKey(…)`, value: the count). */
  readonly counters: string;
  /** Where beckon 0.1 kept the record, when a script may name it with `record` (see {@link RedisKeys.legacy}). */
  readonly legacy?: string;
  /** On Redis Cluster, the slot of `record` (and so of every key here), worked out once. */
  readonly slot?: number | undefined;
}

/**
 * The keys a visitor's record may be stored under: its key, and its beckon 0.1 key where that may still be read.
 *
 * @example
 * recordKeys({ record: "beckon:{b104}:v:v1", counters: "beckon:{b104}:counters", legacy: "beckon:v:v1" }) // => ["beckon:{b104}:v:v1", "beckon:v:v1"]
 */
export function recordKeys(keys: VisitorKeys): string[] {
  return keys.legacy === undefined ? [keys.record] : [keys.record, keys.legacy];
}

/** The keys one Redis adapter touches; every one starts with its prefix. */
export interface RedisKeys {
  visitor(visitorId: string): VisitorKeys;
  /** Drops what {@link RedisKeys.visitor} keeps of a visitor (an erased visitor's id is not held on to). */
  forget(visitorId: string): void;
  /** Every counters shard, one per bucket: the counters are their sums. */
  counterShards: readonly string[];
  /** The single counters hash of beckon 0.1, still added to the shards' sums. */
  legacyCounters: string;
  /** The shared invitation set's hash (`version`, `value`, `commit`): no hash tag, so a slot of its own. */
  invitationSet: string;
  /** True when each visitor's 0.1 key is still read, and moved to its new key on the visitor's next write. */
  legacy: boolean;
}

/** Whether keys under a prefix can be spread over slots by beckon's hash tags (see {@link prefixHashTag}). */
export type PrefixHashTag = "none" | "own" | "empty";

// A UTF-16 code unit without its partner. Redis keys are bytes and such a unit becomes U+FFFD in UTF-8, so two ids
// differing only there would share a key if written raw.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** How many visitors' keys {@link redisKeys} keeps named. */
const NAMED_VISITORS = 4_096;

/**
 * Names the keys under `prefix`. Visitors are spread over {@link VISITOR_BUCKETS} buckets, each a hash tag
 * (`{b0}`…`{b255}`) holding its visitors' records and its own counters shard, so a commit names keys of one slot
 * and no single counters hash takes every write. Visitor ids go in raw after `v:` (readable in redis-cli); an id
 * holding a lone surrogate goes in JSON-escaped after `j:` instead. With `legacy`, each visitor also names the key
 * beckon 0.1 used (`<prefix>v:<id>`), to be read and moved; with `slotOf` (on a cluster), the slot of its keys.
 *
 * @example
 * redisKeys("beckon:", { legacy: false }).visitor("v1") // => { record: "beckon:{b104}:v:v1", counters: "beckon:{b104}:counters" }
 * redisKeys("beckon:", { legacy: false }).invitationSet // => "beckon:invitations"
 */
export function redisKeys(prefix: string, { legacy, slotOf }: { legacy: boolean; slotOf?: ((key: string) => number) | undefined }): RedisKeys {
  // Named once per bucket: every visitor call names its keys.
  const buckets = Array.from({ length: VISITOR_BUCKETS }, (_, index) => `${prefix}{b${index}}:`);
  const counterShards = buckets.map((bucket) => `${bucket}counters`);
  const name = (visitorId: string): VisitorKeys => {
    const index = visitorBucket(visitorId);
    const family = LONE_SURROGATE.test(visitorId) ? `j:${JSON.stringify(visitorId)}` : `v:${visitorId}`;
    const record = `${buckets[index] as string}${family}`;
    const counters = counterShards[index] as string;
    const slot = slotOf === undefined ? undefined : slotOf(record);
    return legacy ? { record, counters, legacy: `${prefix}${family}`, slot } : { record, counters, slot };
  };
  // The keys of the visitors served lately, as named before: every visitor call names its keys, and naming them
  // (the bucket's hash, the surrogate test, two or three joined strings the socket then copies flat) costs more than
  // a look-up of the id, whose hash the service's own maps have worked out already. Emptied when full.
  const named = new Map<string, VisitorKeys>();
  return {
    visitor: (visitorId) => {
      let keys = named.get(visitorId);
      if (keys === undefined) {
        if (named.size >= NAMED_VISITORS) named.clear();
        keys = name(visitorId);
        named.set(visitorId, keys);
      }
      return keys;
    },
    forget: (visitorId) => {
      named.delete(visitorId);
    },
    counterShards,
    legacyCounters: `${prefix}counters`,
    invitationSet: `${prefix}invitations`,
    legacy,
  };
}

/**
 * How Redis Cluster reads a hash tag in keys starting with `prefix` (the first `{` and the first `}` after it):
 * `"none"` when the prefix holds no complete tag, so beckon's bucket tags decide the slot; `"own"` when it holds
 * one (`"{beckon}:"`), which then puts every key in that one slot; `"empty"` when its first tag is `{}`, which makes
 * Redis hash each whole key, so a commit's keys would land in different slots.
 *
 * @example
 * prefixHashTag("beckon:") // => "none"
 * prefixHashTag("{beckon}:") // => "own"
 */
export function prefixHashTag(prefix: string): PrefixHashTag {
  const open = prefix.indexOf("{");
  if (open === -1) return "none";
  const close = prefix.indexOf("}", open + 1);
  if (close === -1) return "none";
  return close === open + 1 ? "empty" : "own";
}

/**
 * The key layout an adapter uses for `prefix` on one server or on a cluster. A visitor's 0.1 key is only read where
 * a script may name it together with the new ones: on one server, or on a cluster when the prefix's own hash tag
 * puts every key in one slot. A prefix whose first hash tag is empty is refused on a cluster (a commit's keys would
 * land in different slots). On a cluster, `slotOf` names each visitor's slot (`clusterSlot`).
 *
 * @example
 * layoutFor("beckon:", true).legacy // => false
 */
export function layoutFor(prefix: string, cluster: boolean, slotOf?: (key: string) => number): RedisKeys {
  const tag = prefixHashTag(prefix);
  if (cluster && tag === "empty") {
    throw new TypeError(`beckon/redis: the prefix ${JSON.stringify(prefix)} starts with an empty hash tag "{}", so Redis Cluster would put a commit's keys in different slots`);
  }
  return redisKeys(prefix, { legacy: !cluster || tag === "own", slotOf: cluster ? slotOf : undefined });
}
