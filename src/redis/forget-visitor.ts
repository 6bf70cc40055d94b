import type { Cluster, Redis } from "ioredis";
import { emptyVisitorRecord } from "../storage/empty-visitor-record.js";

// One script, so reading the version and replacing the record are one step. A readable version moves on by one with
// the empty record (the key keeps its `commit` field: a resent write that landed before the erasure still answers
// with a version, as if it had been erased with the rest). A hash with no readable version is deleted outright:
// nothing can compare-and-set against it anyway.
const SCRIPT = `
local version = redis.call("HGET", KEYS[1], "version")
if not version or not string.match(version, "^[1-9]%d*$") then
  return redis.call("DEL", KEYS[1])
end
redis.call("HSET", KEYS[1], "version", tonumber(version) + 1, "value", ARGV[1])
if ARGV[2] ~= "0" then redis.call("PEXPIRE", KEYS[1], ARGV[2]) end
return 1
`;

/**
 * Erases a visitor's state and event log in one Lua script: the record becomes the empty record at the next
 * version. Deleting the key instead would let a record made afresh climb back to the old version, and a write read
 * before the erasure (on another server) would then pass its compare-and-set and bring the erased data back; with
 * the version moved on, that write fails and is retried on the empty record. The key keeps the visitor TTL
 * (`ttlMs`, 0: none), so the emptied record goes like any other. Resolves whether anything was stored. Sent with
 * EVAL: an erasure is rare, so caching the script is not worth a second code path.
 *
 * @example
 * await forgetVisitor(client, "beckon:v:v1", 0) // => true, and HGETALL shows version 2 and an empty record
 */
export async function forgetVisitor(client: Redis | Cluster, key: string, ttlMs: number): Promise<boolean> {
  const reply = await client.eval(SCRIPT, 1, key, JSON.stringify(emptyVisitorRecord()), ttlMs);
  return reply === 1;
}
