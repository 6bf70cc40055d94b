import { createHash } from "node:crypto";
import type { Redis } from "ioredis";
import { StorageError } from "../storage/storage-error.js";

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
}

// Everything is checked before the first write: Redis does not roll a script back when it fails half-way.
const SCRIPT = `
local stored = redis.call("HMGET", KEYS[1], "version", "commit")
local version = 0
if stored[1] then
  if not string.match(stored[1], "^[1-9]%d*$") then
    return redis.error_reply("BECKON_CORRUPT the stored version is not a whole number >= 1")
  end
  version = tonumber(stored[1])
end
if stored[2] == ARGV[3] then return version end
if ARGV[1] ~= "" and version ~= tonumber(ARGV[1]) then return false end
for i = 5, #ARGV, 2 do
  local count = redis.call("HGET", KEYS[2], ARGV[i])
  if count and not string.match(count, "^-?%d+$") then
    return redis.error_reply("BECKON_CORRUPT the counter " .. ARGV[i] .. " is not a whole number")
  end
end
for i = 5, #ARGV, 2 do redis.call("HINCRBY", KEYS[2], ARGV[i], ARGV[i + 1]) end
redis.call("HSET", KEYS[1], "version", version + 1, "value", ARGV[2], "commit", ARGV[3])
if ARGV[4] ~= "0" then redis.call("PEXPIRE", KEYS[1], ARGV[4]) end
return version + 1
`;
const SHA = createHash("sha1").update(SCRIPT).digest("hex");

/**
 * Writes a versioned record (and raises counters) in one Lua script, so the version check, the write, its TTL and
 * the increments are one atomic step: on a version mismatch nothing is written and the answer is `null`. The
 * script runs by EVALSHA, falling back to EVAL once when the server does not have it cached.
 *
 * @example
 * await compareAndSet(client, { key: "beckon:v:v1", value: "{}", expectedVersion: 0, commitId: randomUUID(), ttlMs: 0 }) // => 1
 */
export async function compareAndSet(client: Redis, write: CompareAndSetWrite): Promise<number | null> {
  const increments = write.counters?.increments ?? [];
  for (const [field, amount] of increments) {
    if (!Number.isSafeInteger(amount)) throw new StorageError("redis", `counter ${field} can only grow by a whole number, not ${amount}`);
  }
  const keys = write.counters === undefined ? [write.key] : [write.key, write.counters.key];
  const args = [write.expectedVersion ?? "", write.value, write.commitId, write.ttlMs, ...increments.flat()];
  try {
    return toVersion(await runScript(client, keys, args));
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

async function runScript(client: Redis, keys: string[], args: (string | number)[]): Promise<unknown> {
  try {
    return await client.evalsha(SHA, keys.length, ...keys, ...args);
  } catch (error) {
    // NOSCRIPT means the script did not run at all, so sending its source is safe.
    if (!(error instanceof Error && error.message.includes("NOSCRIPT"))) throw error;
    return client.eval(SCRIPT, keys.length, ...keys, ...args);
  }
}

function toVersion(reply: unknown): number | null {
  if (reply === null) return null;
  if (typeof reply === "number" && Number.isSafeInteger(reply)) return reply;
  throw new Error(`the write script answered ${JSON.stringify(reply)}`);
}
