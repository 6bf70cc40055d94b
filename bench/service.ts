/**
 * The service over real storage (issue 15): throughput and p50 / p99 latency of `check`, `logEvent` and a mixed
 * widget session, on memory, Redis, Redis Cluster and PostgreSQL, at 1, 16 and 64 visitors served at once — each
 * next to the floor measured in the same run, on the same connections, at the same concurrency:
 *
 * - Redis and Redis Cluster: one EVALSHA round trip of a trivial script on a key of the visitor's slot;
 * - PostgreSQL: the smallest work the adapter needs for a call, reading one row and updating it (two statements);
 * - memory: none (there is no round trip).
 *
 * Each row also gives the CPU time the process spent per call (`process.cpuUsage`, user + system, over the row ÷ its
 * calls; the floor's per operation next to it): on a shared machine wall-clock figures move with the load, so compare
 * ratios to the floor of the same run, and CPU per call. The floor and the row take turns (`--slices`, 6 by default:
 * half a second each at 3 s per row), so a load that comes and goes on the machine weighs on both alike. It counts commands per call (commands sent to Redis,
 * statements sent to PostgreSQL) at every concurrency, and at 1 visitor the round trips of the calls that wrote and
 * of those that did not (commands sent in one synchronous turn go out together and count as one round trip), so "a
 * check that changes nothing writes nothing" can be read off the summary line each adapter ends with. On Redis and
 * PostgreSQL the service writes against the record it kept from its last call for the visitor (`syncVisitor`): one
 * round trip, two for a visitor it has not served yet (read, then write) or whose record another server changed.
 *
 *   npx tsx bench/service.ts                                   # every adapter, 1 / 16 / 64 visitors, 3 s each
 *   npx tsx bench/service.ts --adapters redis,postgres --seconds 5 --concurrency 16,64
 *   npx tsx bench/service.ts --workloads check --warmup 2 --pool 20   # warm-up seconds, PostgreSQL connections
 *   npx tsx bench/service.ts --adapters redis,cluster --autopipelining on  # both Redis clients auto-pipelining
 *   npx tsx bench/service.ts --adapters redis,cluster --coalesce off       # one socket write per command, both sides
 *   npx tsx bench/service.ts --slices 1                        # the floor's SECONDS, then the row's, in one piece each
 *   npx tsx bench/service.ts --adapters redis,cluster --floor lean        # the floor's EVALSHA sent as the adapter sends its commands
 *   npx tsx bench/service.ts --adapters redis,cluster --runs 5  # the whole table 5 times, then each ratio's median
 *
 * Needs Redis on 127.0.0.1:6379, PostgreSQL on 127.0.0.1:5432 (database test) and a Redis Cluster
 * (REDIS_CLUSTER_NODES, default 127.0.0.1:7001,127.0.0.1:7002,127.0.0.1:7003; `scripts/redis-cluster.sh start`).
 */
import { randomUUID } from "node:crypto";
import { Cluster, Redis } from "ioredis";
import pg from "pg";
import { createPostgresStorage } from "../src/postgres/index.js";
import { createRedisStorage } from "../src/redis/index.js";
import { writeCoalescer } from "../src/redis/coalesce-writes.js";
import { leanCommand } from "../src/redis/lean-command.js";
import { createBeckon, createMemoryStorage, type StorageAdapter } from "../src/storage/index.js";
import { deleteClusterKeysUnder, deleteKeysUnder } from "../test/storage/redis-keys-under.js";
import { call, events, invitations, type Workload } from "./service-workload.js";
import { median } from "./startup.js";

type AdapterName = "memory" | "redis" | "cluster" | "postgres";

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i] ?? "", process.argv[i + 1] ?? "");
const ADAPTERS = (args.get("--adapters") ?? "memory,redis,cluster,postgres").split(",") as AdapterName[];
const CONCURRENCY = (args.get("--concurrency") ?? "1,16,64").split(",").map(Number);
const SECONDS = Number(args.get("--seconds") ?? 3);
/** Seconds of each workload run on each adapter before its rows, unreported, so the JIT has compiled what it runs. */
const WARMUP = Number(args.get("--warmup") ?? 1);
const WORKLOADS = (args.get("--workloads") ?? "check,logEvent,session").split(",") as Workload[];
/** PostgreSQL connections, shared by the adapter and its floor (the server allows 100 in all). */
const POOL = Number(args.get("--pool") ?? 40);
/** Turns the floor and the row of each line take, alternating, in their SECONDS each. */
const SLICES = Math.max(1, Number(args.get("--slices") ?? 6));
/**
 * ioredis's `enableAutoPipelining` on both Redis clients, the adapter's and the floor's (a fair comparison: the same
 * client options on both sides of the ratio): commands sent in one turn of the event loop go out in one socket write.
 */
const AUTOPIPELINING = (args.get("--autopipelining") ?? "off") === "on";
/**
 * The Redis adapter's `coalesceWrites` (on by default), and the same for the floor's EVALSHA: commands sent in one
 * turn leave in one socket write per connection, on both sides of the ratio. `off` writes each command by itself.
 */
const COALESCE = (args.get("--coalesce") ?? "on") === "on";
/**
 * How the Redis floor's EVALSHA is sent: `ioredis`, by the client's own `evalsha` method; `lean`, as the adapter sends
 * its own commands (`leanCommand`: its arguments not run through `Array.prototype.flat`; on a cluster ioredis still
 * works out its slot), close to the least work a client does for the round trip.
 */
const FLOOR = (args.get("--floor") ?? "ioredis") as "ioredis" | "lean";
/**
 * Times the whole table is measured, one run after another (each adapter opened afresh): with more than one, a last
 * table gives each cell's ratio to the floor as the median over the runs, with the lowest and highest. A ratio moves
 * with the hour on a shared machine (±10 % from one run to the next here), so a target is read off the median.
 */
const RUNS = Math.max(1, Number(args.get("--runs") ?? 1));
const POSTGRES_URL = process.env["DATABASE_URL"] ?? "postgres://postgres@127.0.0.1:5432/test";
const CLUSTER_NODES = (process.env["REDIS_CLUSTER_NODES"] ?? "127.0.0.1:7001,127.0.0.1:7002,127.0.0.1:7003")
  .split(",")
  .map((node) => {
    const [host = "127.0.0.1", port = "7001"] = node.split(":");
    return { host, port: Number(port) };
  });


/** Counts what a connection sends: commands to Redis, statements to PostgreSQL, and visitor writes. */
interface RoundTrips {
  /** Commands or statements sent. */
  count: number;
  /** Round trips: commands sent in one synchronous turn go out together and count once. */
  trips: number;
  /** Visitor writes: `commitVisitor` calls, and `syncVisitor` calls carrying a record. */
  writes: number;
}

interface Opened {
  storage: StorageAdapter;
  trips: RoundTrips;
  /** One floor operation for a visitor (a round trip of the same shape the adapter needs), or null for memory. */
  floor: ((visitorId: string) => Promise<unknown>) | null;
  done(): Promise<void>;
}

/** Counts every command an ioredis client (or cluster) sends, at the one method all commands go through. */
function countCommands<T extends Redis | Cluster>(client: T, trips: RoundTrips): T {
  let inTurn = false;
  const send = client.sendCommand.bind(client) as (...rest: unknown[]) => unknown;
  (client as unknown as { sendCommand: (...rest: unknown[]) => unknown }).sendCommand = (...rest: unknown[]) => {
    trips.count++;
    if (!inTurn) {
      trips.trips++;
      inTurn = true;
      queueMicrotask(() => (inTurn = false));
    }
    return send(...rest);
  };
  return client;
}

/** A pool whose statements are counted on the clients it lends (`pool.query` borrows one of them too). */
function countStatements(pool: pg.Pool, trips: RoundTrips): pg.Pool {
  pool.on("connect", (client) => {
    const clientQuery = client.query.bind(client) as (...rest: unknown[]) => unknown;
    (client as unknown as { query: (...rest: unknown[]) => unknown }).query = (...rest: unknown[]) => {
      trips.count++;
      trips.trips++;
      return clientQuery(...rest);
    };
  });
  return pool;
}

/** The adapter with its visitor writes counted. */
function countWrites(storage: StorageAdapter, trips: RoundTrips): StorageAdapter {
  const { syncVisitor } = storage;
  return {
    ...storage,
    commitVisitor: (...rest) => {
      trips.writes++;
      return storage.commitVisitor(...rest);
    },
    ...(syncVisitor === undefined
      ? {}
      : {
          syncVisitor: (visitorId, expected, record, increments) => {
            if (record !== null && record !== undefined) trips.writes++;
            return syncVisitor(visitorId, expected, record, increments);
          },
        }),
  };
}

const TRIVIAL = "return 1";

async function open(name: AdapterName): Promise<Opened> {
  const trips: RoundTrips = { count: 0, trips: 0, writes: 0 };
  if (name === "memory") return { storage: countWrites(createMemoryStorage(), trips), trips, floor: null, done: async () => {} };
  if (name === "redis" || name === "cluster") {
    const prefix = `beckon-bench-service:${randomUUID().slice(0, 8)}:`;
    const enableAutoPipelining = AUTOPIPELINING;
    const client =
      name === "redis"
        ? new Redis({ host: "127.0.0.1", port: 6379, enableAutoPipelining })
        : new Cluster(CLUSTER_NODES, { redisOptions: { connectTimeout: 2_000 }, enableAutoPipelining });
    const floorClient =
      name === "redis" ? new Redis({ host: "127.0.0.1", port: 6379, enableAutoPipelining }) : new Cluster(CLUSTER_NODES, { enableAutoPipelining });
    const sha = String(await floorClient.script("LOAD", TRIVIAL));
    if (name === "cluster") {
      // Every master needs the script for EVALSHA on keys in its slots.
      await Promise.all((floorClient as Cluster).nodes("master").map((node) => node.script("LOAD", TRIVIAL)));
    }
    const storage = createRedisStorage({ client: countCommands(client, trips) as Redis, prefix, coalesceWrites: COALESCE });
    const holdFloor = COALESCE ? writeCoalescer(floorClient) : null;
    return {
      storage: countWrites(storage, trips),
      trips,
      floor: (visitorId) => {
        holdFloor?.();
        if (FLOOR === "ioredis") return floorClient.evalsha(sha, 1, `${prefix}floor:{${visitorId}}`);
        const command = leanCommand("evalsha", [sha, "1", `${prefix}floor:{${visitorId}}`], { replyEncoding: "utf8" });
        void floorClient.sendCommand(command);
        return command.promise;
      },
      done: async () => {
        // The visitors go with the run: keys left behind would slow every later SCAN of this Redis (the tests' too).
        await (client instanceof Cluster ? deleteClusterKeysUnder(client, prefix) : deleteKeysUnder(client, prefix));
        await client.quit();
        await floorClient.quit();
      },
    };
  }
  const namespace = `bench-service-${randomUUID().slice(0, 8)}`;
  // One pool for both, so the floor runs on the very connections the adapter uses.
  const pool = countStatements(new pg.Pool({ connectionString: POSTGRES_URL, max: POOL }), trips);
  const floorPool = pool;
  const storage = createPostgresStorage({ pool, namespace });
  await storage.migrate();
  const table = `bench_floor_${namespace.replace(/-/g, "_")}`;
  await floorPool.query(`CREATE TABLE ${table} (id text PRIMARY KEY, record json NOT NULL, version bigint NOT NULL)`);
  return {
    storage: countWrites(storage, trips),
    trips,
    // What a call needs at least: read the visitor's row, then write it back on its version.
    floor: async (visitorId) => {
      const { rows } = await floorPool.query<{ version: string }>(`SELECT version FROM ${table} WHERE id = $1`, [visitorId]);
      if (rows.length === 0) {
        await floorPool.query(`INSERT INTO ${table} VALUES ($1, '{}', 1) ON CONFLICT (id) DO NOTHING`, [visitorId]);
        return;
      }
      await floorPool.query(`UPDATE ${table} SET record = $3, version = version + 1 WHERE id = $1 AND version = $2`, [
        visitorId,
        rows[0]!.version,
        '{"v":1}',
      ]);
    },
    done: async () => {
      await storage.close();
      for (const suffix of ["visitors", "counters", "invitation_sets"]) {
        await floorPool.query(`DELETE FROM beckon_${suffix} WHERE namespace = $1`, [namespace]);
      }
      await floorPool.query(`DROP TABLE ${table}`);
      await pool.end();
    },
  };
}

interface Run {
  calls: number;
  perSecond: number;
  p50: number;
  p99: number;
  /** CPU time of the whole process (user + system) over the run, per call. */
  cpuMs: number;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/** What the visitors of one row did so far: their calls' latencies, the time and CPU spent, each visitor's next call. */
interface Tally {
  run: string;
  next: number[];
  latencies: number[];
  elapsedMs: number;
  cpuUs: number;
}

function tally(concurrency: number): Tally {
  return { run: randomUUID().slice(0, 6), next: Array.from({ length: concurrency }, () => 0), latencies: [], elapsedMs: 0, cpuUs: 0 };
}

/** Runs the tally's visitors, each making calls one after another, for `seconds`; they go on where they stopped. */
async function drive(into: Tally, op: (visitorId: string, n: number) => Promise<unknown>, seconds: number): Promise<void> {
  const { run, next, latencies } = into;
  const stopAt = performance.now() + seconds * 1_000;
  const started = performance.now();
  const cpu = process.cpuUsage();
  await Promise.all(
    next.map(async (_, v) => {
      // A new visitor every 40 calls, so sessions stay realistic (records do not grow without end).
      for (let n = next[v] as number; performance.now() < stopAt; n = ++next[v]!) {
        const began = performance.now();
        await op(`v-${run}-${v}-${Math.floor(n / 40)}`, n % 40);
        latencies.push(performance.now() - began);
      }
    }),
  );
  const { user, system } = process.cpuUsage(cpu);
  into.elapsedMs += performance.now() - started;
  into.cpuUs += user + system;
}

function result({ latencies, elapsedMs, cpuUs }: Tally): Run {
  latencies.sort((a, b) => a - b);
  return {
    calls: latencies.length,
    perSecond: latencies.length / (elapsedMs / 1_000),
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    cpuMs: cpuUs / 1_000 / latencies.length,
  };
}

/**
 * A row and its floor, SECONDS each, taken in SLICES turns (floor, row, floor, row…), so a load that comes and goes
 * on a shared machine falls on both sides of the ratio alike.
 */
async function driveBeside(
  concurrency: number,
  op: (visitorId: string, n: number) => Promise<unknown>,
  { floor: floorOp, trips }: Opened,
): Promise<{ run: Run; floor: Run | null }> {
  const row = tally(concurrency);
  const floor = floorOp === null ? null : tally(concurrency);
  for (let slice = 0; slice < SLICES; slice++) {
    if (floor !== null) {
      // PostgreSQL's floor runs on the adapter's pool: what it sends is not the row's.
      const { count, trips: sent } = trips;
      await drive(floor, (visitorId) => floorOp!(visitorId), SECONDS / SLICES);
      Object.assign(trips, { count, trips: sent });
    }
    await drive(row, op, SECONDS / SLICES);
  }
  return { run: result(row), floor: floor === null ? null : result(floor) };
}

/** Round trips of the calls that wrote and of those that did not, counted one call at a time. */
interface Split {
  quiet: { calls: number; trips: number };
  wrote: { calls: number; trips: number };
}

/** One workload on one adapter: the ratio to the floor at each concurrency, and the split at 1 visitor. */
interface Summary {
  ratios: string[];
  cpu: string[];
  split?: Split;
}

const ms = (value: number): string => (value < 1 ? value.toFixed(3) : value.toFixed(2));

/** "1.00 round trip when nothing is written (92 % of calls), 2.00 when it writes", from the split at 1 visitor. */
function describeSplit({ quiet, wrote }: Split): string {
  const calls = quiet.calls + wrote.calls;
  const part = (side: { calls: number; trips: number }, when: string): string =>
    side.calls === 0 ? "" : `${(side.trips / side.calls).toFixed(2)} round trips ${when} (${Math.round((100 * side.calls) / calls)} % of calls)`;
  return [part(quiet, "when nothing is written"), part(wrote, "when it writes")].filter((text) => text !== "").join(", ");
}

function summaryLine(name: AdapterName, summaries: Map<Workload, Summary>): string {
  const parts = [...summaries].map(([workload, { ratios, cpu, split }]) => {
    const ratio = name === "memory" ? "" : ` ${ratios.join(" / ")} of the floor,`;
    const trips = split === undefined || name === "memory" ? "" : `; ${describeSplit(split)}`;
    return `${workload}${ratio} CPU ${cpu.join(" / ")} ms per call${trips}`;
  });
  return `**${name}** at ${CONCURRENCY.join(" / ")} visitors: ${parts.join("; ")}.`;
}

console.log(
  `Service throughput: ${SECONDS} s per row, visitors served at once = concurrency, each making its calls in turn` +
    ` (a new visitor every 40 calls). Floor: see the header of bench/service.ts. CPU: the whole process, user + system.` +
    ` Redis clients (adapter and floor alike): auto-pipelining ${AUTOPIPELINING ? "on" : "off"}, writes of one turn coalesced ${COALESCE ? "on" : "off"}; the floor's EVALSHA sent by ${FLOOR === "ioredis" ? "the client's evalsha" : "leanCommand"}.\n`,
);
console.log(
  "| adapter | workload | visitors | calls/s | p50 ms | p99 ms | CPU ms / call | commands / call | writes / call | floor ops/s | floor p50 ms | floor CPU ms / op | calls/s ÷ floor |",
);
console.log("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
/** Every run's ratio to the floor, per adapter, workload and concurrency (`adapter workload concurrency`). */
const ratiosByCell = new Map<string, number[]>();
for (let round = 1; round <= RUNS; round++) {
  if (RUNS > 1) console.log(`${round === 1 ? "" : "\n"}Run ${round} of ${RUNS}:\n`);
  const summaries: string[] = [];
  for (const name of ADAPTERS) {
    const opened = await open(name);
    const server = createBeckon({ storage: opened.storage, invitations, events });
    const byWorkload = new Map<Workload, Summary>();
    try {
      if (WARMUP > 0) {
        for (const workload of WORKLOADS) await drive(tally(16), (visitorId, n) => call(server, workload, visitorId, n), WARMUP);
        if (opened.floor !== null) await drive(tally(16), (visitorId) => opened.floor!(visitorId), WARMUP);
      }
      for (const workload of WORKLOADS) {
        const summary: Summary = { ratios: [], cpu: [] };
        byWorkload.set(workload, summary);
        for (const concurrency of CONCURRENCY) {
          const { count, writes } = opened.trips;
          const split: Split = { quiet: { calls: 0, trips: 0 }, wrote: { calls: 0, trips: 0 } };
          const { run, floor } = await driveBeside(concurrency, async (visitorId, n) => {
            if (concurrency !== 1) {
              await call(server, workload, visitorId, n);
              return;
            }
            // One call in flight: what the counters moved by is this call's.
            const trips = opened.trips.trips;
            const wrote = opened.trips.writes;
            await call(server, workload, visitorId, n);
            const side = opened.trips.writes > wrote ? split.wrote : split.quiet;
            side.calls++;
            side.trips += opened.trips.trips - trips;
          }, opened);
          if (concurrency === 1) summary.split = split;
          const commands = name === "memory" ? "—" : ((opened.trips.count - count) / run.calls).toFixed(2);
          const written = ((opened.trips.writes - writes) / run.calls).toFixed(2);
          const ratio = floor === null ? "—" : (run.perSecond / floor.perSecond).toFixed(2);
          summary.ratios.push(ratio);
          if (floor !== null) {
            const cell = `${name} ${workload} ${concurrency}`;
            ratiosByCell.set(cell, [...(ratiosByCell.get(cell) ?? []), run.perSecond / floor.perSecond]);
          }
          summary.cpu.push(ms(run.cpuMs));
          const floorCells = floor === null ? "— | — | —" : `${Math.round(floor.perSecond)} | ${ms(floor.p50)} | ${ms(floor.cpuMs)}`;
          console.log(
            `| ${name} | ${workload} | ${concurrency} | ${Math.round(run.perSecond)} | ${ms(run.p50)} | ${ms(run.p99)} | ${ms(run.cpuMs)} | ${commands} | ${written} | ${floorCells} | ${ratio} |`,
          );
        }
      }
    } finally {
      await server.close();
      await opened.done();
    }
    summaries.push(summaryLine(name, byWorkload));
  }
  console.log(`\n${summaries.join("\n\n")}`);
}
if (RUNS > 1) printMedians();

/** Each cell's ratio to the floor over the runs: the median, then the lowest and highest. */
function printMedians(): void {
  console.log(`\nCalls per second ÷ the floor over ${RUNS} runs: the median (the lower middle for an even count; lowest–highest), at ${CONCURRENCY.join(" / ")} visitors.\n`);
  console.log(`| adapter | ${WORKLOADS.join(" | ")} |`);
  console.log(`| --- |${WORKLOADS.map(() => " --- |").join("")}`);
  for (const name of ADAPTERS) {
    if (name === "memory") continue;
    const cells = WORKLOADS.map((workload) =>
      CONCURRENCY.map((concurrency) => {
        const ratios = ratiosByCell.get(`${name} ${workload} ${concurrency}`) ?? [];
        return `${median(ratios).toFixed(2)} (${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)})`;
      }).join(" / "),
    );
    console.log(`| ${name} | ${cells.join(" | ")} |`);
  }
}
