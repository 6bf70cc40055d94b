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
 *
 * Needs valgrind (Debian: `apt-get install valgrind`); each count takes a minute or two.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { build } from "esbuild";

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i] ?? "", process.argv[i + 1] ?? "");
const SIZES = (args.get("--k") ?? "10,1000").split(",").map(Number);
const [FEW = 10, MANY = 30] = (args.get("--passes") ?? "10,30").split(",").map(Number);
const VISITORS = 2_000;

const scratch = mkdtempSync(join(tmpdir(), "beckon-instructions-"));
const child = join(scratch, "child.mjs");
await build({ entryPoints: [resolve(import.meta.dirname, "instructions-child.ts")], bundle: true, format: "esm", platform: "node", outfile: child, logLevel: "warning" });

/** Instructions valgrind counted for one run of the child (callgrind reports them on stderr: "Collected : N"). */
function count(side: string, k: number, passes: number): number {
  const run = spawnSync("valgrind", ["--tool=callgrind", "--callgrind-out-file=/dev/null", process.execPath, "--predictable", child, side, String(k), String(passes), String(VISITORS)], {
    encoding: "utf8",
  });
  const collected = /Collected : ([\d,]+)/.exec(run.stderr ?? "");
  if (run.status !== 0 || collected === null) throw new Error(`valgrind did not count (is it installed?): ${run.error?.message ?? run.stderr}`);
  return Number((collected[1] as string).replaceAll(",", ""));
}

console.log(`Instructions per decision: ${VISITORS} visitors, (count at ${MANY} passes − count at ${FEW}) ÷ the extra decisions; node --predictable under callgrind, ${process.version}.\n`);
console.log("| K | beckon evaluate (compiled) | plain loop | beckon / loop |");
console.log("| ---: | ---: | ---: | ---: |");
for (const k of SIZES) {
  const perDecision = (side: string): number => (count(side, k, MANY) - count(side, k, FEW)) / ((MANY - FEW) * VISITORS);
  const beckon = perDecision("beckon");
  const loop = perDecision("loop");
  console.log(`| ${k} | ${beckon.toFixed(0)} | ${loop.toFixed(0)} | ${(beckon / loop).toFixed(2)}× |`);
}
rmSync(scratch, { recursive: true, force: true });
