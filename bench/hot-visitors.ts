/**
 * Hot visitors (issue 10): one visitor with several tabs open or a burst of events sends many calls at once. For each
 * adapter and for 1, 8 and 64 concurrent calls per visitor (a widget mix: logEvent, check, shown, closed), prints the
 * calls made, how many were rejected, p50 / p99 latency per call and calls per second. Two services share the storage
 * (two servers), so calls meet both inside one process and across processes' connections.
 *
 *   npx tsx bench/hot-visitors.ts                          # memory, redis, postgres
 *   npx tsx bench/hot-visitors.ts --adapters memory,redis  # some adapters only
 *   npx tsx bench/hot-visitors.ts --rounds 20              # rounds per visitor (default 10)
 *
 * Needs Redis on 127.0.0.1:6379 and PostgreSQL on 127.0.0.1:5432 (database test) for those adapters.
 */
import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import pg from "pg";
import type { Invitation } from "../src/index.js";
import { createPostgresStorage } from "../src/postgres/index.js";
import { createRedisStorage } from "../src/redis/index.js";
import { createBeckon, createMemoryStorage, type Beckon, type StorageAdapter } from "../src/storage/index.js";

type AdapterName = "memory" | "redis" | "postgres";

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i] ?? "", process.argv[i + 1] ?? "");
const adapters = (args.get("--adapters") ?? "memory,redis,postgres").split(",") as AdapterName[];
const rounds = Number(args.get("--rounds") ?? 10);
const VISITORS = 10;
const CONCURRENCY = [1, 8, 64];

const invitations: Invitation[] = [
  { id: "seen", events: [{ event: "viewed", minCount: 1 }], cooldownSeconds: 0, message: "Seen it?" },
  { id: "hello", position: 2, message: "Hello" },
];
const events = [{ name: "viewed", filterByValue: true }];

/** Two adapters over one store, as two servers have, and a way to release them. */
async function open(name: AdapterName): Promise<{ pair: [StorageAdapter, StorageAdapter]; done(): Promise<void> }> {
  if (name === "memory") {
    const storage = createMemoryStorage();
    return { pair: [storage, storage], done: async () => {} };
  }
  if (name === "redis") {
    const prefix = `beckon-bench:${randomUUID()}:`;
    const clients = [new Redis(), new Redis()];
    const pair = clients.map((client) => createRedisStorage({ client, prefix })) as [StorageAdapter, StorageAdapter];
    return {
      pair,
      done: async () => {
        const keys = await clients[0]!.keys(`${prefix}*`);
        if (keys.length > 0) await clients[0]!.del(...keys);
        await Promise.all(clients.map((client) => client.quit()));
      },
    };
  }
  const namespace = `bench-${randomUUID()}`;
  const pools = [new pg.Pool({ connectionString: "postgres://postgres@127.0.0.1:5432/test" }), new pg.Pool({ connectionString: "postgres://postgres@127.0.0.1:5432/test" })];
  const [first, second] = pools.map((pool) => createPostgresStorage({ pool, namespace }));
  const pair: [StorageAdapter, StorageAdapter] = [first!, second!];
  await first!.migrate();
  return {
    pair,
    done: async () => {
      for (const table of ["beckon_visitors", "beckon_counters"]) await pools[0]!.query(`DELETE FROM ${table} WHERE namespace = $1`, [namespace]);
      await Promise.all(pools.map((pool) => pool.end()));
    },
  };
}

/** One call of the widget mix, by its index in a round. */
function call(server: Beckon, visitorId: string, i: number, at: number): Promise<unknown> {
  switch (i % 4) {
    case 0:
      return server.logEvent(visitorId, { name: "viewed", value: `p${i}` }, at);
    case 1:
      return server.check({ id: visitorId, url: "https://example.com/pricing" }, { at });
    case 2:
      return server.shown(visitorId, at);
    default:
      return server.closed(visitorId, at);
  }
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function measure(name: AdapterName, concurrency: number): Promise<string> {
  const { pair, done } = await open(name);
  const servers = pair.map((storage) => createBeckon({ storage, invitations, events }));
  const latencies: number[] = [];
  let rejected = 0;
  const firstError = new Set<string>();
  const t0 = Date.UTC(2026, 10, 26, 10);
  const started = performance.now();
  for (let round = 0; round < rounds; round++) {
    await Promise.all(
      Array.from({ length: VISITORS }, async (_, v) => {
        const visitorId = `v${v}`;
        await Promise.all(
          Array.from({ length: concurrency }, async (_, i) => {
            const began = performance.now();
            try {
              await call(servers[i % 2]!, visitorId, i, t0 + round * 60_000 + i);
            } catch (error) {
              rejected++;
              firstError.add((error as Error).message.slice(0, 80));
            }
            latencies.push(performance.now() - began);
          }),
        );
      }),
    );
  }
  const seconds = (performance.now() - started) / 1000;
  await Promise.all(servers.map((server) => server.close()));
  await done();
  latencies.sort((a, b) => a - b);
  const errors = firstError.size === 0 ? "" : ` (${[...firstError].join("; ")})`;
  return `| ${name} | ${concurrency} | ${latencies.length} | ${rejected}${errors} | ${percentile(latencies, 50).toFixed(2)} | ${percentile(latencies, 99).toFixed(2)} | ${Math.round(latencies.length / seconds)} |`;
}

console.log(`Hot visitors: ${VISITORS} visitors at once, ${rounds} rounds of n concurrent calls each, two services sharing the storage.\n`);
console.log("| adapter | concurrent calls per visitor | calls | rejected | p50 ms | p99 ms | calls/s |");
console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
for (const name of adapters) for (const concurrency of CONCURRENCY) console.log(await measure(name, concurrency));
