/**
 * The benchmark of issue 5: `npx tsx bench/run.ts [--k 10,100,1000,10000] [--quick] [--visitors N] [--seed N]
 * [--impl name,…] [--gate-only] [--no-startup] [--build | --entry dist/index.js] [--write | --no-write]`.
 *
 * 1. generates the workload, 2. runs the correctness gate at every K (exit 1 on any mismatch), 3. times every
 * implementation at every K, 4. times compile and cold start, 5. prints the report and writes bench/RESULTS.md
 * (not for --quick unless --write).
 */
import { existsSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { explain, type Invitation } from "../src/index.js";
import { checkEquivalence } from "./gate.js";
import { generateInvitations, generateSamples, type Sample } from "./generate.js";
import { IMPLEMENTATIONS, type Implementation } from "./impl/index.js";
import { measureImplementation, type Measurement, type MeasureOptions } from "./measure.js";
import { machineLine, renderReport, type RunReport } from "./report.js";
import { measureColdStart, measureCompile } from "./startup.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const JRE = "json-rules-engine";

interface Settings {
  ks: number[];
  quick: boolean;
  visitors: number;
  seed: number;
  implementations: Implementation[];
  startup: boolean;
  entry: string;
  write: boolean;
  gateOnly: boolean;
  build: boolean;
}

function parseArgs(argv: readonly string[]): Settings {
  const value = (flag: string): string | undefined => {
    const i = argv.indexOf(flag);
    return i === -1 ? undefined : argv[i + 1];
  };
  const quick = argv.includes("--quick");
  const only = value("--impl")?.split(",").map((s) => s.trim().toLowerCase());
  const implementations = IMPLEMENTATIONS.filter(
    (impl, i) => i === 0 || only === undefined || only.some((o) => impl.name.toLowerCase().includes(o)),
  );
  return {
    ks: (value("--k") ?? "10,100,1000,10000").split(",").map((k) => Number(k.replace(/[_ ]/g, ""))),
    quick,
    visitors: Number(value("--visitors") ?? (quick ? 1000 : 10_000)),
    seed: Number(value("--seed") ?? 1),
    implementations,
    startup: !argv.includes("--no-startup"),
    entry: value("--entry") ?? join(ROOT, "dist/index.js"),
    write: argv.includes("--write") || (!quick && !argv.includes("--no-write") && !argv.includes("--gate-only")),
    gateOnly: argv.includes("--gate-only"),
    build: argv.includes("--build"),
  };
}

/** json-rules-engine takes ≈ 350 ms per visitor at K = 10 000: the gate checks it on a prefix of the visitors. */
function gateLimit(settings: Settings, k: number): (name: string) => number {
  const jre = settings.quick ? { 1000: 200, 10000: 20 } : { 1000: 1000, 10000: 200 };
  return (name) => (name === JRE ? ((jre as Record<number, number>)[k] ?? Infinity) : Infinity);
}

function measureOptions(settings: Settings, implementation: Implementation): MeasureOptions {
  const slow = implementation.name === JRE;
  if (settings.quick) return { minCpuMs: slow ? 300 : 150, minSamples: slow ? 3 : 8, passBudgetMs: slow ? 500 : 1000, warmupMs: 200 };
  return { minCpuMs: slow ? 1500 : 600, minSamples: slow ? 5 : 12, passBudgetMs: slow ? 3000 : 6000, warmupMs: slow ? 1000 : 2000 };
}

async function runGate(settings: Settings, sets: Map<number, Invitation[]>, samples: Sample[]): Promise<string[]> {
  const lines: string[] = [];
  let failed = false;
  for (const k of settings.ks) {
    const invitations = sets.get(k) as Invitation[];
    const { winners, results } = await checkEquivalence(invitations, samples, settings.implementations, gateLimit(settings, k));
    const matched = winners.filter((w) => w !== null).length;
    const parts = results.map((r) => `${r.implementation} ${r.mismatches.length === 0 ? "agrees" : `**${r.mismatches.length} mismatches**`} on ${r.checked}${r.checked < samples.length ? ` (first ${r.checked} only)` : ""}`);
    const line = `K = ${k}: ${matched} of ${samples.length} visitors get an invitation (${((100 * matched) / samples.length).toFixed(1)} %); ${parts.join("; ")}`;
    console.log(line);
    lines.push(line);
    for (const r of results) {
      if (r.mismatches.length === 0) continue;
      failed = true;
      console.error(`\nMISMATCH at K = ${k}: ${r.implementation} disagrees with beckon compiled on ${r.mismatches.length} of ${r.checked} visitors. First ones:`);
      for (const m of r.mismatches.slice(0, 10)) console.error(`  visitor ${m.visitorId}: beckon compiled → ${m.expected}, ${r.implementation} → ${m.actual}`);
      describeMismatch(invitations, samples, r.mismatches[0] as { visitorId: string; expected: string | null; actual: string | null });
    }
  }
  if (failed) {
    console.error("\nThe correctness gate failed: nothing was timed.");
    process.exit(1);
  }
  return lines;
}

/** Enough to reproduce the first mismatch: the visitor, the instant, both invitations and beckon's explanation. */
function describeMismatch(invitations: Invitation[], samples: Sample[], m: { visitorId: string; expected: string | null; actual: string | null }): void {
  const sample = samples.find((s) => s.visitor.id === m.visitorId) as Sample;
  const ids = [m.expected, m.actual].filter((id): id is string => id !== null);
  const involved = invitations.filter((i) => ids.includes(i.id));
  const reasons = explain(invitations, sample.visitor, sample.now).candidates.filter((c) => ids.includes(c.invitationId));
  console.error(`  reproduce: evaluate(${JSON.stringify(involved)}, ${JSON.stringify(sample.visitor)}, ${sample.now} /* ${new Date(sample.now).toISOString()} */)`);
  console.error(`  beckon explain: ${JSON.stringify(reasons)}`);
}

async function runTimings(settings: Settings, sets: Map<number, Invitation[]>, samples: Sample[]): Promise<Measurement[]> {
  const measurements: Measurement[] = [];
  for (const k of settings.ks) {
    for (const implementation of settings.implementations) {
      const m = await measureImplementation(implementation, sets.get(k) as Invitation[], samples, measureOptions(settings, implementation));
      console.log(`K = ${k} ${implementation.name}: mean ${(m.meanNs / 1000).toFixed(2)} µs, median ${(m.medianNs / 1000).toFixed(2)} µs, over ${m.times.length} visitors, retained ${(m.retainedBytes / 2 ** 20).toFixed(2)} MB, ${(m.allocatedBytesPerDecision / 1024).toFixed(1)} KB allocated per decision`);
      measurements.push(m);
    }
  }
  return measurements;
}

async function runStartup(settings: Settings, samples: Sample[]): Promise<Pick<RunReport, "compile" | "coldStart" | "coldStartError">> {
  if (!settings.startup) return { compile: null, coldStart: null, coldStartError: null };
  const compileTiming = measureCompile(generateInvitations(10_000, settings.seed), settings.quick ? 3 : 5);
  console.log(`compile of 10 000 invitations: ${compileTiming.compileMs.toFixed(1)} ms (median of ${compileTiming.runs})`);
  if (settings.build) settings.entry = await buildEntry();
  if (!existsSync(settings.entry)) {
    console.log(`cold start skipped: ${settings.entry} does not exist (run \`npm run build\`)`);
    return { compile: compileTiming, coldStart: null, coldStartError: `${relative(ROOT, settings.entry)} does not exist` };
  }
  const runs = settings.quick ? 3 : 5;
  const sample = samples.find((s) => s.visitor.timeOnSite !== undefined && s.visitor.timeOnSite > 60) ?? (samples[0] as Sample);
  let cold: ReturnType<typeof measureColdStart>;
  try {
    cold = measureColdStart(settings.entry, generateInvitations(100, settings.seed), sample, runs);
  } catch (error) {
    const message = (error as Error).message.split("\n").find((line) => line.includes("Error")) ?? (error as Error).message;
    console.error(`cold start failed: ${message}`);
    return { compile: compileTiming, coldStart: null, coldStartError: `${relative(ROOT, settings.entry)}: ${message.trim()}` };
  }
  const stale = newestSourceMs() > statSync(settings.entry).mtimeMs;
  if (stale) console.log(`warning: ${settings.entry} is older than src/ — run \`npm run build\` for a meaningful cold start`);
  console.log(`cold start: ${cold.median.totalMs.toFixed(1)} ms (median of ${runs} processes)`);
  return { compile: compileTiming, coldStart: { median: cold.median, runs, entry: relative(ROOT, settings.entry), stale }, coldStartError: null };
}

/**
 * Builds the core entry with tsup.config.ts's own options (bundled dependencies, identifiers shortened with names kept, splitting, tree-shaken),
 * ESM only and without types, into node_modules/.cache, so that the cold start measures the current src/ as it
 * would be published, without touching dist/.
 */
async function buildEntry(): Promise<string> {
  const outDir = join(ROOT, "node_modules/.cache/beckon-bench/dist");
  const [{ build }, { default: config }] = await Promise.all([import("tsup"), import("../tsup.config.js")]);
  const options = Array.isArray(config) ? config[0] : config;
  await build({ ...options, entry: { index: join(ROOT, "src/index.ts") }, format: ["esm"], dts: false, sourcemap: false, outDir, silent: true });
  return join(outDir, "index.js");
}

function newestSourceMs(): number {
  const src = join(ROOT, "src");
  return readdirSync(src, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".ts"))
    .reduce((newest, f) => Math.max(newest, statSync(join(src, f)).mtimeMs), 0);
}

async function main(): Promise<void> {
  const settings = parseArgs(process.argv.slice(2));
  console.log(`beckon benchmark — ${machineLine()}`);
  const samples = generateSamples(settings.visitors, settings.seed);
  const sets = new Map(settings.ks.map((k) => [k, generateInvitations(k, settings.seed)]));
  const gate = await runGate(settings, sets, samples);
  if (settings.gateOnly) return;
  const measurements = await runTimings(settings, sets, samples);
  const startup = await runStartup(settings, samples);
  const report: RunReport = {
    command: `npx tsx bench/run.ts ${process.argv.slice(2).join(" ")}`.trim(),
    visitors: samples.length,
    seed: settings.seed,
    gate,
    measurements,
    ...startup,
  };
  const markdown = renderReport(report);
  console.log(`\n${markdown}`);
  if (settings.write) {
    writeFileSync(join(ROOT, "bench/RESULTS.md"), markdown);
    console.log("written to bench/RESULTS.md");
  }
}

await main();
