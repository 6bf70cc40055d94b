import type { Stored, VisitorRecord } from "../storage/types.js";
import type { RedisClient } from "./open-client.js";
import { readStored } from "./read-stored.js";
import type { VisitorKeys } from "./redis-keys.js";

/**
 * Reads a visitor's record: from its key, or, while that holds no version, from where beckon 0.1 kept it
 * (`keys.legacy`, when given). Both reads go out together, so this is one round trip either way; which one counts
 * follows the rule of the write script, so the version read is the version a commit compares with.
 *
 * @example
 * await readVisitor(client, redisKeys("beckon:", { legacy: true }).visitor("v1"), "v1") // => { value, version } or null
 */
export async function readVisitor(client: RedisClient, keys: VisitorKeys, visitorId: string): Promise<Stored<VisitorRecord> | null> {
  const [current, legacy] = await Promise.all([
    client.hmget(keys.record, "version", "value"),
    keys.legacy === undefined ? null : client.hmget(keys.legacy, "version", "value"),
  ]);
  if (keys.legacy !== undefined && legacy !== null && current[0] === null && legacy.some((field) => field !== null)) {
    return readStored("visitor record", keys.legacy, legacy, visitorId);
  }
  return readStored("visitor record", keys.record, current, visitorId);
}
