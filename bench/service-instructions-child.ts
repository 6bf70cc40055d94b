/**
 * One run of bench/service-instructions.ts, under valgrind: `node child.cjs service|ideal|floor WORKLOAD CALLS VISITORS`
 * makes CALLS calls of one workload of bench/service.ts, VISITORS visitors at once, through the Redis adapter over a
 * stand-in client: ioredis itself with a Map for a connection (HMGET, HGET, EXISTS, the adapter's write script and its
 * gathered confirmations as Redis would run them), so what is counted is the service, the adapter and ioredis's own work on each command, never a
 * socket. `ideal` does only what a check cannot do without (one HMGET of the visitor's version and commit id, then
 * `evaluate`); `floor` one EVALSHA of a trivial script.
 */
import { Redis, type Command } from "ioredis";
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

/** The reply Redis gives a command of the adapter's hot path, from the Map. */
function answer(name: string, args: string[]): unknown {
  const record = stored.get(args[0] as string);
  // Only the confirmation's read: the commit id, as bytes.
  if (name === "hget") {
    if (record === undefined) return null;
    record.bytes ??= Buffer.from(record.commit);
    return record.bytes;
  }
  if (name === "hmget") {
    const field = (name: string): string | null =>
      record === undefined ? null : name === "version" ? String(record.version) : name === "value" ? record.value : name === "commit" ? record.commit : null;
    return args.slice(1).map(field);
  }
  // Whether a visitor with nothing stored has anything under its key (or its 0.1 key, never written here).
  if (name === "exists") return args.filter((key) => stored.has(key)).length;
  if (name !== "evalsha") throw new Error(`the stand-in does not answer ${name}`);
  if (side === "floor") return 1;
  // The gathered confirmations of src/redis/confirm-batches.ts: KEYS the keys, ARGV the count, then what each expects
  // ("c<commit id>", "e": nothing under the key, "l": nothing under it nor the next); answers {held, unreadable}.
  // (The write script's first argument starts "<ttl> <0|1> ", never a count.)
  const keyCount = Number(args[1]);
  const first = args[2 + keyCount] as string;
  if (/^\d+$/.test(first)) {
    let held = 0;
    let k = 2;
    for (let i = 0; i < Number(first); i++) {
      const want = args[3 + keyCount + i] as string;
      const key = args[k++] as string;
      const legacy = want === "l" ? (args[k++] as string) : null;
      const holds = want.startsWith("c") ? stored.get(key)?.commit === want.slice(1) : !stored.has(key) && (legacy === null || !stored.has(legacy));
      if (holds) held += 2 ** i;
    }
    return [held, 0];
  }
  // The write script of src/redis/sync-visitor.ts: ARGV[1] "<ttl> <0|1> <expected> <commit> <expected commit>",
  // ARGV[2] the value; answers the new version, 0 for a resent write, else {0, version, value, commit}.
  const key = args[2] as string;
  const head = first;
  const value = args[3 + keyCount] as string;
  const [, , expected, commit = "", ...expectedCommit] = head.split(" ");
  const written = stored.get(key);
  if (written !== undefined && written.commit === commit) return 0;
  const version = written?.version ?? 0;
  if (String(version) === expected && (version === 0 || written?.commit === expectedCommit.join(" "))) {
    stored.set(key, { version: version + 1, value, commit });
    return version + 1;
  }
  return [0, written === undefined ? null : String(written.version), written?.value ?? null, written?.commit ?? null];
}

/**
 * A real ioredis client whose connection is the Map: every command, made by its own methods or by the adapter, is
 * answered a turn later through the Command as a connection's reply would be, after the work ioredis does to write it
 * (`toWritable`: the command's text, which makes a joined value flat).
 */
class StandIn extends Redis {
  override sendCommand(command: Command): Promise<unknown> {
    command.toWritable(undefined as never);
    const reply = answer(command.name, command.args as string[]);
    void Promise.resolve().then(() => command.resolve(reply));
    return command.promise;
  }
}

const client = new StandIn({ lazyConnect: true });
// The adapter as a server runs it: the commands of a turn coalesced (the stand-in has no socket to hold, but the turn's
// confirmations still leave as one script call), unless COALESCE=0 asks for a command each.
const coalesceWrites = process.env["COALESCE"] !== "0";
const server = createBeckon({ storage: createRedisStorage({ client, coalesceWrites }), invitations, events });
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
