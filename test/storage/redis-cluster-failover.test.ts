// A master of a Redis Cluster stopped while servers write: calls reject with a StorageError, and every write is in
// the data whole (record, version and counter together) or not at all. It runs on a cluster of its own
// (scripts/redis-cluster.sh from port 7011), so stopping a master disturbs no other test; the stopped master comes
// back from its own data (SHUTDOWN SAVE) and the script waits for the cluster to be healthy again.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRedisStorage } from "../../src/redis/index.js";
import { isStorageError, type StorageAdapter } from "../../src/storage/index.js";
import { updateVisitor } from "../../src/storage/update-visitor.js";
import { clusterNodes, clusterScript, connectCluster, type ClusterNode } from "./redis-cluster-nodes.js";
import { recordKey, uniquePrefix } from "./redis-keys-under.js";

const FIRST_PORT = 7011;
const at = Date.UTC(2026, 10, 26, 10);
const shown = { invitationId: "a", variationId: "a", counter: "shown" as const };
const run = promisify(execFile);
const until = async (condition: () => boolean, timeoutMs: number): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!condition() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
};

let nodes: ClusterNode[];
beforeAll(async () => {
  nodes = await clusterNodes(FIRST_PORT);
}, 200_000);
afterAll(async () => {
  await clusterScript("stop", FIRST_PORT);
}, 60_000);

describe("createRedisStorage on Redis Cluster when a master stops", () => {
  it("rejects calls with a StorageError, and leaves every write whole or absent", async () => {
    const prefix = uniquePrefix();
    const writer = await connectCluster(nodes);
    const storage = createRedisStorage({ client: writer, prefix, timeoutMs: 1_000 });
    const visitors = Array.from({ length: 30 }, (_, i) => `visitor-${i}`);
    const acknowledged = new Map(visitors.map((id) => [id, 0]));
    const rejected = new Map(visitors.map((id) => [id, 0]));
    const errors: unknown[] = [];
    let writing = true;
    const write = async (id: string): Promise<void> => {
      for (let n = 0; writing; n++) {
        try {
          await updateVisitor(storage, id, 10, (current) => ({
            record: { ...current, events: [...current.events, { name: "hit", at: at + n }] },
            increments: [shown],
            result: null,
          }));
          acknowledged.set(id, (acknowledged.get(id) ?? 0) + 1);
        } catch (error) {
          errors.push(error);
          rejected.set(id, (rejected.get(id) ?? 0) + 1);
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      }
    };
    const total = (counts: Map<string, number>): number => [...counts.values()].reduce((sum, count) => sum + count, 0);

    // The master holding the first visitor's record: it holds about a third of them.
    const slot = Number(await writer.cluster("KEYSLOT", recordKey(prefix, visitors[0] as string)));
    const ranges = await writer.cluster("SLOTS");
    const owner = ranges.find(([from, to]) => from <= slot && slot <= to)?.[2]?.[1];
    expect(owner).toBeDefined();

    const writers = visitors.map(write);
    await until(() => total(acknowledged) >= 300, 60_000);
    expect(total(acknowledged)).toBeGreaterThanOrEqual(300);
    await run("redis-cli", ["-h", "127.0.0.1", "-p", String(owner), "shutdown", "save"]).catch(() => {});
    await until(() => errors.length >= 30, 60_000);
    writing = false;
    await Promise.all(writers);
    // Nothing the writer still holds can land later: its client goes before the master comes back.
    writer.disconnect();

    expect(errors.length).toBeGreaterThanOrEqual(30);
    for (const error of errors) expect(error, String(error)).toSatisfy(isStorageError);
    expect(errors[0]).toMatchObject({ name: "StorageError", adapter: "redis" });

    await clusterScript("start", FIRST_PORT);
    const reader = await connectCluster(nodes);
    const check: StorageAdapter = createRedisStorage({ client: reader, prefix });
    try {
      let versions = 0;
      for (const id of visitors) {
        const stored = await check.getVisitor(id);
        const version = stored?.version ?? 0;
        // Whole: one event per version. Every acknowledged write is there; a rejected one may have landed, whole.
        expect({ id, events: stored?.value.events.length ?? 0 }).toEqual({ id, events: version });
        expect(version).toBeGreaterThanOrEqual(acknowledged.get(id) ?? 0);
        expect(version).toBeLessThanOrEqual((acknowledged.get(id) ?? 0) + (rejected.get(id) ?? 0));
        versions += version;
      }
      expect(await check.readCounters()).toEqual([{ ...shown, value: versions }]);
    } finally {
      reader.disconnect();
    }
  }, 240_000);
});
