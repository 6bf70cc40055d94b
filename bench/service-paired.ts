/**
 * Two revisions of the service over real Redis timed side by side in one process (bench/paired.ts does the same for
 * the engine alone): each revision's Redis adapter and service are bundled with esbuild (ioredis shared), each side
 * gets its own client and key prefix, and the sides take turns in half-second slices, the first side changing every
 * slice, on one workload of bench/service.ts at one concurrency. Reported: each side's calls per second and CPU per
 * call over all its slices, and head ÷ base. Separate runs on a shared 2-core machine move by ±20 %; slices side by
 * side meet much the same load. An A/A run (`--base HEAD --head HEAD`) says how steady the pair is (≈ ±5 % here), so
 * run both orders (`--swap`) for a change smaller than that.
 *
 *   npx tsx bench/service-paired.ts                                  # HEAD~1 against the working tree: logEvent, 64 visitors, Redis
 *   npx tsx bench/service-paired.ts --base main --workload check --concurrency 16 --adapter cluster
 *   npx tsx bench/service-paired.ts --base HEAD --head HEAD          # A/A: the noise floor
 *   npx tsx bench/service-paired.ts --swap                           # the working tree as the first side
 *
 * Needs Redis on 127.0.0.1:6379 (or the cluster of bench/service.ts, REDIS_CLUSTER_NODES).
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import { Cluster, Redis } from "ioredis";
import type { createRedisStorage as CreateRedisStorage } from "../src/redis/index.js";
import type { Beckon, createBeckon as CreateBeckon } from "../src/storage/index.js";
import { deleteClusterKeysUnder, deleteKeysUnder } from "../test/storage/redis-keys-under.js";
import { call, events, invitations, type Workload } from "./service-workload.js";

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i++) {
  const arg = process.argv[i] ?? "";
  if (arg === "--swap") args.set(arg, "yes");
  else args.set(arg, process.argv[++i] ?? "");
}
const BASE = args.get("--base") ?? "HEAD~1";
/** `worktree`: the files as they are now, uncommitted changes included. */
const HEAD = args.get("--head") ?? "worktree";
const WORKLOAD = (args.get("--workload") ?? "logEvent") as Workload;
const CONCURRENCY = Number(args.get("--concurrency") ?? 64);
const SLICES = Number(args.get("--slices") ?? 20);
const ADAPTER = args.get("--adapter") ?? "redis";
const SWAP = args.has("--swap");
const CLUSTER_NODES = (process.env["REDIS_CLUSTER_NODES"] ?? "127.0.0.1:7001,127.0.0.1:7002,127.0.0.1:7003").split(",").map((node) => {
  const [host = "127.0.0.1", port = "7001"] = node.split(":");
  return { host, port: Number(port) };
});

const root = resolve(import.meta.dirname, "..");
// Inside node_modules, so the bundles find the one ioredis both sides share.
mkdirSync(join(root, "node_modules", ".cache"), { recursive: true });
const scratch = mkdtempSync(join(root, "node_modules", ".cache", "beckon-service-paired-"));

interface Side {
  name: string;
  client: Redis | Cluster;
  /** Where the side's keys are, removed at the end. */
  prefix: string;
  server: Beckon;
  next: number[];
  run: string;
  calls: number;
  cpuUs: number;
  ms: number;
}

/** The revision's adapter and service bundled into one module (a git revision is exported to a folder first). */
async function load(revision: string, name: string): Promise<Side> {
  let source = root;
  if (revision !== "worktree") {
    source = join(scratch, name);
    execFileSync("sh", ["-c", `mkdir -p "${source}" && git -C "${root}" archive "${revision}" src | tar -x -C "${source}"`]);
  }
  const entry = join(scratch, `${name}-entry.ts`);
  writeFileSync(entry, `export { createRedisStorage } from "${join(source, "src/redis/index.ts")}";\nexport { createBeckon } from "${join(source, "src/storage/index.ts")}";\n`);
  const outfile = join(scratch, `${name}.mjs`);
  await build({ entryPoints: [entry], bundle: true, format: "esm", platform: "node", outfile, external: ["ioredis"], nodePaths: [join(root, "node_modules")], logLevel: "warning" });
  const loaded = (await import(pathToFileURL(outfile).href)) as { createRedisStorage: typeof CreateRedisStorage; createBeckon: typeof CreateBeckon };
  const client = ADAPTER === "cluster" ? new Cluster(CLUSTER_NODES) : new Redis({ host: "127.0.0.1", port: 6379 });
  const prefix = `beckon-bench-paired:${name}:${Date.now().toString(36)}:`;
  const storage = loaded.createRedisStorage({ client, prefix });
  const server = loaded.createBeckon({ storage, invitations, events });
  return { name: `${name} (${revision})`, client, prefix, server, next: Array.from({ length: CONCURRENCY }, () => 0), run: Math.random().toString(36).slice(2, 8), calls: 0, cpuUs: 0, ms: 0 };
}

/** The side's visitors make their calls one after another for `seconds`, going on where they stopped. */
async function drive(side: Side, seconds: number, count = true): Promise<void> {
  const stopAt = performance.now() + seconds * 1_000;
  const started = performance.now();
  const cpu = process.cpuUsage();
  let calls = 0;
  await Promise.all(
    side.next.map(async (_, v) => {
      for (let n = side.next[v] as number; performance.now() < stopAt; n = ++side.next[v]!) {
        await call(side.server, WORKLOAD, `v-${side.run}-${v}-${Math.floor(n / 40)}`, n % 40);
        calls++;
      }
    }),
  );
  if (!count) return;
  const { user, system } = process.cpuUsage(cpu);
  side.ms += performance.now() - started;
  side.cpuUs += user + system;
  side.calls += calls;
}

const [first, second] = SWAP ? [await load(HEAD, "head"), await load(BASE, "base")] : [await load(BASE, "base"), await load(HEAD, "head")];
const [base, head] = SWAP ? [second, first] : [first, second];
for (const side of [first, second]) await drive(side, 1, false);
for (let slice = 0; slice < SLICES; slice++) for (const side of slice % 2 === 0 ? [first, second] : [second, first]) await drive(side, 0.5);
const rate = (side: Side): number => side.calls / (side.ms / 1_000);
const cpu = (side: Side): number => side.cpuUs / side.calls;
console.log(`${WORKLOAD}, ${CONCURRENCY} visitors, ${ADAPTER}, ${SLICES} slices of 0.5 s each, ${SWAP ? "head" : "base"} created first:`);
for (const side of [base, head]) console.log(`  ${side.name}: ${Math.round(rate(side))} calls/s, ${cpu(side).toFixed(2)} µs CPU per call`);
console.log(`  head ÷ base: calls/s ${(rate(head) / rate(base)).toFixed(3)}, CPU per call ${(cpu(head) / cpu(base)).toFixed(3)}`);
for (const side of [base, head]) {
  await side.server.close();
  // The visitors go with the run: keys left behind would slow every later SCAN of this Redis (the tests' among them).
  await (side.client instanceof Cluster ? deleteClusterKeysUnder(side.client, side.prefix) : deleteKeysUnder(side.client, side.prefix));
  await side.client.quit();
}
rmSync(scratch, { recursive: true, force: true });
