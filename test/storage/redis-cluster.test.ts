// The Redis adapter on a real three-master Redis Cluster (scripts/redis-cluster.sh, or REDIS_CLUSTER_NODES): the
// storage contract, visitors spread over every master, exact sums of the counters shards, and the prefix rules.
// A master stopped mid-run is in redis-cluster-failover.test.ts, on a cluster of its own.
import type { Cluster, Command } from "ioredis";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { emptyState, type Invitation } from "../../src/index.js";
import { CALLS_PER_WRITE } from "../../src/redis/coalesce-writes.js";
import { createRedisStorage } from "../../src/redis/index.js";
import { createBeckon, type StorageAdapter, type VisitorRecord } from "../../src/storage/index.js";
import { confirmCases } from "./confirm-cases.js";
import { describeStorageContract } from "./contract.js";
import { clusterNodes, connectCluster, type ClusterNode } from "./redis-cluster-nodes.js";
import { clusterKeysUnder, deleteClusterKeysUnder, keysUnder, recordKey, uniquePrefix } from "./redis-keys-under.js";
import { countSocketWrites } from "./socket-writes.js";

const at = Date.UTC(2026, 10, 26, 10);
const record = (lastUrl?: string): VisitorRecord => ({ state: emptyState(), events: [], ...(lastUrl ? { lastUrl } : {}) });

let nodes: ClusterNode[];
let direct: Cluster;
const prefixes: string[] = [];
const clients: Cluster[] = [];
const fresh = (prefix = uniquePrefix()): StorageAdapter => {
  prefixes.push(prefix);
  return createRedisStorage({ client: direct, prefix });
};
const client = async (): Promise<Cluster> => {
  const made = await connectCluster(nodes);
  clients.push(made);
  return made;
};

beforeAll(async () => {
  nodes = await clusterNodes();
  direct = await connectCluster(nodes);
}, 200_000);
afterEach(async () => {
  await Promise.all(prefixes.splice(0).map((prefix) => deleteClusterKeysUnder(direct, prefix)));
  clients.splice(0).forEach((made) => made.disconnect());
});
afterAll(async () => {
  await direct?.quit();
});

describeStorageContract("redis", async () => {
  const prefix = uniquePrefix();
  const storage = fresh(prefix);
  const hash = (key: string, version: number | string, json: string) => direct.hset(key, "version", String(version), "value", json);
  return {
    storage,
    // Another server: a cluster client and an adapter of its own on the same prefix.
    twin: async () => createRedisStorage({ client: await client(), prefix }),
    damageVisitor: async (visitorId, version, json) => void (await hash(recordKey(prefix, visitorId), version, json)),
    damageInvitationSet: async (version, json) => void (await hash(`${prefix}invitations`, version, json)),
    rawVisitor: (visitorId) => direct.hgetall(recordKey(prefix, visitorId)),
    holds: { notJson: true, textVersion: true },
    // Redis has no purge: a visitor's record (state and events, one hash) expires visitorTtlSeconds after its last write.
    expiring: async (ttlSeconds) => createRedisStorage({ client: direct, prefix, visitorTtlSeconds: ttlSeconds }),
  };
});

/** Counts, per master, the visitor records stored under `prefix`. */
async function recordsPerMaster(prefix: string): Promise<number[]> {
  const isRecord = (key: string): boolean => /^\{b[0-9]+\}:v:/.test(key.slice(prefix.length));
  return Promise.all(direct.nodes("master").map(async (node) => (await keysUnder(node, prefix)).filter(isRecord).length));
}

describe("createRedisStorage on Redis Cluster", () => {
  it("spreads 1 000 visitors over all three masters (each at least 20 %), and stats() equals the acknowledged calls", async () => {
    const prefix = uniquePrefix();
    const invitations: Invitation[] = [{ id: "hello", message: "Hello", variations: [{ id: "a" }, { id: "b" }] }];
    const beckon = createBeckon({ storage: fresh(prefix), invitations });
    const acknowledged = new Map<string, { assigned: number; shown: number; closed: number }>();
    const tally = (variationId: string) => {
      const counts = acknowledged.get(variationId) ?? { assigned: 0, shown: 0, closed: 0 };
      acknowledged.set(variationId, counts);
      return counts;
    };
    const visit = async (i: number): Promise<void> => {
      const id = `visitor-${i}`;
      const decision = await beckon.check({ id }, { at: at + i });
      const { variationId } = decision;
      if (decision.status !== "selected" || variationId === null) return;
      tally(variationId).assigned++;
      if (await beckon.shown(id, at + i + 1)) tally(variationId).shown++;
      if (i % 3 === 0 && (await beckon.closed(id, at + i + 2))) tally(variationId).closed++;
    };
    for (let start = 0; start < 1000; start += 50) await Promise.all(Array.from({ length: 50 }, (_, i) => visit(start + i)));

    const perMaster = await recordsPerMaster(prefix);
    expect(perMaster).toHaveLength(3);
    expect(perMaster.reduce((sum, count) => sum + count, 0)).toBe(1000);
    for (const count of perMaster) expect(count, `records per master: ${perMaster.join(", ")}`).toBeGreaterThanOrEqual(200);

    const stats = await beckon.stats();
    const expected = [...acknowledged.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([variationId, counts]) => ({ invitationId: "hello", variationId, ...counts, chatStarted: 0, converted: 0 }));
    expect(expected.reduce((sum, row) => sum + row.assigned, 0)).toBe(1000);
    expect(stats).toEqual(expected);
  }, 120_000);

  it("sends the commands of calls started in one turn in writes of CALLS_PER_WRITE per master (coalesceWrites)", async () => {
    const own = await client();
    const storage = createRedisStorage({ client: own, prefix: uniquePrefix() });
    // Every node connected and its slots known, so no command waits in a queue for a connection.
    await Promise.all(own.nodes("master").map((node) => node.ping()));
    await Promise.all(Array.from({ length: 30 }, (_, i) => storage.getVisitor(`warm-${i}`)));
    const writes = countSocketWrites(own.nodes("all").map((node) => node.stream));
    const read = await Promise.all(Array.from({ length: 30 }, (_, i) => storage.getVisitor(`v${i}`)));
    expect(read.every((stored) => stored === null)).toBe(true);
    // 30 visitors over three masters: the held sockets leave every 8 calls per socket (24 here), so one or two writes
    // per master, not one per command.
    const held = own.nodes("all").length;
    expect(writes()).toBeGreaterThan(0);
    expect(writes()).toBeLessThanOrEqual(Math.ceil(30 / (CALLS_PER_WRITE * held)) * own.nodes("master").length);
  });

  it("sends every visitor call's commands to the slot Redis gives their first key, worked out once per visitor", async () => {
    const own = await client();
    const prefix = uniquePrefix();
    prefixes.push(prefix);
    const sent: Command[] = [];
    const send = own.sendCommand.bind(own);
    own.sendCommand = (command: Command, ...rest: unknown[]) => {
      sent.push(command);
      return (send as (...args: unknown[]) => Promise<unknown>)(command, ...rest);
    };
    const beckon = createBeckon({ storage: createRedisStorage({ client: own, prefix }), invitations: [{ id: "hi", message: "Hi", pageviews: 1 }] });
    // Ids with braces, spaces and surrogates too: the first hash tag of every key is its bucket's.
    const ids = ["v1", "{tag}x", "a b", "\uD83D\uDE00", "}{", ...Array.from({ length: 30 }, (_, i) => `visitor-${i}`)];
    for (const id of ids) {
      await beckon.check({ id, url: "/a" }, { at, pageView: true });
      await beckon.logEvent(id, { name: "x" }, at + 1);
      await beckon.shown(id, at + 2);
      await beckon.check({ id, url: "/a" }, { at: at + 3 });
    }
    const visitorCommands = sent.filter((command) => ["hget", "hmget", "exists", "evalsha", "eval"].includes(command.name));
    expect(visitorCommands.length).toBeGreaterThanOrEqual(ids.length * 4);
    for (const command of visitorCommands) {
      const args = command.args as string[];
      const first = command.name === "evalsha" || command.name === "eval" ? args[2] : args[0];
      // Given by the adapter: ioredis never parsed the command's keys to find it (it keeps them in `keys` when it does).
      expect((command as unknown as { keys?: unknown }).keys).toBeUndefined();
      expect(command.getSlot()).toBe(await direct.cluster("KEYSLOT", first as string));
    }
  });

  it("confirms a visitor's tag in one command whatever is stored: the record found comes back with the answer", async () => {
    const prefix = uniquePrefix();
    prefixes.push(prefix);
    await confirmCases(await client(), direct, prefix);
  });

  it("names no key of beckon 0.1 on a cluster: a visitor's old key is neither read nor written", async () => {
    const prefix = uniquePrefix();
    const storage = fresh(prefix);
    await direct.hset(`${prefix}v:old`, "version", "3", "value", JSON.stringify(record("/old")));
    expect(await storage.getVisitor("old")).toBeNull();
    expect(await storage.commitVisitor("old", record("/new"), 0)).toBe(1);
    expect(await direct.hget(`${prefix}v:old`, "version")).toBe("3");
  });

  it("under a prefix with its own hash tag keeps every key in that slot, and still reads and moves 0.1 records", async () => {
    const prefix = `{${uniquePrefix()}}:`;
    const storage = fresh(prefix);
    await direct.hset(`${prefix}v:old`, "version", "3", "value", JSON.stringify(record("/old")));
    expect(await storage.getVisitor("old")).toEqual({ value: record("/old"), version: 3 });
    expect(await storage.commitVisitor("old", record("/new"), 3, [{ invitationId: "a", variationId: "a", counter: "shown" }])).toBe(4);
    await Promise.all(Array.from({ length: 20 }, (_, i) => storage.commitVisitor(`v${i}`, record(), 0)));
    await storage.putInvitationSet({ invitations: [], definitions: [] });
    const keys = await clusterKeysUnder(direct, prefix);
    expect(keys).not.toContain(`${prefix}v:old`);
    const slots = new Set(await Promise.all(keys.map((key) => direct.cluster("KEYSLOT", key))));
    expect({ keys: keys.length, slots: slots.size }).toEqual({ keys: 23, slots: 1 });
    expect(await storage.readCounters()).toEqual([{ invitationId: "a", variationId: "a", counter: "shown", value: 1 }]);
    // The service's confirmation of a visitor with nothing stored (one EXISTS of both keys) and its read of a new
    // visitor (the script's read of both) name two keys at once: the tag keeps them in one slot.
    const sync = storage.syncVisitor!;
    const nothing = { version: 0, commit: null };
    expect(await sync("nobody", nothing)).toEqual({ ok: true, tag: nothing });
    expect(await sync("nobody", null)).toEqual({ ok: false, current: null });
    await direct.hset(`${prefix}v:late`, "version", "2", "value", JSON.stringify(record("/late")));
    expect(await sync("late", nothing)).toEqual({ ok: false, current: { value: record("/late"), version: 2, commit: null } });
    expect(await sync("late", null)).toEqual({ ok: false, current: { value: record("/late"), version: 2, commit: null } });
  });

  it("refuses a prefix whose first hash tag is empty, which would split a commit over two slots", () => {
    expect(() => createRedisStorage({ client: direct, prefix: "beckon{}:" })).toThrow(TypeError);
  });
});
