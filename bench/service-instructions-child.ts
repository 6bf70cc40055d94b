/**
 * One run of bench/service-instructions.ts, under valgrind: `node child.cjs service|ideal|floor WORKLOAD CALLS VISITORS`
 * makes CALLS calls of one workload of bench/service.ts, VISITORS visitors at once, through the Redis adapter over a
 * stand-in client that answers at once from a Map (HMGET, EXISTS, and the adapter's write script as Redis would run it), so
 * what is counted is the service and the adapter, never a socket. `ideal` does only what a check cannot do without
 * (one HMGET of the visitor's version and commit id, then `evaluate`); `floor` one EVALSHA of a trivial script.
 */
import { compile, evaluate } from "../src/index.js";
import { createRedisStorage } from "../src/redis/index.js";
import { createBeckon } from "../src/storage/index.js";
import { call, events, invitations, T0, type Workload } from "./service-workload.js";

const [side = "service", workload = "check", calls = "20000", visitors = "64"] = process.argv.slice(2);
const VISITORS = Number(visitors);

interface Stored {
  version: number;
  value: string;
  commit: string;
  /** The commit id as Redis sends it, made once per record (the confirmation reads it as bytes). */
  bytes?: Buffer;
}

const stored = new Map<string, Stored>();

/** The commands the adapter's hot path sends, answered as Redis answers them. */
const client = {
  isCluster: false,
  status: "wait",
  on() {},
  hmget(key: string, ...fields: string[]): Promise<(string | null)[]> {
    const record = stored.get(key);
    const field = (name: string): string | null =>
      record === undefined ? null : name === "version" ? String(record.version) : name === "value" ? record.value : name === "commit" ? record.commit : null;
    return Promise.resolve(fields.map(field));
  },
  // Only the confirmation's read: the commit id.
  hgetBuffer(key: string): Promise<Buffer | null> {
    const record = stored.get(key);
    if (record === undefined) return Promise.resolve(null);
    record.bytes ??= Buffer.from(record.commit);
    return Promise.resolve(record.bytes);
  },
  // Whether a visitor with nothing stored has anything under its key (or its 0.1 key, never written here).
  exists(...keys: string[]): Promise<number> {
    return Promise.resolve(keys.filter((key) => stored.has(key)).length);
  },
  // The write script of src/redis/sync-visitor.ts: ARGV[1] "<expected> <commit> <ttl> <0|1> <expected commit>",
  // ARGV[2] the value; answers the new version, 0 for a resent write, else {0, version, value, commit}.
  evalsha(_sha: string, keyCount: number, ...given: (string | number | string[])[]): Promise<unknown> {
    if (side === "floor") return Promise.resolve(1);
    // Keys and arguments come as one list, or one by one: ioredis takes both.
    const rest = given.length === 1 && Array.isArray(given[0]) ? given[0] : (given as (string | number)[]);
    const key = rest[0] as string;
    const head = String(rest[keyCount]);
    const value = String(rest[keyCount + 1]);
    // What ioredis does before it writes the command: the length in bytes, which makes a joined string flat.
    Buffer.byteLength(value);
    const [expected, commit = "", , , ...expectedCommit] = head.split(" ");
    const record = stored.get(key);
    if (record !== undefined && record.commit === commit) return Promise.resolve(0);
    const version = record?.version ?? 0;
    if (String(version) === expected && (version === 0 || record?.commit === expectedCommit.join(" "))) {
      stored.set(key, { version: version + 1, value, commit });
      return Promise.resolve(version + 1);
    }
    return Promise.resolve([0, record === undefined ? null : String(record.version), record?.value ?? null, record?.commit ?? null]);
  },
};

const server = createBeckon({ storage: createRedisStorage({ client: client as never, coalesceWrites: false }), invitations, events });
const ruleset = compile(invitations);

/** One call of the side counted, for the n-th call (0–39) of a visitor. */
function one(visitorId: string, n: number): Promise<unknown> {
  if (side === "floor") return client.evalsha("-", 1, `floor:{${visitorId}}`);
  if (side === "ideal") {
    return client.hmget(`beckon:{b0}:v:${visitorId}`, "version", "commit").then(() =>
      evaluate(ruleset, { id: visitorId, url: "https://example.com/pricing", timeOnSite: n * 5, pageviews: 1 + (n >> 2) }, T0 + n * 5_000),
    );
  }
  return call(server, workload as Workload, visitorId, n);
}

async function main(): Promise<void> {
  let done = 0;
  const perVisitor = Math.ceil(Number(calls) / VISITORS);
  await Promise.all(
    Array.from({ length: VISITORS }, async (_, v) => {
      // A new visitor every 40 calls, as in bench/service.ts.
      for (let n = 0; n < perVisitor; n++, done++) await one(`v-${v}-${Math.floor(n / 40)}`, n % 40);
    }),
  );
  console.log(done);
}

// Bundled as CommonJS (see bench/service-instructions.ts), which has no top-level await.
void main();
