/**
 * Markdown for the console and bench/RESULTS.md: the machine, the gate summary, the timing table, start-up costs and
 * the issue's targets with pass/miss.
 */
import { cpus, platform, release, totalmem } from "node:os";
import { quantile, type Measurement } from "./measure.js";
import type { ColdStart, CompileTiming } from "./startup.js";

/** Everything one run found. */
export interface RunReport {
  command: string;
  visitors: number;
  seed: number;
  gate: string[];
  measurements: Measurement[];
  compile: CompileTiming | null;
  coldStart: { median: ColdStart; runs: number; entry: string; stale: boolean } | null;
  /** Why the cold start could not be measured. */
  coldStartError: string | null;
}

const REFERENCE = "beckon compiled";

/**
 * The machine this runs on, one line.
 *
 * @example
 * machineLine() // => "AMD EPYC, 2 cores, 23.5 GiB, linux 6.1, Node v20.20.2, 2026-…"
 */
export function machineLine(): string {
  const cpu = cpus();
  const memory = (totalmem() / 2 ** 30).toFixed(1);
  return `${cpu[0]?.model.trim() ?? "unknown CPU"}, ${cpu.length} cores, ${memory} GiB, ${platform()} ${release()}, Node ${process.version}, ${new Date().toISOString()}`;
}

/**
 * The whole report as markdown.
 *
 * @example
 * renderReport(report).startsWith("# beckon benchmark") // => true
 */
export function renderReport(report: RunReport): string {
  return [
    "# beckon benchmark results",
    "",
    `Machine: ${machineLine()}`,
    "",
    `Command: \`${report.command}\` — ${report.visitors} visitors, seed ${report.seed}. See bench/README.md for what each column means.`,
    "",
    "## Correctness gate",
    "",
    ...report.gate.map((line) => `* ${line}`),
    "",
    "## Per-visitor decision time",
    "",
    renderTable(report.measurements),
    "",
    ...renderStartup(report),
    "## Targets (issue 5)",
    "",
    ...renderTargets(report),
    "",
  ].join("\n");
}

/** Ratios of `m` to beckon compiled at the same K, over the same (first `m.times.length`) visitors. */
export function ratios(measurements: readonly Measurement[], m: Measurement): { median: number; mean: number } | null {
  const ref = measurements.find((r) => r.k === m.k && r.implementation === REFERENCE);
  if (ref === undefined || ref.times.length < m.times.length) return null;
  const same = ref.times.slice(0, m.times.length);
  const median = (t: readonly number[]): number => quantile([...t].sort((a, b) => a - b), 0.5);
  const mean = (t: readonly number[]): number => t.reduce((sum, x) => sum + x, 0) / t.length;
  return { median: median(m.times) / median(same), mean: mean(m.times) / mean(same) };
}

function renderTable(measurements: readonly Measurement[]): string {
  const header = [
    "| K | implementation | mean µs | median µs | p99 µs | decisions/s | median ÷ beckon | mean ÷ beckon | build ms | retained heap MB | peak heap MB | allocated KB / decision | timed visitors |",
    "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  const times = (x: number): string => `${x.toFixed(x >= 100 ? 0 : 2)}×`;
  const rows = measurements.map((m) => {
    const r = ratios(measurements, m);
    return `| ${m.k} | ${m.implementation} | ${us(m.meanNs)} | ${us(m.medianNs)} | ${us(m.p99Ns)} | ${Math.round(1e9 / m.meanNs).toLocaleString("en-US")} | ${r === null ? "–" : times(r.median)} | ${r === null ? "–" : times(r.mean)} | ${m.buildMs.toFixed(1)} | ${mb(m.retainedBytes)} | ${mb(m.peakBytes)} | ${(m.allocatedBytesPerDecision / 1024).toFixed(1)} | ${m.times.length} |`;
  });
  return [...header, ...rows].join("\n");
}

function renderStartup(report: RunReport): string[] {
  const lines: string[] = [];
  if (report.compile !== null) {
    const c = report.compile;
    lines.push(
      "## compile of 10 000 invitations",
      "",
      `Median of ${c.runs} runs: \`compile(plainArray)\` **${c.compileMs.toFixed(1)} ms** (validation included); ` +
        `\`parseInvitations\` alone ${c.parseMs.toFixed(1)} ms; \`compile\` of a parsed array (validation skipped) ${c.compileParsedMs.toFixed(1)} ms.`,
      "",
    );
  }
  if (report.coldStartError !== null) {
    lines.push("## Cold start (fresh node process, 100 invitations)", "", `**Not measured**: ${report.coldStartError}`, "");
  }
  if (report.coldStart !== null) {
    const { median: m, runs, entry, stale } = report.coldStart;
    lines.push(
      "## Cold start (fresh node process, 100 invitations)",
      "",
      `Median of ${runs} processes against \`${entry}\`${stale ? " (**stale: older than src/ — run `npm run build`**)" : ""}: ` +
        `**${m.totalMs.toFixed(1)} ms** from before \`import()\` to the first decision = import ${m.importMs.toFixed(1)} + ` +
        `parseInvitations ${m.parseMs.toFixed(1)} + compile ${m.compileMs.toFixed(1)} + evaluate ${m.evaluateMs.toFixed(1)} ms ` +
        `(node itself had booted for ${m.bootMs.toFixed(1)} ms before that).`,
      "",
    );
  }
  return lines;
}

function renderTargets(report: RunReport): string[] {
  const at = (name: string, k: number): Measurement | undefined =>
    report.measurements.find((m) => m.implementation === name && m.k === k);
  const lines = ["| target | measured (medians; means in brackets) | verdict |", "| --- | --- | --- |"];
  const speedup = (name: string, k: number, wanted: number, label: string): void => {
    const other = at(name, k);
    const r = other === undefined ? null : ratios(report.measurements, other);
    if (r === null) return;
    const { median, mean } = r;
    lines.push(`| ${label} | ${name} time ÷ beckon's: ${median.toFixed(2)}× (${mean.toFixed(2)}×) | ${median >= wanted ? "met" : `missed by ${(wanted / median).toFixed(2)}×`} |`);
  };
  speedup("hand-written loop", 1000, 3, "beckon ≥ 3× faster than the hand loop at K = 1 000");
  speedup("hand-written loop", 10, 1, "beckon not slower than the hand loop at K = 10");
  speedup("GrowthBook evalCondition", 1000, 100, "beckon ≥ 100× faster than GrowthBook at K = 1 000");
  speedup("json-rules-engine", 1000, 1000, "beckon ≥ 1 000× faster than json-rules-engine at K = 1 000");
  const small = at(REFERENCE, 100);
  const large = at(REFERENCE, 10_000);
  if (small !== undefined && large !== undefined) {
    const growth = large.medianNs / small.medianNs;
    lines.push(`| beckon at K = 10 000 ≤ 3× its cost at K = 100 (same visitors) | K = 10 000 ÷ K = 100: ${growth.toFixed(2)}× (${(large.meanNs / small.meanNs).toFixed(2)}×) | ${growth <= 3 ? "met" : `missed by ${(growth / 3).toFixed(2)}×`} |`);
  }
  if (report.compile !== null) {
    const ms = report.compile.compileMs;
    lines.push(`| compile of 10 000 invitations < 200 ms | ${ms.toFixed(1)} ms | ${ms < 200 ? "met" : `missed by ${(ms - 200).toFixed(0)} ms`} |`);
  }
  if (report.coldStart !== null) {
    const ms = report.coldStart.median.totalMs;
    lines.push(`| cold start < 40 ms | ${ms.toFixed(1)} ms | ${ms < 40 ? "met" : `missed by ${(ms - 40).toFixed(1)} ms`} |`);
  }
  return lines;
}

function us(ns: number): string {
  const value = ns / 1000;
  return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
}

function mb(bytes: number): string {
  return (bytes / 2 ** 20).toFixed(2);
}
