// Key bookkeeping for the Redis tests: each test works under its own random prefix and removes its keys afterwards.
import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";

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
