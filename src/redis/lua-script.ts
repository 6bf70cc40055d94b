import { createHash } from "node:crypto";
import type { RedisClient } from "./open-client.js";

/** A Lua script the adapter sends by its SHA-1, with its source kept for a server that has not cached it. */
export interface LuaScript {
  source: string;
  sha: string;
}

/**
 * Wraps a Lua script's source with its SHA-1 for {@link runLuaScript}.
 *
 * @example
 * luaScript("return 1").sha // => "e0e1f9fabfc9d4800c877a703b823ac0578ff8db"
 */
export function luaScript(source: string): LuaScript {
  return { source, sha: createHash("sha1").update(source).digest("hex") };
}

/**
 * Runs a script by EVALSHA, falling back to EVAL once when the server does not have it cached (on a cluster, each
 * node caches it on first use), and resolves with its reply ({@link sendLuaScript} with the keys and arguments apart).
 * Every key the script touches must be in `keys`: a cluster routes the call by them.
 *
 * @example
 * await runLuaScript(client, luaScript("return redis.call('GET', KEYS[1])"), ["beckon:x"], []) // => null
 */
export function runLuaScript(client: RedisClient, script: LuaScript, keys: readonly string[], args: readonly (string | number)[]): Promise<unknown> {
  return sendLuaScript(client, script, keys.length, [...keys, ...args], asItCame);
}

const asItCame = (reply: unknown): unknown => reply;

/**
 * Runs a script by EVALSHA with no promise of its own, for the calls most requests make: the keys then the arguments
 * in one list (ioredis flattens it; no spread at the call), the answer handed to `onReply`, a failure to `onError`
 * (when given; else it rejects as it came). A server without the script gets its source at once, in one EVAL.
 *
 * @example
 * await sendLuaScript(client, script, 1, ["beckon:x", "3"], (reply) => reply === 1) // => true
 */
export function sendLuaScript<T>(
  client: RedisClient,
  script: LuaScript,
  keyCount: number,
  list: readonly (string | number)[],
  onReply: (reply: unknown) => T,
  onError?: (error: unknown) => never,
): Promise<T> {
  return client.evalsha(script.sha, keyCount, list as string[]).then(onReply, (error: unknown) => {
    if (!isNoScript(error)) return onError === undefined ? Promise.reject(error) : onError(error);
    return client.eval(script.source, keyCount, list as string[]).then(onReply, onError);
  });
}

/**
 * Whether a script call failed because the server does not have the script cached: it did not run at all, so sending
 * its source is safe.
 */
function isNoScript(error: unknown): boolean {
  return error instanceof Error && error.message.includes("NOSCRIPT");
}
