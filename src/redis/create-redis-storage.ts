import { newCommitId } from "../storage/commit-id.js";
import type { Cluster, Redis } from "ioredis";
import { counterKey } from "../storage/counter-key.js";
import { checkTimeout } from "../storage/check-timeout.js";
import { asStorageError, guard, StorageError, timedOut, type Explain } from "../storage/storage-error.js";
import { deadlineList } from "../storage/deadlines.js";
import type { StorageAdapter } from "../storage/types.js";
import { writeCoalescer } from "./coalesce-writes.js";
import { compareAndSet } from "./compare-and-set.js";
import { forgetVisitor } from "./forget-visitor.js";
import { openClient, type RedisClient } from "./open-client.js";
import { readCounters } from "./read-counters.js";
import { readStored } from "./read-stored.js";
import { readVersion } from "./read-version.js";
import { readVisitor } from "./read-visitor.js";
import { layoutFor } from "./redis-keys.js";
import { clusterSlot } from "./lean-command.js";
import { restoreFastStrings } from "../lib/fast-string-methods.js";
import { movedOn, syncVisitor, writeHead } from "./sync-visitor.js";
import { ConfirmBatches } from "./confirm-batches.js";
import { RedisCall, type CallSetting } from "./redis-call.js";

/** How the Redis adapter connects and where it keeps its keys. */
export interface RedisStorageOptions {
  /**
   * An ioredis client you own: a `Redis` for one server, or a `Cluster` for Redis Cluster (visitors and counters
   * spread over its slots by themselves). `close()` leaves it open, and its `'error'` events stay yours to handle.
   * Its `keyPrefix` applies to every key; the visitor calls send their commands outside its auto-pipelining.
   */
  client?: Redis | Cluster;
  /**
   * Or a URL (`redis://…`): the adapter creates and owns a client that fails fast when Redis is unreachable
   * (`close()` quits it). Without `client` and `url`, it connects to 127.0.0.1:6379.
   */
  url?: string | undefined;
  /**
   * Starts every key the adapter touches. Default: `"beckon:"`. Two adapters whose prefixes start one another can
   * collide. Leave hash tags out of it: a prefix with one (`"{beckon}:"`) puts every key in one Redis Cluster slot.
   */
  prefix?: string;
  /** Expire a visitor's record this many seconds after its last write. Default: kept until deleted. */
  visitorTtlSeconds?: number;
  /**
   * Every call settles within this many milliseconds: a server that stops answering rejects it with a `timeout`
   * StorageError. Also the command timeout of a client made from `url`. Default: 5 000.
   */
  timeoutMs?: number;
  /**
   * Commands sent in one turn of the event loop leave together, in a socket write per connection for every 8 calls
   * (the client's sockets are corked until the turn's promise callbacks are done, or until 8 more calls per socket
   * have sent theirs), not one write each: on a server with many visitors at once this about doubles the calls per
   * second, and writes of 8 let Redis start on the first calls while this process still works out the others. It
   * holds your own commands sent in the same turn too (they go out in the same writes, in order). The confirmations
   * among those calls (a visitor's kept record checked against the stored one) leave as one script call per master
   * instead of an HGET each, every call keeping its own answer and deadline. Default: `true`; `false` writes each
   * command as ioredis does by itself.
   */
  coalesceWrites?: boolean;
}

const NAME = "redis";

/**
 * Stores visitors, counters and the shared invitation set in Redis or Redis Cluster (ioredis). Each visitor write is
 * one Lua script: the version check, the record, its TTL and the counter increments happen atomically, or nothing
 * does.
 *
 * Keys under the prefix: visitors are spread over 256 buckets, each a hash tag and so one cluster slot, holding
 * `{b<n>}:v:<visitorId>` (hash: `version`, `value` JSON, `commit` id) and the bucket's counters shard
 * `{b<n>}:counters` (hash: `counterKey(…)` → count; the counters are the shards' sums); `invitations` (hash:
 * `version`, `value` JSON, `commit` id) has a slot of its own. On one server (or under a prefix with its own hash
 * tag) a visitor's beckon 0.1 key `v:<visitorId>` is still read and moves to the new key on its next write, and the
 * 0.1 `counters` hash still adds to the sums.
 *
 * @example
 * const storage = createRedisStorage({ url: process.env.REDIS_URL, visitorTtlSeconds: 30 * 86_400 });
 * const beckon = createBeckon({ storage, invitations });
 */
export function createRedisStorage(options: RedisStorageOptions = {}): StorageAdapter {
  const { ttlMs, timeoutMs } = checkOptions(options);
  const keys = layoutFor(options.prefix ?? "beckon:", options.client?.isCluster === true, clusterSlot);
  const head = writeHead(ttlMs, keys.legacy);
  const opened = openClient(options, timeoutMs);
  const { client } = opened;
  // ioredis subclasses String, which leaves every string method slow in this process (restoreFastStrings).
  restoreFastStrings();
  let closing: Promise<void> | null = null;
  // The turn's confirmations leave with the commands written with them, one command per node (ConfirmBatches).
  const confirmer = options.coalesceWrites === false ? null : confirmBatches(client);
  const hold = options.coalesceWrites === false ? null : writeCoalescer(client, confirmer === null ? undefined : () => confirmer.send());
  const explain: Explain = (error, doing, visitorId) => explainFailure(error, opened.lastConnectionError(), doing, timeoutMs, visitorId);
  // What the visitor calls share: they send their commands themselves, under the adapter's deadline (RedisCall).
  const setting: CallSetting = { client, deadlines: deadlineList(timeoutMs), timeoutMs, explain };
  const run = <T>(doing: string, operation: () => Promise<T>, visitorId?: string): Promise<T> => {
    hold?.();
    return guard(NAME, doing, operation, timeoutMs, explain, visitorId);
  };

  return {
    name: NAME,
    getVisitor: (visitorId) =>
      run(
        "reading a visitor",
        () => readVisitor(client, keys.visitor(visitorId), visitorId),
        visitorId,
      ),
    commitVisitor: (visitorId, record, expectedVersion, increments = []) =>
      run(
        "writing a visitor",
        () => {
          const visitor = keys.visitor(visitorId);
          return compareAndSet(client, {
            key: visitor.record,
            value: JSON.stringify(record),
            expectedVersion,
            commitId: newCommitId(),
            ttlMs,
            counters: { key: visitor.counters, increments: increments.map((step) => [counterKey(step), step.by ?? 1] as const) },
            ...(visitor.legacy === undefined ? {} : { legacyKey: visitor.legacy }),
          });
        },
        visitorId,
      ),
    // Most calls come here: the call sends its own commands under its deadline (RedisCall), with no guard around it.
    syncVisitor: (visitorId, expected, record = null, increments = []) => {
      hold?.();
      const doing = expected === null ? "reading a visitor" : "writing a visitor";
      const visitorKeys = keys.visitor(visitorId);
      const call = new RedisCall(setting, doing, visitorId, visitorKeys.slot);
      try {
        return syncVisitor({ keys: visitorKeys, head, call, hold, confirmer }, visitorId, expected, record, increments);
      } catch (error) {
        return Promise.reject(asStorageError(NAME, doing, error, explain, visitorId));
      }
    },
    deleteVisitor: (visitorId) =>
      run("deleting a visitor", async () => {
        const { record, legacy } = keys.visitor(visitorId);
        await (legacy === undefined ? client.del(record) : client.del(record, legacy));
      }),
    forgetVisitor: (visitorId) => {
      const named = keys.visitor(visitorId);
      keys.forget(visitorId);
      return run("forgetting a visitor", () => forgetVisitor(client, named, ttlMs), visitorId);
    },
    getInvitationSet: () =>
      run("reading the invitation set", async () =>
        readStored("invitation set", keys.invitationSet, await client.hmget(keys.invitationSet, "version", "value")),
      ),
    getInvitationSetVersion: () =>
      run("reading the invitation set version", async () =>
        readVersion(await client.hget(keys.invitationSet, "version"), keys.invitationSet),
      ),
    putInvitationSet: (set, expectedVersion) =>
      run("writing the invitation set", () =>
        compareAndSet(client, {
          key: keys.invitationSet,
          value: JSON.stringify(set),
          ...(expectedVersion === undefined ? {} : { expectedVersion }),
          commitId: newCommitId(),
          ttlMs: 0,
        }),
      ),
    readCounters: () => run("reading counters", () => readCounters(client, keys)),
    close: () => {
      closing ??= opened.owned ? run("closing the connection", () => quit(client)) : Promise.resolve();
      return closing;
    },
  };
}

/**
 * What gathers the visitors' confirmations over `client`: on Redis Cluster grouped by the master serving their slot
 * (as the client knows the slots now), where the script names the records among its arguments, so not under a client
 * `keyPrefix` (ioredis adds it to declared keys only).
 */
function confirmBatches(client: RedisClient): ConfirmBatches | null {
  if (!client.isCluster) return new ConfirmBatches(movedOn, null);
  const { keyPrefix } = client.options;
  if (keyPrefix !== undefined && keyPrefix !== "") return null;
  const cluster = client as Cluster;
  // Read on every confirmation: ioredis replaces the whole table when it starts over.
  return new ConfirmBatches(movedOn, (slot) => cluster.slots[slot]?.[0] ?? `slot ${slot}`);
}

/** Checks the options that can be wrong at run time; returns the visitor TTL (0: none) and the deadline in ms. */
function checkOptions(options: RedisStorageOptions): { ttlMs: number; timeoutMs: number } {
  if (options.client !== undefined && options.url !== undefined) {
    throw new TypeError("beckon/redis: pass either a client or a url, not both");
  }
  const seconds = options.visitorTtlSeconds;
  if (seconds !== undefined && !(Number.isFinite(seconds) && seconds > 0)) {
    throw new RangeError(`beckon/redis: visitorTtlSeconds must be a number of seconds above 0, not ${seconds}`);
  }
  return {
    ttlMs: seconds === undefined ? 0 : Math.max(1, Math.round(seconds * 1000)),
    timeoutMs: checkTimeout("beckon/redis", options.timeoutMs),
  };
}

/**
 * Names what went wrong in terms of beckon's error codes: ioredis's bare "max retries" on a lost connection (with
 * the connection error behind it, ECONNREFUSED…, as `cause`), its command timeout (`timeout`), and a key holding
 * another type than the hash beckon writes (`corrupt_record`, left as it is).
 */
function explainFailure(error: unknown, connectionError: Error | undefined, doing: string, timeoutMs: number, visitorId?: string): unknown {
  if (!(error instanceof Error)) return error;
  if (error.name === "MaxRetriesPerRequestError") {
    // A connection attempt that got no answer in time is the server not answering, not a refusal.
    if (connectionError !== undefined && /ETIMEDOUT|timed out/i.test(connectionError.message)) return timedOut(NAME, doing, timeoutMs, connectionError);
    const reason = connectionError === undefined ? "" : ` (${connectionError.message})`;
    return new StorageError(NAME, `failed ${doing}: lost the connection to Redis${reason}`, { cause: connectionError ?? error });
  }
  if (error.message === "Command timed out") return timedOut(NAME, doing, timeoutMs, error);
  if (error.message.startsWith("WRONGTYPE")) {
    const owner = visitorId === undefined ? "" : ` for visitor ${JSON.stringify(visitorId)}`;
    return new StorageError(NAME, `failed ${doing}${owner}: a key holds another type than the hash beckon writes; it was left as it is`, {
      code: "corrupt_record",
      cause: error,
      path: [],
      ...(visitorId === undefined ? {} : { visitorId }),
    });
  }
  return error;
}

async function quit(client: RedisClient): Promise<void> {
  if (client.status === "end") return;
  if (client.status !== "ready") return client.disconnect();
  try {
    await client.quit();
  } catch {
    // QUIT failing means the connection is already gone; stop the reconnection attempts as well.
    client.disconnect();
  }
}
