import type { CounterRow } from "../storage/types.js";
import { hashCounterRows } from "./hash-counter-rows.js";
import type { RedisClient } from "./open-client.js";
import type { RedisKeys } from "./redis-keys.js";

/**
 * Reads every counters shard and beckon 0.1's counters hash, all sent at once (each names one key, so a cluster
 * routes each to its node), and adds them up exactly.
 *
 * @example
 * await readCounters(client, redisKeys("beckon:", { legacy: true })) // => [{ invitationId, variationId, counter, value }]
 */
export async function readCounters(client: RedisClient, keys: RedisKeys): Promise<CounterRow[]> {
  const names = [...keys.counterShards, keys.legacyCounters];
  return hashCounterRows(await Promise.all(names.map(async (key) => [key, await client.hgetall(key)] as const)));
}
