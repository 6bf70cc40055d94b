import type { StorageAdapter } from "beckon/storage";
import { createMemoryStorage } from "beckon/storage";

/** The storage the example runs on, and how to name it in a log line. */
export interface ChosenStorage {
  storage: StorageAdapter;
  description: string;
}

/**
 * Picks the storage adapter from the environment: `REDIS_URL` → Redis, `DATABASE_URL` → PostgreSQL (its tables are
 * created when missing), neither → memory. The Redis and PostgreSQL adapters are imported only when chosen, so their
 * optional peer dependencies (ioredis, pg) are needed only then.
 *
 * @throws Error when both are set: one server keeps its visitors in one place.
 * @example
 * const { storage, description } = await storageFromEnvironment(process.env); // description: "memory"
 */
export async function storageFromEnvironment(env: NodeJS.ProcessEnv): Promise<ChosenStorage> {
  const redisUrl = nonBlank(env["REDIS_URL"]);
  const databaseUrl = nonBlank(env["DATABASE_URL"]);
  if (redisUrl !== undefined && databaseUrl !== undefined) {
    throw new Error("Set REDIS_URL or DATABASE_URL, not both: the server keeps its visitors in one place.");
  }
  if (redisUrl !== undefined) {
    const { createRedisStorage } = await import("beckon/redis");
    return { storage: createRedisStorage({ url: redisUrl, prefix: "beckon-example:" }), description: `Redis (${redacted(redisUrl)})` };
  }
  if (databaseUrl !== undefined) {
    const { createPostgresStorage } = await import("beckon/postgres");
    const storage = createPostgresStorage({ connectionString: databaseUrl, namespace: "beckon-example" });
    await storage.migrate();
    return { storage, description: `PostgreSQL (${redacted(databaseUrl)})` };
  }
  return { storage: createMemoryStorage(), description: "memory (visitors are forgotten when the server stops)" };
}

function nonBlank(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === "" ? undefined : value;
}

/** A connection URL without its password, fit for a log line. */
function redacted(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== "") parsed.password = "***";
    return parsed.toString();
  } catch {
    return "an unparsable URL";
  }
}
