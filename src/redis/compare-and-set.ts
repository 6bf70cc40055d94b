import { StorageError } from "../storage/storage-error.js";
import { addCountersLua } from "./add-counters-lua.js";
import { luaScript, runLuaScript } from "./lua-script.js";
import type { RedisClient } from "./open-client.js";

/** One versioned write, with what must happen in the same atomic step. */
export interface CompareAndSetWrite {
  /** The record's hash. */
  key: string;
  /** The new value, already JSON. */
  value: string;
  /** Write only if the stored version is this (0: nothing stored); leave out to write whatever is stored. */
  expectedVersion?: number;
  /** Unique per call: a resent command that already landed answers with its version instead of a conflict. */
  commitId: string;
  /** Expire the record this long after the write (0: keep it). */
  ttlMs: number;
  /** Counters to raise with the write: the counters hash and `[field, amount]` pairs. */
  counters?: { key: string; increments: readonly (readonly [string, number])[] };
  /**
   * Where an older layout kept this record: read when `key` holds no version, and removed by the write that moves
   * the record from it to `key` (its first write). It must share the slot of `key` on Redis Cluster.
   */
  legacyKey?: string;
}

// Everything is checked before the first write: Redis does not roll a script back when it fails half-way. Every key
// it names comes in KEYS (the record, the counters, the legacy record last when ARGV[5] is "1"), so on Redis Cluster
// the caller answers for them sharing one slot.
const SCRIPT = luaScript(`
local legacy = ARGV[5] == "1" and KEYS[#KEYS] or nil
local stored = redis.call("HMGET", KEYS[1], "version", "commit")
-- While the record's key holds no version, the record is read from the 0.1 key, and this write moves it.
local moving = legacy and not stored[1]
if moving then stored = redis.call("HMGET", legacy, "version", "commit") end
local version = 0
if stored[1] then
  if not string.match(stored[1], "^[1-9]%d*$") then
    return redis.error_reply("BECKON_CORRUPT the stored version is not a whole number >= 1")
  end
  version = tonumber(stored[1])
end
if stored[2] == ARGV[3] then return version end
if ARGV[1] ~= "" and version ~= tonumber(ARGV[1]) then return false end
${addCountersLua(6)}
redis.call("HSET", KEYS[1], "version", version + 1, "value", ARGV[2], "commit", ARGV[3])
if ARGV[4] ~= "0" then redis.call("PEXPIRE", KEYS[1], ARGV[4]) end
if moving then redis.call("DEL", legacy) end
return version + 1
`);

/**
 * Writes a versioned record (and raises counters) in one Lua script, so the version check, the write, its TTL and
 * the increments are one atomic step: on a version mismatch nothing is written and the answer is `null`. The
 * script runs by EVALSHA, falling back to EVAL once when the server does not have it cached.
 *
 * @example
 * await compareAndSet(client, { key: "beckon:{b104}:v:v1", value: "{}", expectedVersion: 0, commitId: newCommitId(), ttlMs: 0 }) // => 1
 */
export async function compareAndSet(client: RedisClient, write: CompareAndSetWrite): Promise<number | null> {
  const increments = write.counters?.increments ?? [];
  for (const [field, amount] of increments) {
    if (!Number.isSafeInteger(amount)) throw new StorageError("redis", `counter ${field} can only grow by a whole number, not ${amount}`);
  }
  const keys = [write.key, ...(write.counters === undefined ? [] : [write.counters.key]), ...(write.legacyKey === undefined ? [] : [write.legacyKey])];
  const legacy = write.legacyKey === undefined ? "0" : "1";
  const args = [write.expectedVersion ?? "", write.value, write.commitId, write.ttlMs, legacy, ...increments.flat()];
  try {
    return toVersion(await runLuaScript(client, SCRIPT, keys, args));
  } catch (error) {
    if (error instanceof Error && error.message.includes("BECKON_CORRUPT")) {
      const problem = error.message.slice(error.message.indexOf("BECKON_CORRUPT") + "BECKON_CORRUPT ".length);
      throw new StorageError("redis", `nothing was written: ${problem} (${write.key}); it was left as it is`, {
        code: "corrupt_record",
        cause: error,
        path: problem.startsWith("the counter") ? [] : ["version"],
      });
    }
    throw error;
  }
}

function toVersion(reply: unknown): number | null {
  if (reply === null) return null;
  if (typeof reply === "number" && Number.isSafeInteger(reply)) return reply;
  throw new Error(`the write script answered ${JSON.stringify(reply)}`);
}
