/**
 * The fixed cost of one decision (issue 11, item 8): a small LHC-like workload — each invitation with time on site,
 * page views, language, identifier, tag, departments, referrer, device, a weekly hour window in UTC, a URL list and
 * an event count; visitors with 0–3 events — decided by `evaluate` on a compiled set and by a plain loop written for
 * exactly these conditions (it returns the winner's index and nothing else: no message, no recheckAt, no reasons).
 * Both must pick the same winner for every visitor before anything is timed.
 *
 *   npx tsx bench/fixed-cost.ts                 # K = 10 and K = 1 000
 *   npx tsx bench/fixed-cost.ts --k 10,100      # other sizes
 *   npx tsx bench/fixed-cost.ts --cpu           # CPU time instead of wall-clock time (shared machines)
 *   npx tsx bench/fixed-cost.ts --rounds 30     # passes of each side, alternated; default 15
 *   npx tsx bench/fixed-cost.ts --dist          # the published build (dist/, `npm run build` first) instead of src/
 *   npx tsx bench/fixed-cost.ts --processes 7   # 7 separate runs, one after another, and the median of their ratios
 *   npx tsx bench/fixed-cost.ts --k 1000 --by-outcome   # and each visitor timed alone, grouped by the winner's rank
 *   npx tsx bench/fixed-cost.ts --shape every   # every invitation restricts every dimension (fixed-cost-workload.ts)
 *   node --cpu-prof --import tsx bench/fixed-cost.ts --k 10 --profile 8   # then 8 s of beckon alone, to profile
 *
 * Targets: beckon at most 1.5× the loop at K = 10; at least 8× faster than the loop at K = 1 000.
 *
 * One process's ratio is not the ratio: each process takes its own course through the engine's optimisations and
 * heap sizing, and on the 2-core VM of bench/RESULTS.md separate runs of the same build read 1.30–1.62× at K = 10.
 * `--processes N` runs N of them in turn and reports the median over processes (and their range).
 */
import { spawnSync } from "node:child_process";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import * as source from "../src/index.js";
import type { Invitation, Visitor } from "../src/index.js";
import { fixedCostWorkload, workloadShape } from "./fixed-cost-workload.js";
import { plainLoop, prepare } from "./plain-loop.js";

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i++) {
  const arg = process.argv[i] ?? "";
  if (arg === "--k" || arg === "--rounds" || arg === "--profile" || arg === "--processes" || arg === "--shape") args.set(arg, process.argv[++i] ?? "");
}
const PROCESSES = Number(args.get("--processes") ?? 1);
if (PROCESSES > 1) {
  acrossProcesses(PROCESSES);
  process.exit(0);
}
const SIZES = (args.get("--k") ?? "10,1000").split(",").map(Number);
const CPU = process.argv.includes("--cpu");
const ROUNDS = Number(args.get("--rounds") ?? 15);
/** Seconds of beckon alone after the table, for a profiler (`node --cpu-prof --import tsx bench/fixed-cost.ts --profile 8`). */
const PROFILE_SECONDS = Number(args.get("--profile") ?? 0);
const VISITORS = 2_000;
const SHAPE = workloadShape(args.get("--shape"));
/** Also time each visitor alone and group the times by the winner's rank (see {@link byOutcome}). */
const BY_OUTCOME = process.argv.includes("--by-outcome");
/**
 * The published build rather than the source as tsx hands it over: what users run (bundled, identifiers shortened)
 * can time differently from the same code in modules.
 */
const DIST = process.argv.includes("--dist");
// The build's path in a variable, so that type-checking needs no dist/ (the source's types are the published ones).
const published = "../dist/index.js";
const { compile, evaluate } = DIST ? ((await import(published)) as typeof source) : source;

/**
 * ns per decision: the fastest of `rounds` passes over every visitor. Wall-clock time by default; with `--cpu` the
 * process's CPU time (user + system), which a neighbour on a shared machine disturbs far less.
 */
function time(decide: (visitor: Visitor, now: number) => unknown, visitors: readonly Visitor[], instants: readonly number[], rounds: number): number {
  let best = Number.POSITIVE_INFINITY;
  let sink = 0;
  for (let round = 0; round < rounds; round++) {
    const started = CPU ? cpuNs() : Number(process.hrtime.bigint());
    for (let i = 0; i < visitors.length; i++) if (decide(visitors[i] as Visitor, instants[i] as number) !== undefined) sink++;
    const spent = (CPU ? cpuNs() : Number(process.hrtime.bigint())) - started;
    best = Math.min(best, spent / visitors.length);
  }
  if (sink < 0) console.log(sink);
  return best;
}

function cpuNs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) * 1000;
}

/**
 * Bytes of heap growth per decision over a run with no collection in between (after a full one), minus the same
 * for a function that does nothing: the garbage one decision leaves. NaN when every run saw a collection.
 */
function allocated(decide: (visitor: Visitor, now: number) => unknown, visitors: readonly Visitor[], instants: readonly number[]): number {
  const growth = (f: (visitor: Visitor, now: number) => unknown): number => {
    for (let n = 400; n >= 25; n = Math.floor(n / 2)) {
      gc();
      gc();
      const start = process.memoryUsage().heapUsed;
      let last = start;
      let collected = false;
      for (let i = 0; i < n; i++) {
        f(visitors[i % visitors.length] as Visitor, instants[i % visitors.length] as number);
        if (i % 10 === 9) {
          const heap = process.memoryUsage().heapUsed;
          collected ||= heap < last;
          last = heap;
        }
      }
      const end = process.memoryUsage().heapUsed;
      if (!collected && end >= last) return (end - start) / n;
    }
    return Number.NaN;
  };
  return growth(decide) - growth(() => null);
}

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

const clock = CPU ? "CPU time" : "wall-clock time";
console.log(
  `Fixed cost per decision: ${VISITORS} visitors, ${ROUNDS} passes of each side alternated (ns per decision, ${clock}: the fastest pass), beckon from ${DIST ? "dist/ (the published build)" : "src/"}, the workload's ${SHAPE} shape, Node ${process.version}.\n`,
);
console.log("| K | beckon evaluate (compiled) | plain loop | beckon / loop (fastest) | beckon / loop (median of pairs) | beckon allocated B / decision | winners agree |");
console.log("| ---: | ---: | ---: | ---: | ---: | ---: | --- |");
for (const k of SIZES) {
  const { invitations, visitors, instants } = fixedCostWorkload(k, VISITORS, SHAPE);
  const ruleset = compile(invitations);
  const plain = invitations.map(prepare);
  const agree = visitors.every((visitor, i) => {
    const index = plainLoop(plain, visitor, instants[i] as number);
    return (evaluate(ruleset, visitor, instants[i] as number).invitation?.id ?? null) === (index < 0 ? null : (invitations[index] as Invitation).id);
  });
  const winners = visitors.filter((visitor, i) => plainLoop(plain, visitor, instants[i] as number) >= 0).length;
  const decideBeckon = (visitor: Visitor, now: number): unknown => evaluate(ruleset, visitor, now);
  const decideLoop = (visitor: Visitor, now: number): unknown => plainLoop(plain, visitor, now);
  // Warm-up, then passes alternated: a machine whose speed drifts during the run weighs on both sides alike, and the
  // median of the per-pair ratios is steadier than a ratio of two separate fastest passes.
  time(decideBeckon, visitors, instants, 3);
  time(decideLoop, visitors, instants, 3);
  const pairs: number[] = [];
  let beckonNs = Number.POSITIVE_INFINITY;
  let loopNs = Number.POSITIVE_INFINITY;
  for (let round = 0; round < ROUNDS; round++) {
    const b = time(decideBeckon, visitors, instants, 1);
    const l = time(decideLoop, visitors, instants, 1);
    pairs.push(b / l);
    beckonNs = Math.min(beckonNs, b);
    loopNs = Math.min(loopNs, l);
  }
  pairs.sort((x, y) => x - y);
  const medianRatio = pairs[Math.floor(pairs.length / 2)] as number;
  const bytes = allocated((visitor, now) => evaluate(ruleset, visitor, now), visitors, instants);
  console.log(
    `| ${k} | ${beckonNs.toFixed(0)} | ${loopNs.toFixed(0)} | ${(beckonNs / loopNs).toFixed(2)}× | ${medianRatio.toFixed(2)}× | ${bytes.toFixed(0)} | ${agree ? "yes" : "**NO**"} (${winners} of ${VISITORS} get one) |`,
  );
  if (BY_OUTCOME) byOutcome(invitations, visitors, instants, (visitor, now) => evaluate(ruleset, visitor, now), decideLoop);
  for (const deadline = performance.now() + PROFILE_SECONDS * 1000; performance.now() < deadline; ) {
    for (let i = 0; i < visitors.length; i++) evaluate(ruleset, visitors[i] as Visitor, instants[i] as number);
  }
}

/**
 * Where a set's time goes, visitor by visitor: each visitor decided five times in a row by each side, the fastest of
 * 40 rounds (wall clock, whatever `--cpu` says: a CPU clock is too coarse for one visitor), the visitors then grouped
 * by their winner's rank in position order — how far a scan in rank order has to go — and by no winner at all.
 * Printed after the K's row, one row per group that has visitors.
 */
function byOutcome(
  invitations: readonly Invitation[],
  visitors: readonly Visitor[],
  instants: readonly number[],
  decideBeckon: (visitor: Visitor, now: number) => unknown,
  decideLoop: (visitor: Visitor, now: number) => unknown,
): void {
  // The workload's positions are all different, so the rank is the position's place among them.
  const byPosition = [...invitations].sort((a, b) => (a.position ?? 0) - (b.position ?? 0));
  const rankOf = new Map(byPosition.map((invitation, rank) => [invitation.id, rank]));
  const groups = [
    { label: "0–31", below: 32 },
    { label: "32–127", below: 128 },
    { label: "128–511", below: 512 },
    { label: "512 and later", below: Number.POSITIVE_INFINITY },
    { label: "no invitation", below: Number.NaN },
  ].map((group) => ({ ...group, visitors: 0, beckon: 0, loop: 0 }));
  const groupOf = visitors.map((visitor, i) => {
    const id = (decideBeckon(visitor, instants[i] as number) as { invitation: Invitation | null }).invitation?.id;
    if (id === undefined) return groups.length - 1;
    const rank = rankOf.get(id) as number;
    return groups.findIndex((group) => rank < group.below);
  });
  const fastest = (decide: (visitor: Visitor, now: number) => unknown): Float64Array => {
    const best = new Float64Array(visitors.length).fill(Number.POSITIVE_INFINITY);
    for (let round = 0; round < 40; round++) {
      for (let i = 0; i < visitors.length; i++) {
        const visitor = visitors[i] as Visitor;
        const now = instants[i] as number;
        const started = process.hrtime.bigint();
        for (let r = 0; r < 5; r++) decide(visitor, now);
        best[i] = Math.min(best[i] as number, Number(process.hrtime.bigint() - started) / 5);
      }
    }
    return best;
  };
  const beckon = fastest(decideBeckon);
  const loop = fastest(decideLoop);
  let total = 0;
  groupOf.forEach((g, i) => {
    const group = groups[g] as (typeof groups)[number];
    group.visitors += 1;
    group.beckon += beckon[i] as number;
    group.loop += loop[i] as number;
    total += beckon[i] as number;
  });
  console.log(`\nK = ${invitations.length}, each visitor alone (ns a decision, the fastest of 40 rounds of five, wall clock), by the winner's rank:\n`);
  console.log("| winner's rank | visitors | beckon | plain loop | beckon / loop | share of beckon's time |");
  console.log("| --- | ---: | ---: | ---: | ---: | ---: |");
  for (const group of groups.filter((g) => g.visitors > 0)) {
    const b = group.beckon / group.visitors;
    const l = group.loop / group.visitors;
    console.log(`| ${group.label} | ${group.visitors} | ${b.toFixed(0)} | ${l.toFixed(0)} | ${(b / l).toFixed(2)}× | ${((100 * group.beckon) / total).toFixed(1)} % |`);
  }
  console.log("");
}

/**
 * Runs this benchmark `count` times, one process after another, with the same arguments, prints each run's rows and
 * then, per K, the median over the runs of each ratio with its range.
 */
function acrossProcesses(count: number): void {
  const own = process.argv.slice(2);
  const at = own.indexOf("--processes");
  const rest = [...own.slice(0, at), ...own.slice(at + 2)];
  const ratios = new Map<string, { fastest: number[]; pairs: number[] }>();
  for (let run = 1; run <= count; run++) {
    const child = spawnSync(process.execPath, [...process.execArgv, process.argv[1] as string, ...rest], { encoding: "utf8" });
    if (child.status !== 0) throw new Error(`run ${run} failed: ${child.stderr}`);
    const lines = child.stdout.split("\n");
    if (run === 1) console.log(`${lines.slice(0, 4).join("\n")}`);
    for (const row of lines.filter((line) => /^\| \d/.test(line))) {
      console.log(row);
      const cells = row.split("|").map((cell) => cell.trim());
      const k = cells[1] as string;
      const entry = ratios.get(k) ?? { fastest: [], pairs: [] };
      entry.fastest.push(Number.parseFloat(cells[4] as string));
      entry.pairs.push(Number.parseFloat(cells[5] as string));
      ratios.set(k, entry);
    }
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
  const range = (values: number[]) => `${Math.min(...values).toFixed(2)}–${Math.max(...values).toFixed(2)}`;
  console.log(`\nOver ${count} processes (median, and the range):\n`);
  console.log("| K | beckon / loop (fastest) | beckon / loop (median of pairs) |\n| ---: | ---: | ---: |");
  for (const [k, { fastest, pairs }] of ratios) {
    console.log(`| ${k} | ${median(fastest).toFixed(2)}× (${range(fastest)}) | ${median(pairs).toFixed(2)}× (${range(pairs)}) |`);
  }
}
