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
 * node caches it on first use), and resolves with its reply. Every key the script touches must be in `keys`: a
 * cluster routes the call by them.
 *
 * @example
 * await runLuaScript(client, luaScript("return redis.call('GET', KEYS[1])"), ["beckon:x"], []) // => null
 */
export function runLuaScript(client: RedisClient, script: LuaScript, keys: readonly string[], args: readonly (string | number)[]): Promise<unknown> {
  const list = [...keys, ...args] as string[];
  return client.evalsha(script.sha, keys.length, list).catch((error: unknown) => {
    if (!isNoScript(error)) throw error;
    return client.eval(script.source, keys.length, list);
  });
}

/**
 * Whether a script call failed because the server does not have the script cached: it did not run at all, so sending
 * its source is safe.
 *
 * @example
 * isNoScript(new Error("NOSCRIPT No matching script. Please use EVAL.")) // => true
 */
export function isNoScript(error: unknown): boolean {
  return error instanceof Error && error.message.includes("NOSCRIPT");
}
