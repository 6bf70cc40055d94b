// The Redis adapter's confirmations gathered in one turn (ConfirmBatches): one command carries the confirmations of
// the calls sent with it, and every call gets the answer an HGET of its own would give it (the adapter with
// `coalesceWrites: false` confirms that way: the oracle), including failures, which stay the failing call's own.
import fc from "fast-check";
import { Redis, ReplyError, type Cluster, type Command } from "ioredis";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { emptyState } from "../../src/index.js";
import { createRedisStorage } from "../../src/redis/index.js";
import { CALLS_PER_WRITE } from "../../src/redis/coalesce-writes.js";
import { ConfirmBatches, CONFIRMATIONS_PER_COMMAND } from "../../src/redis/confirm-batches.js";
import { RedisCall } from "../../src/redis/redis-call.js";
import { clusterSlot } from "../../src/redis/lean-command.js";
import { redisKeys } from "../../src/redis/redis-keys.js";
import { movedOn, writeHead } from "../../src/redis/sync-visitor.js";
import { deadlineList } from "../../src/storage/deadlines.js";
import type { StorageAdapter, VisitorRecord, VisitorSync, VisitorTag } from "../../src/storage/index.js";
import { clusterNodes, connectCluster } from "./redis-cluster-nodes.js";
import { deleteClusterKeysUnder, deleteKeysUnder, recordKey, uniquePrefix } from "./redis-keys-under.js";

const record = (lastUrl: string): VisitorRecord => ({ state: emptyState(), events: [], lastUrl });

let direct: Redis;
const clients: Redis[] = [];
const prefixes: string[] = [];

/** A client of the test's own, so that what it sends can be counted. */
async function ownClient(options: { keyPrefix?: string } = {}): Promise<Redis> {
  const client = new Redis(options);
  client.on("error", () => {});
  await client.ping();
  clients.push(client);
  return client;
}

/** Records the commands `client` sends from now on, by name, with their argument lists. */
function recordCommands(client: Redis | Cluster): { name: string; args: unknown[] }[] {
  const sent: { name: string; args: unknown[] }[] = [];
  const methods = client as unknown as { sendCommand: (command: { name: string; args: unknown[] }, ...rest: unknown[]) => unknown };
  const send = methods.sendCommand.bind(client);
  methods.sendCommand = (command, ...rest) => {
    sent.push({ name: command.name, args: command.args });
    return send(command, ...rest);
  };
  return sent;
}

/** What a call settled with: its answer, or its error's name and code. */
const settled = (call: Promise<VisitorSync>): Promise<unknown> =>
  call.then(
    (answer) => ({ answer }),
    (error: { name?: string; code?: string; visitorId?: string }) => ({ failed: error.name, code: error.code, visitorId: error.visitorId }),
  );

beforeAll(() => {
  direct = new Redis();
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.quit()));
  await Promise.all(prefixes.splice(0).map((prefix) => deleteKeysUnder(direct, prefix)));
});
afterAll(async () => {
  await direct.quit();
});

/** How a visitor's record stands when its tag is confirmed. */
type Standing = "held" | "moved" | "deleted" | "bare" | "unicode" | "wrongType" | "nothing" | "appeared" | "legacy" | "stray";
/**
 * Tags of a stored record, then tags of nothing stored: still nothing, a record written since, a beckon 0.1 record,
 * a key holding no record (a stray field: found, read, and the tag holds after all).
 */
const STANDINGS: Standing[] = ["held", "moved", "deleted", "bare", "unicode", "wrongType", "nothing", "appeared", "legacy", "stray"];
/** The standings the script finds holding (no read after it). */
const HOLDING: readonly Standing[] = ["held", "unicode", "nothing"];

/** Writes visitor `id` through `storage`, then changes it behind the adapter's back as `standing` says; its tag. */
async function stand(storage: StorageAdapter, prefix: string, id: string, standing: Standing, on: Redis | Cluster = direct): Promise<VisitorTag> {
  if (standing === "nothing" || standing === "appeared" || standing === "legacy" || standing === "stray") {
    const key = standing === "legacy" ? `${prefix}v:${id}` : recordKey(prefix, id);
    if (standing === "stray") await on.hset(key, "note", "not a record");
    else if (standing !== "nothing") await on.hset(key, "version", "1", "value", JSON.stringify(record("/theirs")), "commit", "theirs");
    return { version: 0, commit: null };
  }
  const written = await storage.syncVisitor!(id, { version: 0, commit: null }, record(`/${id}`));
  if (!written.ok || written.tag === null) throw new Error(`the first write of ${id} answered ${JSON.stringify(written)}`);
  const key = recordKey(prefix, id);
  const { version } = written.tag;
  if (standing === "moved") await on.hset(key, "version", String(version + 1), "value", JSON.stringify(record("/theirs")), "commit", "theirs");
  if (standing === "deleted") await on.del(key);
  if (standing === "bare") await on.hdel(key, "commit");
  if (standing === "wrongType") {
    await on.del(key);
    await on.set(key, "not a hash");
  }
  if (standing === "unicode") {
    // A commit id stored by hand, not ASCII: the script compares bytes where an HGET's reply is compared as text.
    await on.hset(key, "commit", "é✓ 𝄞");
    return { version, commit: "é✓ 𝄞" };
  }
  return written.tag;
}

/**
 * Has the server cache the confirmation script (a server without it costs its first command an EVAL more): two
 * visitors of their own confirmed in one turn.
 */
async function cacheScripts(gathering: StorageAdapter, oracle: StorageAdapter, prefix: string, on: Redis | Cluster): Promise<void> {
  const tags = await Promise.all(["cache-1", "cache-2"].map(async (id) => stand(oracle, prefix, id, "held", on)));
  await Promise.all(["cache-1", "cache-2"].map((id, index) => gathering.syncVisitor!(id, tags[index] as VisitorTag)));
}

/**
 * Stands visitors as `standings` say under `prefix`, then confirms every tag in one turn through an adapter over
 * `client` (gathering) and one by one through an adapter over `on` with `coalesceWrites: false` (an HGET each): what
 * each settled with, and the commands the gathering client sent for it.
 */
async function beside(
  client: Redis | Cluster,
  on: Redis | Cluster,
  prefix: string,
  standings: Standing[],
): Promise<{ ids: string[]; gathered: unknown[]; expected: unknown[]; commands: { name: string; args: unknown[] }[] }> {
  const gathering = createRedisStorage({ client, prefix });
  const oracle = createRedisStorage({ client: on, prefix, coalesceWrites: false });
  const ids = standings.map((_, index) => `v${index}`);
  const tags = await Promise.all(ids.map((id, index) => stand(oracle, prefix, id, standings[index] as Standing, on)));
  await cacheScripts(gathering, oracle, prefix, on);
  const sent = recordCommands(client);
  // Every confirmation in one turn, as a server answering many visitors at once sends them.
  const gathered = await Promise.all(ids.map((id, index) => settled(gathering.syncVisitor!(id, tags[index] as VisitorTag))));
  const commands = sent.splice(0);
  const expected: unknown[] = [];
  for (const [index, id] of ids.entries()) expected.push(await settled(oracle.syncVisitor!(id, tags[index] as VisitorTag)));
  return { ids, gathered, expected, commands };
}

describe("confirmations gathered in one turn (one Redis)", () => {
  it("answers every call as an HGET of its own would, in one command per write of calls plus a read per tag that did not hold", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...STANDINGS), { minLength: 1, maxLength: 40 }), async (standings) => {
        const prefix = uniquePrefix();
        prefixes.push(prefix);
        const { ids, gathered, expected, commands } = await beside(await ownClient(), direct, prefix, standings);
        expect(gathered).toEqual(expected);
        // The coalescer lets CALLS_PER_WRITE calls' commands go in a write; their confirmations go first, as one
        // command (an HGET, or an EXISTS for a tag of nothing stored, when alone); each tag that did not hold then
        // reads its record (a lone HGET of a key of another type fails at once instead).
        const writes = Math.ceil(ids.length / CALLS_PER_WRITE);
        const reads = standings.filter(
          (standing, index) => !HOLDING.includes(standing) && !(standing === "wrongType" && index === ids.length - 1 && index % CALLS_PER_WRITE === 0),
        ).length;
        expect(commands).toHaveLength(writes + reads);
        expect(commands.slice(0, writes).map(({ name }) => name)).toEqual(
          Array.from({ length: writes }, (_, write) => {
            if (Math.min(CALLS_PER_WRITE, ids.length - write * CALLS_PER_WRITE) > 1) return "evalsha";
            return ["nothing", "appeared", "legacy", "stray"].includes(standings[write * CALLS_PER_WRITE] as Standing) ? "exists" : "hget";
          }),
        );
      }),
      { numRuns: 25 },
    );
  });

  it("does not take a commit id with a lone surrogate for the U+FFFD its UTF-8 holds", async () => {
    const prefix = uniquePrefix();
    prefixes.push(prefix);
    const storage = createRedisStorage({ client: await ownClient(), prefix });
    const tags = await Promise.all(["a", "b"].map((id) => stand(storage, prefix, id, "held")));
    // Stored by hand: the bytes a client sends for "\uD800" (EF BF BD), which read back as "\uFFFD".
    await direct.hset(recordKey(prefix, "b"), "commit", "\uFFFD");
    const lone = { version: (tags[1] as VisitorTag).version, commit: "\uD800" };
    const answers = await Promise.all([storage.syncVisitor!("a", tags[0] as VisitorTag), storage.syncVisitor!("b", lone)]);
    expect(answers[0]).toEqual({ ok: true, tag: tags[0] });
    expect(answers[1]).toMatchObject({ ok: false, current: { version: lone.version, commit: "\uFFFD" } });
  });

  it("fails only the call whose key holds another type, naming its visitor", async () => {
    const prefix = uniquePrefix();
    prefixes.push(prefix);
    const storage = createRedisStorage({ client: await ownClient(), prefix });
    const tags = await Promise.all(["a", "b", "c"].map((id) => stand(storage, prefix, id, id === "b" ? "wrongType" : "held")));
    const answers = await Promise.all(["a", "b", "c"].map((id, index) => settled(storage.syncVisitor!(id, tags[index] as VisitorTag))));
    expect(answers).toEqual([
      { answer: { ok: true, tag: tags[0] } },
      { failed: "StorageError", code: "corrupt_record", visitorId: "b" },
      { answer: { ok: true, tag: tags[2] } },
    ]);
  });

  it("sends the script's source when the server has not cached it, and still answers every call", async () => {
    const prefix = uniquePrefix();
    prefixes.push(prefix);
    const client = await ownClient();
    const storage = createRedisStorage({ client, prefix });
    const tags = await Promise.all(["a", "b"].map((id) => stand(storage, prefix, id, "held")));
    // The server's answer to an EVALSHA of a script it has not cached, once (flushing the server's scripts would
    // change the command counts of tests running beside this one).
    const methods = client as unknown as { sendCommand: (command: Command) => unknown };
    const send = methods.sendCommand.bind(client);
    let cached = false;
    methods.sendCommand = (command) => {
      if (command.name !== "evalsha" || cached) return send(command);
      cached = true;
      command.reject(new ReplyError("NOSCRIPT No matching script. Please use EVAL."));
      return command.promise;
    };
    const sent = recordCommands(client);
    const answers = await Promise.all(["a", "b"].map((id, index) => storage.syncVisitor!(id, tags[index] as VisitorTag)));
    expect(answers).toEqual(tags.map((tag) => ({ ok: true, tag })));
    expect(sent.map(({ name }) => name)).toEqual(["evalsha", "eval"]);
  });

  it("answers calls sent while the client is still connecting", async () => {
    const prefix = uniquePrefix();
    prefixes.push(prefix);
    const tags = await Promise.all(["a", "b", "c"].map(async (id) => stand(createRedisStorage({ client: direct, prefix }), prefix, id, "held")));
    const connecting = new Redis({ lazyConnect: true });
    clients.push(connecting);
    const storage = createRedisStorage({ client: connecting, prefix });
    const answers = await Promise.all(["a", "b", "c"].map((id, index) => storage.syncVisitor!(id, tags[index] as VisitorTag)));
    expect(answers).toEqual(tags.map((tag) => ({ ok: true, tag })));
  });

  it("gathers confirmations under the client's own keyPrefix", async () => {
    const keyPrefix = uniquePrefix();
    prefixes.push(keyPrefix);
    const client = await ownClient({ keyPrefix });
    const storage = createRedisStorage({ client, prefix: "p:" });
    const tags = await Promise.all(["a", "b", "c"].map((id) => stand(storage, `${keyPrefix}p:`, id, id === "b" ? "moved" : "held")));
    const sent = recordCommands(client);
    const answers = await Promise.all(["a", "b", "c"].map((id, index) => storage.syncVisitor!(id, tags[index] as VisitorTag)));
    expect(answers).toEqual([
      { ok: true, tag: tags[0] },
      { ok: false, current: { value: record("/theirs"), version: (tags[1] as VisitorTag).version + 1, commit: "theirs" } },
      { ok: true, tag: tags[2] },
    ]);
    // The confirmations, then the read of the record that moved on (on one server, the script's read of both keys).
    expect(sent.map(({ name }) => name)).toEqual(["evalsha", "evalsha"]);
  });
});

describe("ConfirmBatches without a write coalescer", () => {
  /** Confirms `tags` of visitors `ids` through `batches` alone, all in one turn, as syncVisitor would. */
  function confirmAll(batches: ConfirmBatches, client: Redis, prefix: string, ids: string[], tags: VisitorTag[]): Promise<VisitorSync[]> {
    const keys = redisKeys(prefix, { legacy: false });
    const setting = { client, deadlines: deadlineList(5_000), timeoutMs: 5_000, explain: (error: unknown) => error };
    return Promise.all(
      ids.map((id, index) => {
        const target = { keys: keys.visitor(id), head: writeHead(0, false), call: new RedisCall(setting, "writing a visitor", id) };
        const tag = tags[index] as VisitorTag;
        return batches.confirm(target, id, { version: tag.version, commit: tag.commit as string });
      }),
    );
  }

  it("sends what waits at the end of the turn, at most 32 confirmations a command", async () => {
    const prefix = uniquePrefix();
    prefixes.push(prefix);
    const ids = Array.from({ length: 70 }, (_, index) => `v${index}`);
    const tags = await Promise.all(ids.map((id) => stand(createRedisStorage({ client: direct, prefix }), prefix, id, id === "v40" ? "moved" : "held")));
    const client = await ownClient();
    const sent = recordCommands(client);
    const answers = await confirmAll(new ConfirmBatches(movedOn, null), client, prefix, ids, tags);
    expect(answers.map((answer) => answer.ok)).toEqual(ids.map((id) => id !== "v40"));
    expect(answers[40]).toMatchObject({ ok: false, current: { version: (tags[40] as VisitorTag).version + 1, commit: "theirs" } });
    expect(sent.map(({ name, args }) => (name === "evalsha" ? Number(args[1]) : name))).toEqual([CONFIRMATIONS_PER_COMMAND, CONFIRMATIONS_PER_COMMAND, 6, "hmget"]);
  });
});

describe("confirmations gathered in one turn (Redis Cluster)", () => {
  let cluster: Cluster;
  const own: Cluster[] = [];
  const under: string[] = [];
  beforeAll(async () => {
    cluster = await connectCluster(await clusterNodes());
  }, 200_000);
  afterEach(async () => {
    own.splice(0).forEach((client) => client.disconnect());
    await Promise.all(under.splice(0).map((prefix) => deleteClusterKeysUnder(cluster, prefix)));
  });
  afterAll(async () => {
    await cluster?.quit();
  });
  const ownCluster = async (): Promise<Cluster> => {
    const client = await connectCluster(await clusterNodes());
    own.push(client);
    return client;
  };
  /** The master serving `key`'s slot, as `client` knows the slots now. */
  const masterOf = (client: Cluster, key: string): string => client.slots[clusterSlot(key)]?.[0] ?? "unknown";

  it("answers every call as an HGET of its own would, with one command per master the records of a write are on", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...STANDINGS.filter((standing) => standing !== "legacy")), { minLength: 1, maxLength: 60 }), async (standings) => {
        const prefix = uniquePrefix();
        under.push(prefix);
        const client = await ownCluster();
        const { ids, gathered, expected, commands } = await beside(client, cluster, prefix, standings);
        expect(gathered).toEqual(expected);
        // Every gathered command names records of one master (none declared as keys), at most one per master for
        // each write of CALLS_PER_WRITE calls per master.
        const scripts = commands.filter(({ name, args }) => name === "evalsha" && args[1] === "0");
        for (const { args } of scripts) {
          // EVALSHA, no key declared, the count, what each expects, then the records.
          const records = args.slice(3 + Number(args[2])) as string[];
          expect(new Set(records.map((key) => masterOf(client, key))).size).toBe(1);
        }
        const masters = cluster.nodes("master").length;
        expect(scripts.length).toBeLessThanOrEqual(masters * Math.ceil(ids.length / (CALLS_PER_WRITE * masters)));
        expect(scripts.reduce((sum, { args }) => sum + Number(args[2]), 0)).toBeGreaterThanOrEqual(ids.length - masters * Math.ceil(ids.length / (CALLS_PER_WRITE * masters)));
      }),
      { numRuns: 10 },
    );
  });

  it("confirms with an HGET each the records the command's node does not serve", async () => {
    const prefix = uniquePrefix();
    under.push(prefix);
    const client = await ownCluster();
    const ids = Array.from({ length: 12 }, (_, index) => `v${index}`);
    const tags = await Promise.all(ids.map((id) => stand(createRedisStorage({ client: cluster, prefix }), prefix, id, id === "v5" ? "moved" : "held", cluster)));
    expect(new Set(ids.map((id) => masterOf(client, recordKey(prefix, id)))).size).toBeGreaterThan(1);
    const sent = recordCommands(client);
    // Every record in one group, as a client that still thinks one node serves them all would make it.
    const keys = redisKeys(prefix, { legacy: false, slotOf: clusterSlot });
    const setting = { client, deadlines: deadlineList(5_000), timeoutMs: 5_000, explain: (error: unknown) => error };
    const batches = new ConfirmBatches(movedOn, () => "one node");
    const answers = await Promise.all(
      ids.map((id, index) => {
        const visitor = keys.visitor(id);
        const target = { keys: visitor, head: writeHead(0, false), call: new RedisCall(setting, "writing a visitor", id, visitor.slot) };
        const tag = tags[index] as VisitorTag;
        return batches.confirm(target, id, { version: tag.version, commit: tag.commit as string });
      }),
    );
    expect(answers.map((answer) => answer.ok)).toEqual(ids.map((id) => id !== "v5"));
    const first = masterOf(client, recordKey(prefix, "v0"));
    const elsewhere = ids.filter((id) => masterOf(client, recordKey(prefix, id)) !== first);
    // The script, then an HGET for each record on another master, then the read of the one that moved on.
    expect(sent.filter(({ name }) => name === "hget").map(({ args }) => args[0])).toEqual(elsewhere.map((id) => recordKey(prefix, id)));
    expect(sent.filter(({ name }) => name === "evalsha")).toHaveLength(1);
  });
});
