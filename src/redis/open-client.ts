import { Redis, type Cluster, type RedisOptions } from "ioredis";

/** What the adapter talks through: one Redis server, or a Redis Cluster. */
export type RedisClient = Redis | Cluster;

/** The client an adapter talks through, and whether the adapter owns it. */
export interface OpenedClient {
  client: RedisClient;
  /** True when the adapter created the client, so `close()` must quit it. */
  owned: boolean;
  /** Why the owned client last failed to connect (cleared once it is ready again); always undefined for a caller's. */
  lastConnectionError(): Error | undefined;
}

// A client the adapter owns fails fast instead of queueing: a command waits for at most one connection attempt
// (maxRetriesPerRequest 0 flushes the queue on every lost connection), is never resent after a lost connection
// (a write whose answer never came is reported, not silently repeated), and gives up after commandTimeout. It keeps
// reconnecting in the background, so calls succeed again once Redis is back.
const FAIL_FAST = {
  connectTimeout: 2_000,
  commandTimeout: 5_000,
  maxRetriesPerRequest: 0,
  autoResendUnfulfilledCommands: false,
  retryStrategy: (attempt: number) => Math.min(attempt * 50, 500),
} satisfies RedisOptions;

/**
 * Uses the caller's client as it is, or creates one from `url` (ioredis's default, 127.0.0.1:6379, without one)
 * configured to fail fast.
 *
 * @example
 * const { client, owned } = openClient({ url: "redis://127.0.0.1:6379" }); // owned === true
 */
export function openClient(options: { client?: RedisClient; url?: string | undefined }, commandTimeout = FAIL_FAST.commandTimeout): OpenedClient {
  if (options.client !== undefined) return { client: options.client, owned: false, lastConnectionError: () => undefined };
  const settings = { ...FAIL_FAST, commandTimeout, connectTimeout: Math.min(FAIL_FAST.connectTimeout, commandTimeout) };
  const client = options.url === undefined ? new Redis(settings) : new Redis(options.url, settings);
  let lastError: Error | undefined;
  // The failures reach callers through their rejected calls; without a listener ioredis would print every
  // reconnection error to the console.
  client.on("error", (error: Error) => {
    lastError = error;
  });
  client.on("ready", () => {
    lastError = undefined;
  });
  return { client, owned: true, lastConnectionError: () => lastError };
}
