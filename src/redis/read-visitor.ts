import type { Stored, VisitorRecord } from "../storage/types.js";
import { luaScript, runLuaScript } from "./lua-script.js";
import type { RedisClient } from "./open-client.js";
import { readStored } from "./read-stored.js";
import type { VisitorKeys } from "./redis-keys.js";

// The record's key while it holds a version, else the 0.1 key when anything is there (the write script's rule, so
// the version read is the one a commit compares with). Lua's false becomes a nil reply; a nil inside the table
// would cut it short.
const READ = luaScript(`
local current = redis.call("HMGET", KEYS[1], "version", "value")
if not current[1] then
  local old = redis.call("HMGET", KEYS[2], "version", "value")
  if old[1] or old[2] then return {2, old[1], old[2]} end
end
return {1, current[1], current[2]}
`);

/**
 * Reads a visitor's record in one command: an HMGET of its key, or, when `keys.legacy` is given, one script that
 * reads its key and, while that holds no version, where beckon 0.1 kept it.
 *
 * @example
 * await readVisitor(client, redisKeys("beckon:", { legacy: true }).visitor("v1"), "v1") // => { value, version } or null
 */
export async function readVisitor(client: RedisClient, keys: VisitorKeys, visitorId: string): Promise<Stored<VisitorRecord> | null> {
  if (keys.legacy === undefined) return readStored("visitor record", keys.record, await client.hmget(keys.record, "version", "value"), visitorId);
  const reply = await runLuaScript(client, READ, [keys.record, keys.legacy], []);
  if (!Array.isArray(reply) || (reply[0] !== 1 && reply[0] !== 2)) throw new Error(`the read script answered ${JSON.stringify(reply)}`);
  const [from, version, value] = reply as [1 | 2, string | null | undefined, string | null | undefined];
  return readStored("visitor record", from === 1 ? keys.record : keys.legacy, [version ?? null, value ?? null], visitorId);
}
