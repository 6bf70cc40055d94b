/**
 * Two revisions of beckon timed side by side in one process, on the fixed-cost workload (bench/fixed-cost.ts): each
 * revision's `src/index.ts` is bundled with esbuild, both decide every visitor first (their decisions must be the
 * same, field for field), then passes over all visitors alternate between them, and the report is each side's
 * fastest and median pass and the median of the per-pair ratios. On a shared or throttled machine a whole run can
 * be twice as slow as the next one, which makes two separate runs useless for a change of a few per cent; two
 * passes next to each other meet much the same conditions, so the median of their ratios is steady to a few per
 * cent (an A/A run says how steady on the machine at hand).
 *
 *   npx tsx bench/paired.ts                      # HEAD's last commit (HEAD~1) against the working tree, K = 10
 *   npx tsx bench/paired.ts --base main --k 1000  # any revision git knows against the working tree
 *   npx tsx bench/paired.ts --base HEAD --head HEAD --passes 200   # A/A: the noise floor
 *   npx tsx bench/paired.ts --base main --k 10000 --workload run   # bench/run.ts's workload (seed 1) instead
 *
 * A ratio below 1 means the head is faster. Decisions that differ stop the run (exit code 1): a change that is
 * faster because it answers differently is not faster.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import type { evaluate as Evaluate, compile as Compile, Visitor } from "../src/index.js";
import { fixedCostWorkload } from "./fixed-cost-workload.js";
import { generateInvitations } from "./generate.js";
import { generateSamples } from "./generate-visitors.js";

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i] ?? "", process.argv[i + 1] ?? "");
const BASE = args.get("--base") ?? "HEAD~1";
/** `worktree`: the files as they are now, uncommitted changes included. */
const HEAD = args.get("--head") ?? "worktree";
const K = Number(args.get("--k") ?? 10);
const PASSES = Number(args.get("--passes") ?? 100);
const VISITORS = Number(args.get("--visitors") ?? 2_000);
/** `fixed-cost` (bench/fixed-cost-workload.ts) or `run` (bench/run.ts's seeded workload, seed 1). */
const WORKLOAD = args.get("--workload") ?? "fixed-cost";

interface Engine {
  compile: typeof Compile;
  evaluate: typeof Evaluate;
}

const root = resolve(import.meta.dirname, "..");
const scratch = mkdtempSync(join(tmpdir(), "beckon-paired-"));

/** The revision's `src/` bundled into one module (a git revision is exported to a folder of its own first). */
async function load(revision: string, name: string): Promise<Engine> {
  let source = root;
  if (revision !== "worktree") {
    source = join(scratch, `${name}-tree`);
    execFileSync("sh", ["-c", `mkdir -p "${source}" && git -C "${root}" archive "${revision}" src | tar -x -C "${source}"`]);
  }
  const outfile = join(scratch, `${name}.mjs`);
  // The revision's own dependencies are this checkout's: a revision that changed them is not comparable here.
  await build({ entryPoints: [join(source, "src/index.ts")], bundle: true, format: "esm", platform: "node", outfile, nodePaths: [join(root, "node_modules")], logLevel: "warning" });
  return (await import(pathToFileURL(outfile).href)) as Engine;
}

/** bench/run.ts's invitations and visitors, in the fixed-cost workload's shape. */
function runWorkload(): { invitations: ReturnType<typeof generateInvitations>; visitors: Visitor[]; instants: number[] } {
  const samples = generateSamples(VISITORS, 1);
  return { invitations: generateInvitations(K, 1), visitors: samples.map((sample) => sample.visitor), instants: samples.map((sample) => sample.now) };
}

function cpuNs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) * 1000;
}

function summary(times: readonly number[]): string {
  const sorted = [...times].sort((a, b) => a - b);
  return `fastest ${(sorted[0] ?? 0).toFixed(0)} ns, median ${(sorted[sorted.length >> 1] ?? 0).toFixed(0)} ns`;
}

try {
  const [a, b] = [await load(BASE, "base"), await load(HEAD, "head")];
  const { invitations, visitors, instants } = WORKLOAD === "run" ? runWorkload() : fixedCostWorkload(K, VISITORS);
  const sides = [
    { engine: a, ruleset: a.compile(invitations), times: [] as number[] },
    { engine: b, ruleset: b.compile(invitations), times: [] as number[] },
  ] as const;
  for (let i = 0; i < visitors.length; i++) {
    const [x, y] = sides.map((side) => JSON.stringify(side.engine.evaluate(side.ruleset, visitors[i] as Visitor, instants[i] as number)));
    if (x !== y) {
      console.log(`Visitor ${i}: the two revisions decide differently.\n  ${BASE}: ${x}\n  ${HEAD}: ${y}`);
      process.exitCode = 1;
      throw new Error("decisions differ");
    }
  }
  for (let pass = 0; pass < PASSES; pass++) {
    // Alternate which side goes first, so neither always runs right after the other's garbage.
    for (const side of pass % 2 === 0 ? sides : [sides[1], sides[0]]) {
      const started = cpuNs();
      for (let i = 0; i < visitors.length; i++) side.engine.evaluate(side.ruleset, visitors[i] as Visitor, instants[i] as number);
      side.times.push((cpuNs() - started) / visitors.length);
    }
  }
  const ratios = sides[1].times.map((t, i) => t / (sides[0].times[i] as number)).sort((x, y) => x - y);
  const at = (q: number): string => (ratios[Math.floor(q * (ratios.length - 1))] ?? 0).toFixed(3);
  console.log(`${WORKLOAD} workload, K = ${K}, ${VISITORS} visitors, ${PASSES} pass pairs, CPU time per decision (Node ${process.version}):`);
  console.log(`  base ${BASE}: ${summary(sides[0].times)}`);
  console.log(`  head ${HEAD}: ${summary(sides[1].times)}`);
  console.log(`  head ÷ base, per pair: median ${at(0.5)} (quartiles ${at(0.25)}–${at(0.75)})`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
