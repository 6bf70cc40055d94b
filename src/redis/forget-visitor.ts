import { emptyVisitorRecord } from "../storage/empty-visitor-record.js";
import type { RedisClient } from "./open-client.js";
import { recordKeys, type VisitorKeys } from "./redis-keys.js";

// One script, so reading the version and replacing the record are one step. A readable version moves on by one with
// the empty record (the key keeps its `commit` field: a resent write that landed before the erasure still answers
// with a version, as if it had been erased with the rest). A hash with no readable version is deleted outright:
// nothing can compare-and-set against it anyway. The record is read where the write script reads it: its key, or
// while that holds no version, beckon 0.1's key (KEYS[2], when given), which is deleted in every case, so no copy
// of the visitor's data stays behind. KEYS share one slot (the caller's layout sees to it).
const SCRIPT = `
local source = KEYS[1]
local version = redis.call("HGET", source, "version")
if not version and KEYS[2] and redis.call("EXISTS", KEYS[2]) == 1 then
  source = KEYS[2]
  version = redis.call("HGET", source, "version")
end
if not version or not string.match(version, "^[1-9]%d*$") then
  return math.min(1, redis.call("DEL", unpack(KEYS)))
end
local commit = redis.call("HGET", source, "commit")
redis.call("HSET", KEYS[1], "version", tonumber(version) + 1, "value", ARGV[1])
if commit and source ~= KEYS[1] then redis.call("HSET", KEYS[1], "commit", commit) end
if KEYS[2] then redis.call("DEL", KEYS[2]) end
if ARGV[2] ~= "0" then redis.call("PEXPIRE", KEYS[1], ARGV[2]) end
return 1
`;

/**
 * Erases a visitor's state and event log in one Lua script: the record becomes the empty record at the next
 * version. Deleting the key instead would let a record made afresh climb back to the old version, and a write read
 * before the erasure (on another server) would then pass its compare-and-set and bring the erased data back; with
 * the version moved on, that write fails and is retried on the empty record. The key keeps the visitor TTL
 * (`ttlMs`, 0: none), so the emptied record goes like any other. A record still under beckon 0.1's key
 * (`keys.legacy`) is erased the same way, onto the new key. Resolves whether anything was stored. Sent with EVAL:
 * an erasure is rare, so caching the script is not worth a second code path.
 *
 * @example
 * await forgetVisitor(client, redisKeys("beckon:", { legacy: false }).visitor("v1"), 0) // => true, the record at version + 1, empty
 */
export async function forgetVisitor(client: RedisClient, keys: VisitorKeys, ttlMs: number): Promise<boolean> {
  const names = recordKeys(keys);
  const reply = await client.eval(SCRIPT, names.length, ...names, JSON.stringify(emptyVisitorRecord()), ttlMs);
  return reply === 1;
}
