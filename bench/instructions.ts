/**
 * The fixed cost of a decision counted in machine instructions (issue 11, item 8): `evaluate` and the plain loop of
 * bench/fixed-cost.ts on the same workload, each run under valgrind (callgrind) with `node --predictable` (one thread,
 * no background compilation or collection), at two pass counts: the difference ÷ the extra decisions is the count
 * per decision, start-up and compilation cancelled out. The same code gives the same count to about 0.01 % run after
 * run, on a machine whose timings swing by ×2 from one minute to the next, so a change of 1 % is visible. A count is
 * not a time (a cache miss or an allocation costs more than its instructions; bench/paired.ts times two revisions),
 * but the work it counts is the work a time pays for.
 *
 *   npx tsx bench/instructions.ts                 # K = 10 and K = 1 000
 *   npx tsx bench/instructions.ts --k 10 --passes 10,30
 *   npx tsx bench/instructions.ts --k 1000 --by-function 25   # and beckon's count split by function, the top 25
 *   npx tsx bench/instructions.ts --k 10 --young 16            # the young generation pinned at 16 MB
 *   npx tsx bench/instructions.ts --shape every                # the workload's other shape (fixed-cost-workload.ts)
 *
 * `--by-function N` also has callgrind count each machine instruction and node write its map of code addresses to
 * functions (`--perf-basic-prof`), adds the counts up per JavaScript function (optimised code with what it inlined,
 * node's builtins by name) and names each by its place in src/ (the child's source map); the engine's own C++ and
 * anything unmapped is one line. A function's count is read off the addresses its code had in that run, so code the
 * engine moved is counted where it ran; confirm a surprise with a counter in the source (bench/README.md).
 *
 * The engine grows its young generation by heuristics whose course depends on everything allocated since start-up, so
 * the count of the same code can move by a few hundred instructions per decision with nothing but a file's path
 * changed (bench/RESULTS.md, "Fifteenth round"). `--young N` pins the semi-spaces at N MB: compare two revisions of
 * the code that way when they differ by less than ≈ 5 %.
 *
 * Needs valgrind (Debian: `apt-get install valgrind`); each count takes a minute or two.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { bundleChild, countInstructions, perUnit } from "./callgrind-functions.js";
import { workloadShape } from "./fixed-cost-workload.js";

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i] ?? "", process.argv[i + 1] ?? "");
const SIZES = (args.get("--k") ?? "10,1000").split(",").map(Number);
const [FEW = 10, MANY = 30] = (args.get("--passes") ?? "10,30").split(",").map(Number);
/** How many of beckon's functions to list per K (0: no split). */
const BY_FUNCTION = Number(args.get("--by-function") ?? 0);
/** The young generation's semi-space size in MB, pinned (0: left to the engine). */
const YOUNG_MB = Number(args.get("--young") ?? 0);
const VISITORS = 2_000;
const SHAPE = workloadShape(args.get("--shape"));

const root = resolve(import.meta.dirname, "..");
const scratch = mkdtempSync(join(tmpdir(), "beckon-instructions-"));
const child = join(scratch, "child.mjs");
await bundleChild("instructions-child.ts", child, "esm", BY_FUNCTION > 0);

/** Per decision: (the count at MANY passes − the count at FEW) ÷ the extra decisions, in all and per function. */
function perDecision(side: string, k: number, split: boolean): { total: number; functions: [string, number][] } {
  const run = (passes: number) => countInstructions(child, [side, String(k), String(passes), String(VISITORS), SHAPE], split, scratch, root, YOUNG_MB);
  return perUnit(run(FEW), run(MANY), (MANY - FEW) * VISITORS);
}

const heap = YOUNG_MB > 0 ? `, young generation pinned at ${YOUNG_MB} MB` : "";
console.log(`Instructions per decision: ${VISITORS} visitors, (count at ${MANY} passes − count at ${FEW}) ÷ the extra decisions; node --predictable under callgrind${heap}, ${process.version}; the workload's ${SHAPE} shape.\n`);
const splits: [number, [string, number][]][] = [];
console.log("| K | beckon evaluate (compiled) | plain loop | beckon / loop |");
console.log("| ---: | ---: | ---: | ---: |");
for (const k of SIZES) {
  const beckon = perDecision("beckon", k, BY_FUNCTION > 0);
  const loop = perDecision("loop", k, false);
  console.log(`| ${k} | ${beckon.total.toFixed(0)} | ${loop.total.toFixed(0)} | ${(beckon.total / loop.total).toFixed(2)}× |`);
  splits.push([k, beckon.functions]);
}
for (const [k, functions] of BY_FUNCTION > 0 ? splits : []) {
  // Inlined callees count in the optimised function they were inlined into.
  console.log(`\nbeckon at K = ${k}, instructions per decision by function (the top ${BY_FUNCTION}; callees inlined count in their caller):\n`);
  console.log("| function | instructions |\n| --- | ---: |");
  for (const [name, perCall] of functions.slice(0, BY_FUNCTION)) console.log(`| ${name} | ${perCall.toFixed(0)} |`);
  const rest = functions.slice(BY_FUNCTION).reduce((sum, [, perCall]) => sum + perCall, 0);
  console.log(`| the other ${Math.max(0, functions.length - BY_FUNCTION)} | ${rest.toFixed(0)} |`);
}
rmSync(scratch, { recursive: true, force: true });
