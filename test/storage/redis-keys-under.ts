// Key bookkeeping for the Redis tests: each test works under its own random prefix and removes its keys afterwards.
import { randomUUID } from "node:crypto";
import type { Cluster, Redis } from "ioredis";
import { redisKeys } from "../../src/redis/redis-keys.js";

/** A prefix no other test uses. */
export function uniquePrefix(): string {
  return `beckon-test:${randomUUID()}:`;
}

/** Every key starting with `prefix`, sorted. */
export async function keysUnder(client: Redis, prefix: string): Promise<string[]> {
  const match = `${prefix.replace(/[*?[\]\\]/g, "\\$&")}*`;
  const keys: string[] = [];
  let cursor = "0";
  do {
    const [next, batch] = await client.scan(cursor, "MATCH", match, "COUNT", 1000);
    keys.push(...batch);
    cursor = next;
  } while (cursor !== "0");
  return [...new Set(keys)].sort();
}

/** Deletes every key starting with `prefix`. */
export async function deleteKeysUnder(client: Redis, prefix: string): Promise<void> {
  const keys = await keysUnder(client, prefix);
  if (keys.length > 0) await client.del(...keys);
}

/** The key holding a visitor's record under `prefix` (the adapter's own naming). */
export function recordKey(prefix: string, visitorId: string): string {
  return redisKeys(prefix, { legacy: false }).visitor(visitorId).record;
}

/** The counters shard a visitor's commits raise under `prefix`. */
export function shardKey(prefix: string, visitorId: string): string {
  return redisKeys(prefix, { legacy: false }).visitor(visitorId).counters;
}

/** Every key starting with `prefix` on every master of a cluster, sorted. */
export async function clusterKeysUnder(cluster: Cluster, prefix: string): Promise<string[]> {
  const perMaster = await Promise.all(cluster.nodes("master").map((node) => keysUnder(node, prefix)));
  return perMaster.flat().sort();
}

/** Deletes every key starting with `prefix` on every master of a cluster (one key per command: keys of many slots). */
export async function deleteClusterKeysUnder(cluster: Cluster, prefix: string): Promise<void> {
  await Promise.all(
    cluster.nodes("master").map(async (node) => {
      const keys = await keysUnder(node, prefix);
      if (keys.length > 0) await keys.reduce((pipeline, key) => pipeline.unlink(key), node.pipeline()).exec();
    }),
  );
}
