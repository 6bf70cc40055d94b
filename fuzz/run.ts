/**
 * `npm run fuzz [-- --runs N] [--seed S] [--only a,b] [--workers N] [--budget-ms 50] [--hang-ms 2000]
 * [--max-hangs 5] [--out fuzz/findings] [--replay target:index]`
 *
 * Drives generated and corrupted inputs through beckon's public API (see fuzz/README.md), prints a summary and
 * exits 1 when anything was found, each distinct finding written to fuzz/findings/ with its reproduction.
 */
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { createPrototypeGuard } from "./prototype-guard.js";
import { runFuzz, type FindingGroup, type FuzzSummary } from "./run-fuzz.js";
import { runUnit, UNIT_SIZE } from "./run-unit.js";
import { TARGETS } from "./targets/index.js";
import { writeFindings } from "./write-findings.js";

interface Options {
  runs: number;
  seed: number;
  only: string[] | undefined;
  workers: number;
  budgetMs: number;
  hangMs: number;
  maxHangs: number;
  out: string;
  replay: string | undefined;
}

function parseArgs(argv: readonly string[]): Options {
  const value = (flag: string): string | undefined => {
    const i = argv.indexOf(flag);
    return i === -1 ? undefined : argv[i + 1];
  };
  const number = (flag: string, fallback: number): number => {
    const raw = value(flag);
    const parsed = raw === undefined ? fallback : Number(raw.replace(/[_,]/g, ""));
    if (!Number.isFinite(parsed)) throw new Error(`${flag} needs a number, got ${raw}`);
    return parsed;
  };
  return {
    runs: number("--runs", 1_000_000),
    // A fresh seed each run unless given; it is printed, so any run can be repeated.
    seed: number("--seed", Math.floor(Math.random() * 2 ** 31)),
    only: value("--only")?.split(",").map((s) => s.trim()),
    workers: number("--workers", availableParallelism()),
    budgetMs: number("--budget-ms", 50),
    hangMs: number("--hang-ms", 2000),
    maxHangs: number("--max-hangs", 20),
    out: value("--out") ?? fileURLToPath(new URL("./findings", import.meta.url)),
    replay: value("--replay"),
  };
}

/** One line per distinct finding, with the command that replays its first occurrence. */
function findingLine(group: FindingGroup, seed: number): string {
  const { first } = group;
  return `  [${first.check}] ${first.target} › ${first.call}: ${first.message.split("\n")[0]?.slice(0, 200)} ×${group.count} (replay: --seed ${seed} --replay ${first.target}:${first.index})`;
}

function printSummary(summary: FuzzSummary): void {
  const rows = summary.targets.map((t) => {
    const found = summary.groups.filter((g) => g.first.target === t.name);
    const count = found.reduce((sum, g) => sum + g.count, 0);
    return `| ${t.name} | ${t.inputs.toLocaleString("en-US")}${t.stopped ? ` (stopped after ${t.hangs} hangs)` : ""} | ${t.skipped} | ${t.calls.toLocaleString("en-US")} | ${t.tolerated} | ${t.hangs} | ${found.length} (${count}) |`;
  });
  const inputs = summary.targets.reduce((sum, t) => sum + t.inputs, 0);
  console.log(`\nseed ${summary.seed}: ${inputs.toLocaleString("en-US")} inputs in ${(summary.elapsedMs / 1000).toFixed(1)} s\n`);
  console.log("| target | inputs | skipped | calls | tolerated throws | hangs | findings (occurrences) |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
  console.log(rows.join("\n"));
  if (summary.disabled.length > 0) {
    const list = summary.disabled.map(({ target, kind }) => `${kind} (${target})`).join(", ");
    console.log(`\nskipped: inputs built with ${list}: disabled for that target after repeated hangs`);
  }
  if (summary.groups.length === 0) return;
  console.log(`\n${summary.groups.length} distinct findings:`);
  for (const group of summary.groups) console.log(findingLine(group, summary.seed));
}

/** Runs one input in this process, printing its recipe and rendering before the first call, then what it found. */
async function replay(options: Options, spec: string): Promise<number> {
  const [name, rawIndex] = spec.split(":");
  const target = TARGETS.find((t) => t.name === name);
  const index = Number(rawIndex);
  if (target === undefined || !Number.isInteger(index)) throw new Error(`--replay wants target:index, targets: ${TARGETS.map((t) => t.name).join(", ")}`);
  let found = 0;
  let shown = false;
  await runUnit({
    target,
    seed: options.seed,
    unit: Math.floor(index / UNIT_SIZE),
    from: 0,
    only: index,
    total: index + 1,
    budgetMs: options.budgetMs,
    counters: { calls: 0, tolerated: 0 },
    guard: createPrototypeGuard(),
    onFinding: (finding) => {
      found++;
      console.log(`\n[${finding.check}] ${finding.call}: ${finding.message}\n${finding.stack ?? ""}`);
    },
    wrapProbe: (probe) => {
      const { run, runAsync } = probe;
      const show = (): void => {
        if (shown) return;
        shown = true;
        console.log(`recipe: ${JSON.stringify(probe.recipe)}\ninput: ${probe.render()}`);
      };
      probe.run = (call, contract, fn, opts) => (show(), run(call, contract, fn, opts));
      probe.runAsync = (call, contract, fn) => (show(), runAsync(call, contract, fn));
      return probe;
    },
  });
  console.log(found === 0 ? "\nnothing found on this input" : `\n${found} findings`);
  return found === 0 ? 0 : 1;
}

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  if (options.replay !== undefined) return replay(options, options.replay);
  console.log(`fuzz: ${options.runs.toLocaleString("en-US")} inputs, seed ${options.seed}, ${options.workers} workers, budget ${options.budgetMs} ms per call, hang ceiling ${options.hangMs} ms`);
  let lastPrint = 0;
  const started = performance.now();
  const summary = await runFuzz({
    runs: options.runs,
    seed: options.seed,
    ...(options.only === undefined ? {} : { only: options.only }),
    workers: options.workers,
    budgetMs: options.budgetMs,
    hangMs: options.hangMs,
    maxHangsPerTarget: options.maxHangs,
    onProgress: (done, total) => {
      if (performance.now() - lastPrint < 5000 && done !== total) return;
      lastPrint = performance.now();
      console.log(`  ${done} / ${total} units, ${((performance.now() - started) / 1000).toFixed(0)} s`);
    },
    onNewFinding: (group) => console.log(`  new finding:${findingLine(group, options.seed).slice(1)}`),
  });
  printSummary(summary);
  const written = writeFindings(options.out, summary.groups, summary.seed);
  if (written.length > 0) console.log(`\nreproductions written to ${options.out}/ (${written.length} files)`);
  return summary.groups.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
