/**
 * The service's own cost per call counted in machine instructions (issue 15): `check`, `logEvent` and the widget
 * session of bench/service.ts through the Redis adapter over a stand-in client that answers at once (no socket, no
 * Redis: bench/service-instructions-child.ts), run under valgrind (callgrind) with `node --predictable`, at two call
 * counts: the difference ÷ the extra calls is the count per call, start-up and compilation cancelled out. Next to it,
 * the same count for the `ideal` call (one HMGET and `evaluate`: what a check cannot do without) and the `floor` (one
 * trivial EVALSHA). A time on the 2-core VM moves by ×2 between runs; a count moves by well under 1 %, so a change of
 * a few per cent in the service's layers is visible before it is timed against real Redis (bench/service-paired.ts).
 *
 *   npx tsx bench/service-instructions.ts                              # check, logEvent, session; 64 visitors
 *   npx tsx bench/service-instructions.ts --workloads check --by-function 30   # and the split by function
 *   npx tsx bench/service-instructions.ts --calls 30000,60000           # the two call counts (default)
 *   npx tsx bench/service-instructions.ts --calls 60000,120000 --young 16   # compilation out of the window, heap pinned
 *   npx tsx bench/service-instructions.ts --workloads session --by-function 20 --callers-of "StringAdd|GetProperty$"
 *                                                                       # and who calls those builtins, per call
 *   COALESCE=0 npx tsx bench/service-instructions.ts                   # the adapter with coalesceWrites: false
 *
 * The split (`--by-function N`) is read as in bench/instructions.ts (bench/README.md: its cautions hold here too), and
 * so is `--young N`, which pins the young generation's semi-spaces at N MB: the engine's own heap sizing moves a count
 * by a few hundred instructions a call with nothing else changed, so compare two revisions pinned.
 * Needs valgrind; each count takes about a minute.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { bundleChild, countInstructions, perUnit } from "./callgrind-functions.js";

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i] ?? "", process.argv[i + 1] ?? "");
const WORKLOADS = (args.get("--workloads") ?? "check,logEvent,session").split(",");
const [FEW = 30_000, MANY = 60_000] = (args.get("--calls") ?? "30000,60000").split(",").map(Number);
const BY_FUNCTION = Number(args.get("--by-function") ?? 0);
/** With `--by-function`: the functions whose calls are listed by caller (a regular expression on their names). */
const CALLERS_OF = args.has("--callers-of") ? new RegExp(args.get("--callers-of") as string) : null;
/** The young generation's semi-space size in MB, pinned (0: left to the engine). */
const YOUNG_MB = Number(args.get("--young") ?? 0);
const VISITORS = 64;

const root = resolve(import.meta.dirname, "..");
const scratch = mkdtempSync(join(tmpdir(), "beckon-service-instructions-"));
const child = join(scratch, "child.cjs");
// CommonJS: ioredis, bundled in, requires node's own modules, which an ES module bundle cannot.
await bundleChild("service-instructions-child.ts", child, "cjs", BY_FUNCTION > 0);

/** Per call: (the count at MANY calls − the count at FEW) ÷ the extra calls, in all and per function. */
function perCall(side: string, workload: string, split: boolean): { total: number; functions: [string, number][]; calls: [string, number][] } {
  const run = (calls: number) =>
    countInstructions(child, [side, workload, String(calls), String(VISITORS)], split, scratch, root, YOUNG_MB, split ? CALLERS_OF : null);
  return perUnit(run(FEW), run(MANY), MANY - FEW);
}

const heap = YOUNG_MB > 0 ? `, young generation pinned at ${YOUNG_MB} MB` : "";
console.log(`Instructions per call: ${VISITORS} visitors, (count at ${MANY} calls − count at ${FEW}) ÷ the extra calls; node --predictable under callgrind${heap}, ${process.version}.\n`);
const ideal = perCall("ideal", "check", false).total;
const floor = perCall("floor", "check", false).total;
console.log(`| workload | service | ideal (HMGET + evaluate) | floor (trivial EVALSHA) |\n| --- | ---: | ---: | ---: |`);
const splits: [string, [string, number][], [string, number][]][] = [];
for (const workload of WORKLOADS) {
  const service = perCall("service", workload, BY_FUNCTION > 0);
  console.log(`| ${workload} | ${service.total.toFixed(0)} | ${ideal.toFixed(0)} | ${floor.toFixed(0)} |`);
  splits.push([workload, service.functions, service.calls]);
}
for (const [workload, functions, calls] of BY_FUNCTION > 0 ? splits : []) {
  console.log(`\n${workload}: instructions per call by function (the top ${BY_FUNCTION}; callees inlined count in their caller):\n`);
  console.log("| function | instructions |\n| --- | ---: |");
  for (const [name, each] of functions.slice(0, BY_FUNCTION)) console.log(`| ${name} | ${each.toFixed(0)} |`);
  if (CALLERS_OF === null) continue;
  console.log(`\n${workload}: calls per service call into ${CALLERS_OF.source}, by caller (the top ${BY_FUNCTION}):\n`);
  console.log("| callee <- caller | calls |\n| --- | ---: |");
  for (const [edge, each] of calls.slice(0, BY_FUNCTION)) console.log(`| ${edge} | ${each.toFixed(2)} |`);
}
rmSync(scratch, { recursive: true, force: true });
