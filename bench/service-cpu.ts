/**
 * The service's own CPU per call, without I/O (issue 15): `check`, `logEvent` and the widget session of
 * bench/service.ts on a stub adapter whose `syncVisitor` answers at once from a Map (records kept as objects, no JSON,
 * no socket), so what is measured is the service layer, the visitor changes and evaluation. Prints CPU µs per call
 * (user + system over the run ÷ calls) and garbage collections per 100 000 calls, the median of `--rounds` rounds.
 *
 *   npx tsx bench/service-cpu.ts                        # 16 visitors at once, 200 000 calls per round, 5 rounds
 *   npx tsx bench/service-cpu.ts --visitors 64 --calls 400000 --workloads check
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/service-cpu.ts --workloads session
 */
import { PerformanceObserver } from "node:perf_hooks";
import { createBeckon, createMemoryStorage, type Beckon, type StorageAdapter } from "../src/storage/index.js";
import type { TaggedVisitor, VisitorSync } from "../src/storage/types.js";
import { call, events, invitations, type Workload } from "./service-workload.js";

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i] ?? "", process.argv[i + 1] ?? "");
const VISITORS = Number(args.get("--visitors") ?? 16);
const CALLS = Number(args.get("--calls") ?? 200_000);
const ROUNDS = Number(args.get("--rounds") ?? 5);
const WORKLOADS = (args.get("--workloads") ?? "check,logEvent,session").split(",") as Workload[];

/** A `syncVisitor` that answers at once, as a store that never makes anyone wait would. */
function instantStorage(): StorageAdapter {
  const records = new Map<string, TaggedVisitor>();
  let commits = 0;
  return {
    ...createMemoryStorage(),
    name: "instant",
    async syncVisitor(visitorId, expected, record): Promise<VisitorSync> {
      const stored = records.get(visitorId) ?? null;
      if (expected === null) return { ok: false, current: stored };
      const same = stored === null ? expected.version === 0 : stored.version === expected.version && stored.commit === expected.commit;
      if (!same) return { ok: false, current: stored };
      if (record === null || record === undefined) return { ok: true, tag: expected };
      const written = { value: record, version: expected.version + 1, commit: String(++commits) };
      records.set(visitorId, written);
      return { ok: true, tag: { version: written.version, commit: written.commit } };
    },
  };
}

let gcs = 0;
new PerformanceObserver((list) => (gcs += list.getEntries().length)).observe({ entryTypes: ["gc"] });

/** `calls` calls by VISITORS visitors at once, each in turn, a new visitor every 40 calls; CPU µs per call and GCs. */
async function round(server: Beckon, workload: Workload, calls: number, tag: string): Promise<{ us: number; gcs: number }> {
  const perVisitor = Math.ceil(calls / VISITORS);
  await new Promise((resolve) => setTimeout(resolve, 20)); // let the observer count what came before
  const gcBefore = gcs;
  const cpu = process.cpuUsage();
  await Promise.all(
    Array.from({ length: VISITORS }, async (_, v) => {
      for (let n = 0; n < perVisitor; n++) await call(server, workload, `v-${tag}-${v}-${Math.floor(n / 40)}`, n % 40);
    }),
  );
  const { user, system } = process.cpuUsage(cpu);
  await new Promise((resolve) => setTimeout(resolve, 20));
  return { us: (user + system) / (perVisitor * VISITORS), gcs: ((gcs - gcBefore) * 100_000) / (perVisitor * VISITORS) };
}

const median = (values: number[]): number => values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

console.log(`| workload | visitors | CPU µs / call | GCs / 100 000 calls |\n| --- | ---: | ---: | ---: |`);
for (const workload of WORKLOADS) {
  const server = createBeckon({ storage: instantStorage(), invitations, events });
  await round(server, workload, CALLS / 2, "warm");
  const us: number[] = [];
  const collections: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const result = await round(server, workload, CALLS, `r${r}`);
    us.push(result.us);
    collections.push(result.gcs);
  }
  console.log(`| ${workload} | ${VISITORS} | ${median(us).toFixed(2)} | ${median(collections).toFixed(0)} |`);
  await server.close();
}
