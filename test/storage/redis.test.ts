// DECISIONS (where docs/storage.md: Storage and the service is silent)
// * Key layout under the prefix (default "beckon:"): visitors spread over 256 buckets (hash tags `{b0}`…`{b255}`,
//   FNV-1a of the id); `{b<n>}:v:<visitorId>` one hash per visitor (`version`, `value` = JSON record, `commit` = id
//   of the write that made it); `{b<n>}:counters` the bucket's counters shard (field counterKey(...), HINCRBY; the
//   counters are the sums over the shards); `invitations` one hash for the shared set (`version`, `value`,
//   `commit`). Beckon 0.1's `v:<visitorId>` is read while the new key holds no version and removed by the write
//   that moves the record (a 0.1 key written after that is never read; erasure removes it); its `counters` hash still adds to the sums (test/storage/redis-cluster.test.ts runs the same layout on
//   Redis Cluster). An id holding a lone UTF-16 surrogate
//   (which UTF-8 would turn into U+FFFD) is stored JSON-escaped under `j:` instead, so no two ids share a key.
// * commitVisitor and putInvitationSet run one Lua script (EVALSHA, EVAL once on NOSCRIPT): checks first, then
//   counters, record and TTL; a version mismatch writes nothing and answers null.
// * Each write carries a commit id no writer used before: a command ioredis resends after a lost connection, whose first copy did
//   land, answers with its version instead of a conflict, so a caller's default client never applies a change twice.
// * A client made from `url` fails fast: one connection attempt per command (maxRetriesPerRequest 0), no resend of
//   unanswered writes, connectTimeout 2 s, commandTimeout 5 s; it keeps reconnecting in the background. Its lost
//   connection is reported with the connection error (ECONNREFUSED…) as `cause`.
// * Every call settles within `timeoutMs` (default 5 s) with a `timeout` StorageError: the adapter races each call
//   against it (a visitor call's deadline fails the ioredis Command in flight, as ioredis's own commandTimeout
//   does), so a caller's client without a command timeout is covered; a client made from `url` also gets it as its
//   commandTimeout (and its connectTimeout, when shorter than 2 s).
// * Counter increments must be whole numbers (HINCRBY); anything else rejects before anything is written.
// * visitorTtlSeconds is refreshed on every visitor write; counters and the invitation set never expire.
// * Unreadable stored data (bad JSON, a record without state/events, a non-numeric version or count) rejects with
//   code "corrupt_record".
// * coalesceWrites (default on): the client's ready sockets are corked from an adapter call to the next tick, so the
//   commands of the calls started in one turn leave in writes of CALLS_PER_WRITE (8) per connection.
import fc from "fast-check";
import { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { emptyState } from "../../src/index.js";
import { createRedisStorage } from "../../src/redis/index.js";
import { CALLS_PER_WRITE } from "../../src/redis/coalesce-writes.js";
import { prefixHashTag, redisKeys } from "../../src/redis/redis-keys.js";
import { VISITOR_BUCKETS, visitorBucket } from "../../src/redis/visitor-bucket.js";
import { createBeckon, isStorageError, type CounterIncrement, type StorageAdapter, type VisitorRecord, type VisitorTag } from "../../src/storage/index.js";
import { updateVisitor } from "../../src/storage/update-visitor.js";
import { confirmCases } from "./confirm-cases.js";
import { describeStorageContract } from "./contract.js";
import { startCuttingProxy, type CuttingProxy } from "./cutting-proxy.js";
import { deleteKeysUnder, keysUnder, recordKey, shardKey, uniquePrefix } from "./redis-keys-under.js";
import { countSocketWrites } from "./socket-writes.js";

const REDIS_PORT = 6379;
const at = Date.UTC(2026, 10, 26, 10);
const record = (lastUrl?: string): VisitorRecord => ({ state: emptyState(), events: [], ...(lastUrl ? { lastUrl } : {}) });
const shown: CounterIncrement = { invitationId: "a", variationId: "a", counter: "shown" };

/** A client of the tests' own, outside any adapter; `error` events surface through the failing commands. */
function directClient(port = REDIS_PORT, db = 0): Redis {
  const client = new Redis({ port, db });
  client.on("error", () => {});
  return client;
}

let direct: Redis;
const prefixes: string[] = [];
const adapters: StorageAdapter[] = [];
const fresh = (prefix = uniquePrefix()): StorageAdapter => {
  prefixes.push(prefix);
  const storage = createRedisStorage({ client: direct, prefix });
  adapters.push(storage);
  return storage;
};

/** A client of the test's own (so its commands and socket writes are its alone), connected, and an adapter over it. */
async function ownAdapter(coalesceWrites?: boolean): Promise<{ client: Redis; prefix: string; storage: StorageAdapter }> {
  const client = directClient();
  await client.ping();
  const prefix = uniquePrefix();
  prefixes.push(prefix);
  const storage = createRedisStorage(coalesceWrites === undefined ? { client, prefix } : { client, prefix, coalesceWrites });
  return { client, prefix, storage };
}

beforeAll(() => {
  direct = directClient();
});
afterEach(async () => {
  await Promise.all(adapters.splice(0).map((storage) => storage.close()));
  await Promise.all(prefixes.splice(0).map((prefix) => deleteKeysUnder(direct, prefix)));
});
afterAll(async () => {
  await direct.quit();
});

describeStorageContract("redis", async () => {
  const prefix = uniquePrefix();
  const storage = fresh(prefix);
  const hash = (key: string, version: number | string, json: string) => direct.hset(key, "version", String(version), "value", json);
  return {
    storage,
    // Another server: a client and an adapter of its own on the same prefix.
    twin: async () => {
      const client = directClient();
      const twin = createRedisStorage({ client, prefix });
      return { ...twin, close: async () => void (await client.quit()) };
    },
    damageVisitor: async (visitorId, version, json) => void (await hash(recordKey(prefix, visitorId), version, json)),
    damageInvitationSet: async (version, json) => void (await hash(`${prefix}invitations`, version, json)),
    rawVisitor: (visitorId) => direct.hgetall(recordKey(prefix, visitorId)),
    holds: { notJson: true, textVersion: true },
    // Redis has no purge: a visitor's record (state and events, one hash) expires visitorTtlSeconds after its last write.
    expiring: async (ttlSeconds) => createRedisStorage({ client: direct, prefix, visitorTtlSeconds: ttlSeconds }),
  };
});

/** Reads what is really stored for a visitor, bypassing the adapter: its version and the "shown" count. */
async function storedState(prefix: string, visitorId: string): Promise<{ version: string | null; shown: string | null }> {
  const [version, count] = await Promise.all([
    direct.hget(recordKey(prefix, visitorId), "version"),
    direct.hget(shardKey(prefix, visitorId), JSON.stringify(["a", "a", "shown"])),
  ]);
  return { version, shown: count };
}

/** Expects `promise` to reject with a StorageError from the Redis adapter that keeps its cause. */
async function expectRedisFailure(promise: Promise<unknown>): Promise<void> {
  const error: unknown = await promise.then(
    () => new Error("expected a rejection"),
    (reason: unknown) => reason,
  );
  expect(isStorageError(error)).toBe(true);
  expect(error).toMatchObject({ name: "StorageError", adapter: "redis", code: "storage_failed" });
  expect((error as Error).cause).toBeDefined();
}

describe("createRedisStorage", () => {
  it("keeps each prefix's visitors, counters and set apart, and touches no key outside its prefix", async () => {
    // Database 9 holds nothing else, so every key that appears there was written by these adapters.
    const isolated = directClient(REDIS_PORT, 9);
    const [first, second] = [uniquePrefix(), uniquePrefix()] as const;
    try {
      const before = await keysUnder(isolated, "");
      const a = createRedisStorage({ client: isolated, prefix: first });
      const b = createRedisStorage({ client: isolated, prefix: second });
      await a.commitVisitor("v1", record("/a"), 0, [shown]);
      await a.putInvitationSet({ invitations: [], definitions: [] });
      expect(await b.getVisitor("v1")).toBeNull();
      expect(await b.readCounters()).toEqual([]);
      expect(await b.getInvitationSet()).toBeNull();
      expect(await b.getInvitationSetVersion()).toBe(0);
      expect(await b.commitVisitor("v1", record("/b"), 0)).toBe(1);
      await b.deleteVisitor("v1");
      expect((await a.getVisitor("v1"))?.value.lastUrl).toBe("/a");
      const added = (await keysUnder(isolated, "")).filter((key) => !before.includes(key));
      expect(added).toEqual([shardKey(first, "v1"), `${first}invitations`, recordKey(first, "v1")].sort());
    } finally {
      await deleteKeysUnder(isolated, first);
      await deleteKeysUnder(isolated, second);
      await isolated.quit();
    }
  });

  it("reads a visitor kept under beckon 0.1's key, and moves it to its bucket's key on the next write", async () => {
    const prefix = uniquePrefix();
    const storage = fresh(prefix);
    const old = `${prefix}v:old`;
    await direct.hset(old, "version", "3", "value", JSON.stringify(record("/old")), "commit", "from-0.1");
    expect(await storage.getVisitor("old")).toEqual({ value: record("/old"), version: 3 });
    expect(await storage.commitVisitor("old", record("/stale"), 2, [shown])).toBeNull();
    expect(await direct.exists(recordKey(prefix, "old"))).toBe(0);
    expect(await storage.commitVisitor("old", record("/new"), 3, [shown])).toBe(4);
    expect(await direct.exists(old)).toBe(0);
    expect(await direct.hget(recordKey(prefix, "old"), "version")).toBe("4");
    expect(await storage.getVisitor("old")).toEqual({ value: record("/new"), version: 4 });
    await direct.hset(`${prefix}v:gone`, "version", "1", "value", JSON.stringify(record()));
    await storage.deleteVisitor("gone");
    expect(await direct.exists(`${prefix}v:gone`)).toBe(0);
  });

  it("moves a 0.1 record on its first sync write; a 0.1 key written after the move is never read, and only erasure removes it", async () => {
    const prefix = uniquePrefix();
    const storage = fresh(prefix);
    const old = `${prefix}v:old`;
    await direct.hset(old, "version", "3", "value", JSON.stringify(record("/old")), "commit", "from-0.1");
    const read = await storage.syncVisitor!("old", null);
    expect(read).toEqual({ ok: false, current: { value: record("/old"), version: 3, commit: "from-0.1" } });
    const moved = await storage.syncVisitor!("old", { version: 3, commit: "from-0.1" }, record("/new"), [shown]);
    expect(moved).toMatchObject({ ok: true, tag: { version: 4 } });
    expect(await direct.exists(old)).toBe(0);
    // An old server still writing its key after the move: nobody reads it, later writes leave it be.
    await direct.hset(old, "version", "9", "value", JSON.stringify(record("/straggler")));
    const tag = (moved as { tag: { version: number; commit: string } }).tag;
    expect(await storage.syncVisitor!("old", tag, record("/newer"), [])).toMatchObject({ ok: true, tag: { version: 5 } });
    expect(await storage.getVisitor("old")).toEqual({ value: record("/newer"), version: 5 });
    expect(await direct.hget(old, "value")).toBe(JSON.stringify(record("/straggler")));
    expect(await storage.forgetVisitor("old")).toBe(true);
    expect(await direct.exists(old)).toBe(0);
  });

  it("forgets a visitor still under beckon 0.1's key: the empty record at the next version on the new key, no copy left", async () => {
    const prefix = uniquePrefix();
    const storage = fresh(prefix);
    const full: VisitorRecord = { ...record("/old"), events: [{ name: "viewed", at }] };
    await direct.hset(`${prefix}v:old`, "version", "3", "value", JSON.stringify(full), "commit", "from-0.1");
    expect(await storage.forgetVisitor("old")).toBe(true);
    expect(await direct.exists(`${prefix}v:old`)).toBe(0);
    expect(await direct.hgetall(recordKey(prefix, "old"))).toMatchObject({ version: "4", commit: "from-0.1" });
    expect((await storage.getVisitor("old"))?.version).toBe(4);
    expect((await storage.getVisitor("old"))?.value.events).toEqual([]);
    // A 0.1 key left beside a newer record (an old server still writing) is erased with it.
    await direct.hset(`${prefix}v:old`, "version", "9", "value", JSON.stringify(full));
    expect(await storage.forgetVisitor("old")).toBe(true);
    expect(await direct.exists(`${prefix}v:old`)).toBe(0);
    expect((await storage.getVisitor("old"))?.version).toBe(5);
    await direct.hset(`${prefix}v:broken`, "version", "x", "value", "{}");
    expect(await storage.forgetVisitor("broken")).toBe(true);
    expect(await direct.exists(`${prefix}v:broken`)).toBe(0);
  });

  it("compares a stored commit id holding spaces like any other (the write sends it last, whole)", async () => {
    const prefix = uniquePrefix();
    const storage = fresh(prefix);
    await direct.hset(recordKey(prefix, "odd"), "version", "2", "value", JSON.stringify(record("/a")), "commit", "made elsewhere, with spaces ");
    const read = await storage.syncVisitor!("odd", null);
    expect(read).toMatchObject({ ok: false, current: { version: 2, commit: "made elsewhere, with spaces " } });
    expect(await storage.syncVisitor!("odd", { version: 2, commit: "made elsewhere," }, record("/b"), [])).toMatchObject({ ok: false });
    expect(await storage.syncVisitor!("odd", { version: 2, commit: "made elsewhere, with spaces " }, record("/b"), [])).toMatchObject({
      ok: true,
      tag: { version: 3 },
    });
    expect((await storage.getVisitor("odd"))?.value.lastUrl).toBe("/b");
  });

  it("adds beckon 0.1's counters hash and every bucket's shard up exactly", async () => {
    const prefix = uniquePrefix();
    const storage = fresh(prefix);
    await direct.hset(`${prefix}counters`, JSON.stringify(["a", "a", "shown"]), "5");
    const visitors = Array.from({ length: 200 }, (_, i) => `visitor-${i}`);
    await Promise.all(visitors.map((id) => storage.commitVisitor(id, record(), 0, [shown, { ...shown, counter: "closed", by: 2 }])));
    const shards = new Set(visitors.map((id) => shardKey(prefix, id)));
    expect(shards.size).toBeGreaterThan(100);
    expect(await storage.readCounters()).toEqual([
      { invitationId: "a", variationId: "a", counter: "closed", value: 400 },
      { invitationId: "a", variationId: "a", counter: "shown", value: 205 },
    ]);
  });

  it("keeps ids apart that differ only in lone surrogates", async () => {
    const storage = fresh();
    const ids = ["\uD800", "\uDBFF", "\uFFFD", "a\uDC00", "\uD83D\uDE00", "\uDE00\uD83D"];
    for (const [i, id] of ids.entries()) await storage.commitVisitor(id, record(String(i)), 0);
    for (const [i, id] of ids.entries()) expect((await storage.getVisitor(id))?.value.lastUrl).toBe(String(i));
  });

  it("sets visitorTtlSeconds on a visitor key and refreshes it on each write", async () => {
    const prefix = uniquePrefix();
    prefixes.push(prefix);
    const storage = createRedisStorage({ client: direct, prefix, visitorTtlSeconds: 60 });
    await storage.commitVisitor("v1", record(), 0, [shown]);
    const ttl = await direct.pttl(recordKey(prefix, "v1"));
    expect(ttl).toBeGreaterThan(50_000);
    expect(ttl).toBeLessThanOrEqual(60_000);
    await direct.pexpire(recordKey(prefix, "v1"), 5_000);
    await storage.commitVisitor("v1", record(), 1);
    expect(await direct.pttl(recordKey(prefix, "v1"))).toBeGreaterThan(50_000);
    expect(await direct.pttl(shardKey(prefix, "v1"))).toBe(-1);
  });

  it("keeps visitor keys without an expiry when no visitorTtlSeconds is given", async () => {
    const prefix = uniquePrefix();
    await fresh(prefix).commitVisitor("v1", record(), 0);
    expect(await direct.pttl(recordKey(prefix, "v1"))).toBe(-1);
  });

  it("refuses a visitorTtlSeconds that is not above 0, and both a client and a url", () => {
    for (const seconds of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => createRedisStorage({ client: direct, visitorTtlSeconds: seconds })).toThrow(RangeError);
    }
    expect(() => createRedisStorage({ client: direct, url: "redis://127.0.0.1:6379" })).toThrow(TypeError);
  });

  it("refuses an increment that is not a whole number and writes nothing", async () => {
    const prefix = uniquePrefix();
    const storage = fresh(prefix);
    await expect(storage.commitVisitor("v1", record(), 0, [{ ...shown, by: 1.5 }])).rejects.toMatchObject({ adapter: "redis" });
    expect(await storage.getVisitor("v1")).toBeNull();
    expect(await storage.readCounters()).toEqual([]);
  });

  it("rejects unreadable stored data with corrupt_record, and writes nothing over a corrupt version", async () => {
    const prefix = uniquePrefix();
    const storage = fresh(prefix);
    const corrupt = { name: "StorageError", adapter: "redis", code: "corrupt_record" };
    await direct.hset(recordKey(prefix, "json"), "version", "1", "value", "{not json");
    await expect(storage.getVisitor("json")).rejects.toMatchObject(corrupt);
    await direct.hset(recordKey(prefix, "shape"), "version", "1", "value", "[]");
    await expect(storage.getVisitor("shape")).rejects.toMatchObject(corrupt);
    await direct.hset(recordKey(prefix, "version"), "version", "one", "value", JSON.stringify(record()));
    await expect(storage.getVisitor("version")).rejects.toMatchObject(corrupt);
    await expect(storage.commitVisitor("version", record("/new"), 1, [shown])).rejects.toMatchObject(corrupt);
    expect(await direct.hget(recordKey(prefix, "version"), "value")).toBe(JSON.stringify(record()));
    expect(await direct.exists(shardKey(prefix, "version"))).toBe(0);
    await direct.hset(`${prefix}invitations`, "version", "2.5");
    await expect(storage.getInvitationSetVersion()).rejects.toMatchObject(corrupt);
    await direct.hset(shardKey(prefix, "elsewhere"), JSON.stringify(["a", "a", "shown"]), "lots");
    await expect(storage.readCounters()).rejects.toMatchObject(corrupt);
  });

  it("reports a key of another type, and a counter that is no whole number, as corrupt_record, writing nothing", async () => {
    const prefix = uniquePrefix();
    const storage = fresh(prefix);
    await direct.set(recordKey(prefix, "listy"), "not a hash");
    await expect(storage.getVisitor("listy")).rejects.toMatchObject({ adapter: "redis", code: "corrupt_record", visitorId: "listy" });
    await expect(storage.commitVisitor("listy", record(), 0)).rejects.toMatchObject({ code: "corrupt_record", visitorId: "listy" });
    expect(await direct.get(recordKey(prefix, "listy"))).toBe("not a hash");
    // A commit raising two counters, the second one damaged: neither counter, nor the record, may move.
    const other = { invitationId: "b", variationId: "b", counter: "shown" as const };
    await direct.hset(shardKey(prefix, "v1"), JSON.stringify(["b", "b", "shown"]), "lots");
    await expect(storage.commitVisitor("v1", record("/new"), 0, [shown, other])).rejects.toMatchObject({ code: "corrupt_record" });
    expect(await direct.exists(recordKey(prefix, "v1"))).toBe(0);
    expect(await direct.hgetall(shardKey(prefix, "v1"))).toEqual({ [JSON.stringify(["b", "b", "shown"])]: "lots" });
  });

  it("sends the commands of calls started in one turn in writes of CALLS_PER_WRITE, unless coalesceWrites is false", async () => {
    const writesFor = async (coalesceWrites: boolean, calls: number): Promise<{ writes: number; read: (VisitorRecord | null)[] }> => {
      const { client, storage } = await ownAdapter(coalesceWrites);
      await storage.commitVisitor("v3", record("https://example.com/3"), 0);
      const writes = countSocketWrites([client.stream]);
      const read = await Promise.all(Array.from({ length: calls }, (_, i) => storage.getVisitor(`v${i}`)));
      const counted = writes();
      await client.quit();
      return { writes: counted, read: read.map((stored) => stored?.value ?? null) };
    };
    expect(CALLS_PER_WRITE).toBe(8);
    const [few, many, single] = [await writesFor(true, 8), await writesFor(true, 20), await writesFor(false, 20)];
    expect(few.writes).toBe(1);
    // 8 + 8 + 4: Redis starts on the first commands while the others are still being made.
    expect(many.writes).toBe(3);
    expect(single.writes).toBe(20);
    expect(many.read).toEqual(single.read);
    expect(few.read).toEqual(single.read.slice(0, 8));
    expect(many.read.filter((value) => value !== null)).toEqual([record("https://example.com/3")]);
  });

  it("sends the second command of calls resumed in one turn in shared writes too, not one write each", async () => {
    const { client, prefix, storage } = await ownAdapter();
    const sync = storage.syncVisitor!;
    const ids = Array.from({ length: CALLS_PER_WRITE }, (_, i) => `v${i}`);
    const tags = await Promise.all(ids.map((id) => sync(id, { version: 0, commit: null }, record("/mine"))));
    // Another server writes every one of them: each tag is stale, so each confirmation reads the record next.
    for (const id of ids) await direct.hset(recordKey(prefix, id), "version", "9", "value", JSON.stringify(record("/theirs")), "commit", "theirs");
    const writes = countSocketWrites([client.stream]);
    const answers = await Promise.all(ids.map((id, i) => sync(id, (tags[i] as { tag: VisitorTag }).tag)));
    const counted = writes();
    await client.quit();
    expect(answers).toEqual(ids.map(() => ({ ok: false, current: { value: record("/theirs"), version: 9, commit: "theirs" } })));
    // One write for the confirmations; their replies come back together (or in a few reads), and the reads they
    // start leave together: a write per read would be CALLS_PER_WRITE more.
    expect(counted).toBeGreaterThanOrEqual(2);
    expect(counted).toBeLessThanOrEqual(3);
  });

  it("reads a new visitor in one command where a 0.1 key may still be read, whatever commit id is stored", async () => {
    const { client, prefix, storage } = await ownAdapter(false);
    const sync = storage.syncVisitor!;
    await sync("warm", null);
    const writes = countSocketWrites([client.stream]);
    expect(await sync("new", null)).toEqual({ ok: false, current: null });
    expect(writes()).toBe(1);
    // "-" is what a read gives the script as the new commit id: a record stored with it by hand is still read.
    await direct.hset(recordKey(prefix, "dash"), "version", "2", "value", JSON.stringify(record("/dash")), "commit", "-");
    expect(await sync("dash", null)).toEqual({ ok: false, current: { value: record("/dash"), version: 2, commit: "-" } });
    await direct.hset(`${prefix}v:old`, "version", "4", "value", JSON.stringify(record("/old")), "commit", "-");
    expect(await sync("old", null)).toEqual({ ok: false, current: { value: record("/old"), version: 4, commit: "-" } });
    expect(writes()).toBe(3);
    await client.quit();
  });

  it("confirms a visitor with nothing stored in one round trip, both keys looked at; a 0.1 record appearing is read", async () => {
    const { client, prefix, storage } = await ownAdapter(false);
    const beckon = createBeckon({
      storage,
      invitations: [{ id: "locked", message: "Trouble?", events: [{ event: "login_failed", minCount: 2, withinSeconds: 600 }] }],
      events: [{ name: "login_failed", storeTimeoutSeconds: 0.005 }, { name: "viewed_plan" }],
    });
    // An event no condition counts writes nothing: the visitor keeps having nothing stored.
    expect(await beckon.logEvent("quiet", { name: "viewed_plan" }, at)).toBe("appended");
    const writes = countSocketWrites([client.stream]);
    for (let i = 1; i <= 5; i++) expect(await beckon.logEvent("quiet", { name: "viewed_plan" }, at + i)).toBe("appended");
    expect(writes()).toBe(5);
    expect(await keysUnder(direct, prefix)).toEqual([]);
    // A server still on 0.1 writes the visitor under its old key: the next call finds it and works on it.
    const old = { ...record("/old"), events: [{ name: "login_failed", at }] };
    await direct.hset(`${prefix}v:quiet`, "version", "3", "value", JSON.stringify(old), "commit", "from-0.1");
    expect(await beckon.logEvent("quiet", { name: "login_failed" }, at + 10)).toBe("appended");
    expect((await beckon.visitor("quiet"))?.events).toEqual([{ name: "login_failed", at }, { name: "login_failed", at: at + 10 }]);
    await client.quit();
  });

  it("serves visitors through a caller's client with its own key prefix, auto-pipelining or friendly error stacks", async () => {
    // The visitor calls send ioredis Commands of their own: the client's key prefix and error stacks must hold as its
    // own methods would keep them, and auto-pipelining must not get in the way.
    const settings = [{ keyPrefix: "caller:" }, { enableAutoPipelining: true }, { showFriendlyErrorStack: true }];
    for (const options of settings) {
      const client = new Redis({ port: REDIS_PORT, ...options });
      client.on("error", () => {});
      const prefix = uniquePrefix();
      const stored = `${options.keyPrefix ?? ""}${prefix}`;
      prefixes.push(stored);
      const beckon = createBeckon({ storage: createRedisStorage({ client, prefix }), invitations: [{ id: "hi", message: "Hi", pageviews: 1 }] });
      try {
        expect(await beckon.check({ id: "v1", url: "/a" }, { at, pageView: true })).toMatchObject({ status: "selected", invitation: { id: "hi" } });
        expect(await beckon.shown("v1", at + 1)).toBe(true);
        expect(await beckon.check({ id: "v1", url: "/a" }, { at: at + 2 })).toMatchObject({ status: "current", invitation: { id: "hi" } });
        expect(await beckon.check({ id: "v1", url: "/a" }, { at: at + 3 })).toMatchObject({ status: "current" });
        expect(await beckon.stats()).toEqual([expect.objectContaining({ invitationId: "hi", assigned: 1, shown: 1 })]);
        expect(await direct.hget(recordKey(stored, "v1"), "version")).toBe("2");
        if (options.keyPrefix !== undefined) expect(await keysUnder(direct, prefix)).toEqual([]);
      } finally {
        await client.quit();
      }
    }
  });

  it("confirms a visitor's tag in one command while it holds; else the record stored now comes back", async () => {
    const client = directClient();
    const prefix = uniquePrefix();
    prefixes.push(prefix);
    try {
      await confirmCases(client, direct, prefix, (visitorId) => `${prefix}v:${visitorId}`);
    } finally {
      await client.quit();
    }
  });

  it("leaves a caller's client open on close", async () => {
    await fresh().close();
    expect(await direct.ping()).toBe("PONG");
  });

  it("quits the client it made from a url on close; later calls reject with a StorageError", async () => {
    const storage = createRedisStorage({ url: `redis://127.0.0.1:${REDIS_PORT}`, prefix: uniquePrefix() });
    expect(await storage.getVisitor("v1")).toBeNull();
    await storage.close();
    await storage.close();
    await expect(storage.getVisitor("v1")).rejects.toMatchObject({ name: "StorageError", adapter: "redis" });
  });

  it("loses no update when two servers (two clients) write one visitor 64 times at once", async () => {
    const prefix = uniquePrefix();
    prefixes.push(prefix);
    const clients = [directClient(), directClient()];
    const servers = clients.map((client) => createRedisStorage({ client, prefix }));
    try {
      await Promise.all(
        Array.from({ length: 64 }, (_, i) =>
          updateVisitor(servers[i % 2] as StorageAdapter, "busy", 1000, (current) => ({
            record: { ...current, events: [...current.events, { name: "hit", at: at + i }] },
            increments: [shown],
            result: null,
          })),
        ),
      );
      const stored = await createRedisStorage({ client: direct, prefix }).getVisitor("busy");
      expect(stored?.version).toBe(64);
      expect(stored?.value.events).toHaveLength(64);
      expect(await storedState(prefix, "busy")).toEqual({ version: "64", shown: "64" });
    } finally {
      await Promise.all(clients.map((client) => client.quit()));
    }
  });
});

describe("the Redis key layout", () => {
  it("keeps every visitor in the bucket it had when written: the bucket function and count never change", () => {
    // Pinned: another hash or bucket count would look for every stored visitor under the wrong key.
    expect(VISITOR_BUCKETS).toBe(256);
    expect(["v1", "", "a", "visitor-0", "ünï ✓"].map(visitorBucket)).toEqual([104, 197, 44, 188, 169]);
    expect(redisKeys("beckon:", { legacy: true }).visitor("v1")).toEqual({
      record: "beckon:{b104}:v:v1",
      counters: "beckon:{b104}:counters",
      legacy: "beckon:v:v1",
    });
    expect(redisKeys("beckon:", { legacy: false }).visitor("\uD800").record).toBe('beckon:{b31}:j:"\\ud800"');
  });

  it("names a visitor's keys the same on every call, however many other visitors were named in between", () => {
    // The adapter keeps the keys of visitors named lately (and forgets them all when it holds too many): whatever it
    // kept, each call must give the keys the layout names, written out here from its rule.
    const wellFormed = (id: string): boolean => {
      try {
        encodeURIComponent(id); // throws URIError on a lone surrogate
        return true;
      } catch {
        return false;
      }
    };
    const layout = (prefix: string, id: string) => {
      const family = wellFormed(id) ? `v:${id}` : `j:${JSON.stringify(id)}`;
      const bucket = `${prefix}{b${visitorBucket(id)}}:`;
      return { record: `${bucket}${family}`, counters: `${bucket}counters`, legacy: `${prefix}${family}` };
    };
    const keys = redisKeys("p:", { legacy: true });
    const crowd = Array.from({ length: 5_000 }, (_, i) => `crowd-${i}`);
    fc.assert(
      fc.property(fc.array(fc.string({ unit: "binary", maxLength: 12 }), { minLength: 1, maxLength: 20 }), fc.nat(crowd.length), (ids, between) => {
        for (const id of ids) expect(keys.visitor(id)).toEqual(layout("p:", id));
        // Enough other visitors, at times, to make the adapter forget what it kept.
        for (const other of crowd.slice(0, between)) keys.visitor(other);
        for (const id of ids) expect(keys.visitor(id)).toEqual(layout("p:", id));
      }),
      { numRuns: 60 },
    );
    expect(redisKeys("p:", { legacy: false }).visitor("v1")).toEqual({ record: "p:{b104}:v:v1", counters: "p:{b104}:counters" });
    // A forgotten visitor's keys are named afresh (what was kept of them is gone), and come out the same.
    const kept = keys.visitor("erased");
    expect(keys.visitor("erased")).toBe(kept);
    keys.forget("erased");
    const named = keys.visitor("erased");
    expect(named).not.toBe(kept);
    expect(named).toEqual(layout("p:", "erased"));
  });

  it("spreads ids over every bucket, none holding more than twice its share", () => {
    const counts = new Array<number>(VISITOR_BUCKETS).fill(0);
    for (let i = 0; i < 100_000; i++) counts[visitorBucket(`visitor-${i}`)]! += 1;
    expect(Math.min(...counts)).toBeGreaterThan(0);
    expect(Math.max(...counts)).toBeLessThan((2 * 100_000) / VISITOR_BUCKETS);
  });

  it("reads a prefix's hash tag as Redis Cluster does", () => {
    expect(["beckon:", "a{", "}{x", "{beckon}:", "a{b}{}", "a{}:", "{}{b}"].map(prefixHashTag)).toEqual([
      "none", "none", "none", "own", "own", "empty", "empty",
    ]);
  });
});

describe("createRedisStorage when Redis fails", () => {
  it("rejects every call quickly with a StorageError naming redis when the connection is refused", async () => {
    const storage = createRedisStorage({ url: "redis://127.0.0.1:1" });
    const started = performance.now();
    await expectRedisFailure(storage.getVisitor("v1"));
    await expectRedisFailure(storage.commitVisitor("v1", record(), 0, [shown]));
    await expectRedisFailure(storage.deleteVisitor("v1"));
    await expectRedisFailure(storage.getInvitationSet());
    await expectRedisFailure(storage.getInvitationSetVersion());
    await expectRedisFailure(storage.putInvitationSet({ invitations: [], definitions: [] }));
    await expectRedisFailure(storage.readCounters());
    await expect(storage.getVisitor("v1")).rejects.toMatchObject({ cause: { code: "ECONNREFUSED" } });
    expect(performance.now() - started).toBeLessThan(5_000);
    await storage.close();
  });

  describe("a server that stops answering", () => {
    const timeoutMs = 400;
    const slack = 600;

    async function timesOut(promise: Promise<unknown>): Promise<void> {
      const started = performance.now();
      const error: unknown = await promise.then(
        () => new Error("expected a rejection"),
        (reason: unknown) => reason,
      );
      expect(performance.now() - started).toBeLessThan(timeoutMs + slack);
      expect(error, String(error)).toMatchObject({ name: "StorageError", adapter: "redis", code: "timeout" });
    }

    it("settles every call of a client made from a url with a timeout", async () => {
      const proxy = await startCuttingProxy(REDIS_PORT);
      proxy.silence();
      const storage = createRedisStorage({ url: `redis://127.0.0.1:${proxy.port}`, prefix: uniquePrefix(), timeoutMs });
      await timesOut(storage.getVisitor("v1"));
      await timesOut(storage.commitVisitor("v1", record(), 0, [shown]));
      await timesOut(storage.readCounters());
      await storage.close();
      await proxy.close();
    });

    /** An adapter over a caller's client (no command timeout of its own) reaching Redis through a proxy. */
    async function behindSilentProxy(): Promise<{ proxy: CuttingProxy; client: Redis; prefix: string; storage: StorageAdapter }> {
      const proxy = await startCuttingProxy(REDIS_PORT);
      const client = directClient(proxy.port);
      const prefix = uniquePrefix();
      prefixes.push(prefix);
      return { proxy, client, prefix, storage: createRedisStorage({ client, prefix, timeoutMs }) };
    }

    it("settles a visitor's sync with a timeout at every step: a read, a confirmation, a write, a stale tag's second read", async () => {
      const { proxy, client, prefix, storage } = await behindSilentProxy();
      const sync = storage.syncVisitor!;
      try {
        expect(await sync("v1", null)).toEqual({ ok: false, current: null });
        const written = await sync("v1", { version: 0, commit: null }, record("/first"), [shown]);
        if (!written.ok || written.tag === null) throw new Error(`the first write answered ${JSON.stringify(written)}`);
        // Another server moves the record on: the tag's confirmation (an HGET) goes through, the read it then makes
        // of the record stored now (on one server, the script's read of both keys) is held, and the call still
        // settles by its deadline.
        expect(await fresh(prefix).commitVisitor("v1", record("/elsewhere"), 1, [])).toBe(2);
        proxy.silenceOn((chunk) => /evalsha|hmget/i.test(chunk.toString()));
        await timesOut(sync("v1", written.tag));
        proxy.resume();
        proxy.silence();
        await timesOut(sync("v1", null));
        await timesOut(sync("v1", written.tag));
        await timesOut(sync("v1", written.tag, record("/second"), [shown]));
        await timesOut(sync("v2", { version: 0, commit: null }));
        proxy.resume();
        // The late answers go to the calls that gave up; later calls get their own.
        expect(await sync("v1", null)).toMatchObject({ ok: false, current: { version: 2, value: { lastUrl: "/elsewhere" } } });
        expect(await storedState(prefix, "v1")).toEqual({ version: "2", shown: "1" });
      } finally {
        client.disconnect();
        await proxy.close();
      }
    });

    it("settles confirmations gathered in one command each by its own deadline, and does nothing more for them once it is back", async () => {
      const { proxy, client, prefix, storage } = await behindSilentProxy();
      const sync = storage.syncVisitor!;
      try {
        const tags = await Promise.all(
          ["a", "b", "c"].map(async (id) => {
            const written = await sync(id, { version: 0, commit: null }, record(`/${id}`));
            if (!written.ok || written.tag === null) throw new Error(`the first write answered ${JSON.stringify(written)}`);
            return written.tag;
          }),
        );
        // "b" moved on: its late answer would ask for a read of the record, for a call that has failed already.
        expect(await fresh(prefix).commitVisitor("b", record("/elsewhere"), 1, [])).toBe(2);
        proxy.silence();
        const sent: string[] = [];
        const methods = client as unknown as { sendCommand: (command: { name: string }) => unknown };
        const send = methods.sendCommand.bind(client);
        methods.sendCommand = (command) => {
          sent.push(command.name);
          return send(command);
        };
        await Promise.all(["a", "b", "c"].map((id, index) => timesOut(sync(id, tags[index] as VisitorTag))));
        expect(sent).toEqual(["evalsha"]);
        proxy.resume();
        // The late answer arrives (the next call's reply comes after it) and starts nothing.
        expect(await sync("a", tags[0] as VisitorTag)).toEqual({ ok: true, tag: tags[0] });
        expect(sent).toEqual(["evalsha", "hget"]);
      } finally {
        client.disconnect();
        await proxy.close();
      }
    });

    it("settles with a timeout on a caller's client with no command timeout, and answers again once it is back", async () => {
      const { proxy, client, prefix, storage } = await behindSilentProxy();
      try {
        expect(await storage.commitVisitor("v1", record("/first"), 0, [shown])).toBe(1);
        proxy.silence();
        await timesOut(storage.commitVisitor("v1", record("/second"), 1, [shown]));
        await timesOut(storage.getVisitor("v1"));
        proxy.resume();
        // The late answers go to the calls that gave up; later calls get their own.
        const stored = await storage.getVisitor("v1");
        expect(stored).toMatchObject({ version: 2, value: { lastUrl: "/second" } });
        expect(await storedState(prefix, "v1")).toEqual({ version: "2", shown: "2" });
      } finally {
        client.disconnect();
        await proxy.close();
      }
    });

    it("settles a burst of one visitor's service calls by one deadline: those waiting behind a write are not sent", async () => {
      const { proxy, client, storage } = await behindSilentProxy();
      try {
        const beckon = createBeckon({
          storage,
          invitations: [{ id: "locked", message: "Trouble?", events: [{ event: "login_failed", minCount: 2, withinSeconds: 600 }] }],
          events: [{ name: "login_failed" }],
        });
        expect(await beckon.logEvent("hot", { name: "login_failed" }, at)).toBe("appended");
        proxy.silence();
        // More than two writes' worth (64 calls each): one deadline per write would settle the last ones after three.
        const burst = Array.from({ length: 200 }, (_, i) => timesOut(beckon.logEvent("hot", { name: "login_failed" }, at + 1 + i)));
        await Promise.all(burst);
        proxy.resume();
        // The write that timed out may land once Redis answers again; none of the calls behind it was sent.
        const stored = (await beckon.visitor("hot"))?.events ?? [];
        expect(stored.length).toBeGreaterThan(0);
        expect(stored.every((event) => event.at <= at + 1)).toBe(true);
      } finally {
        client.disconnect();
        await proxy.close();
      }
    });

    it("refuses a timeoutMs that is not a whole number of milliseconds above 0", () => {
      for (const timeoutMs of [0, -1, 1.5, Number.NaN]) expect(() => createRedisStorage({ client: direct, timeoutMs })).toThrow(RangeError);
    });
  });

  describe("a connection cut during a commit", () => {
    let proxy: CuttingProxy;
    let prefix: string;
    beforeAll(async () => {
      proxy = await startCuttingProxy(REDIS_PORT);
    });
    afterAll(async () => {
      await proxy.close();
    });

    /** An adapter behind the proxy holding visitor "v1" at version 1 with shown = 1 (the script is cached by then). */
    async function behindProxy(options: { client?: Redis } = {}): Promise<StorageAdapter> {
      proxy.cutOn(() => false, "before");
      prefix = uniquePrefix();
      prefixes.push(prefix);
      const target = options.client === undefined ? { url: `redis://127.0.0.1:${proxy.port}` } : { client: options.client };
      const storage = createRedisStorage({ ...target, prefix });
      adapters.push(storage);
      expect(await storage.commitVisitor("v1", record("/first"), 0, [shown])).toBe(1);
      return storage;
    }
    /** Matches the script call writing this test's visitor (EVALSHA, or EVAL when the script was not cached). */
    const isCommit = (chunk: Buffer): boolean => /eval/i.test(chunk.toString()) && chunk.includes(recordKey(prefix, "v1"));

    it("before the script reaches Redis: the commit rejects and nothing is written", async () => {
      const storage = await behindProxy();
      const cutsBefore = proxy.cuts();
      proxy.cutOn(isCommit, "before");
      await expectRedisFailure(storage.commitVisitor("v1", record("/second"), 1, [shown]));
      expect(proxy.cuts()).toBeGreaterThan(cutsBefore);
      expect(await storedState(prefix, "v1")).toEqual({ version: "1", shown: "1" });
    });

    it("after the script reached Redis: the commit rejects and the write is there whole or not at all", async () => {
      const storage = await behindProxy();
      const cutsBefore = proxy.cuts();
      proxy.cutOn(isCommit, "after");
      await expectRedisFailure(storage.commitVisitor("v1", record("/second"), 1, [shown]));
      expect(proxy.cuts()).toBeGreaterThan(cutsBefore);
      const state = await storedState(prefix, "v1");
      const value = JSON.parse((await direct.hget(recordKey(prefix, "v1"), "value")) ?? "null") as VisitorRecord;
      const whole = state.version === "2" && state.shown === "2" && value.lastUrl === "/second";
      const none = state.version === "1" && state.shown === "1" && value.lastUrl === "/first";
      expect({ state, lastUrl: value.lastUrl, wholeOrNone: whole || none }).toMatchObject({ wholeOrNone: true });
    });

    it("a caller's client that resends a cut sync write is told it landed (no tag to keep) and the write lands once", async () => {
      const client = directClient(proxy.port);
      try {
        const storage = await behindProxy({ client });
        const read = await storage.syncVisitor!("v1", null);
        if (read.ok || read.current === null) throw new Error("expected the stored record");
        let cutOnce = false;
        proxy.cutOn((chunk) => !cutOnce && isCommit(chunk) && (cutOnce = true), "after");
        const written = await storage.syncVisitor!("v1", read.current, record("/second"), [shown]);
        expect(cutOnce).toBe(true);
        expect(written).toEqual({ ok: true, tag: null });
        expect(await storedState(prefix, "v1")).toEqual({ version: "2", shown: "2" });
      } finally {
        client.disconnect();
      }
    });

    it("a caller's client that resends the cut commit gets its version back and the write lands once", async () => {
      // ioredis's defaults resend unanswered commands after reconnecting; the first copy already ran in Redis.
      const client = directClient(proxy.port);
      try {
        const storage = await behindProxy({ client });
        let cutOnce = false;
        proxy.cutOn((chunk) => !cutOnce && isCommit(chunk) && (cutOnce = true), "after");
        expect(await storage.commitVisitor("v1", record("/second"), 1, [shown])).toBe(2);
        expect(cutOnce).toBe(true);
        expect(await storedState(prefix, "v1")).toEqual({ version: "2", shown: "2" });
      } finally {
        client.disconnect();
      }
    });
  });
});
