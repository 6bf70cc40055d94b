/**
 * The adversarial benchmark of issue 9: `npm run bench:adversarial [-- --write] [--only text] [--ceiling-ms 100]
 * [--kill-ms 4000] [--sample-ms 150]`.
 *
 * For every attack case (bench/adversarial-cases.ts) it doubles the input from 16 characters (or 256 keys) up to the
 * visitor string cap, timing `evaluate` call by call in a worker thread; it stops doubling once a call exceeds the
 * ceiling, and terminates the worker when a call runs past the kill limit (a backtracking matcher may never
 * finish). Prints a markdown table, and writes it to bench/adversarial-results.md with --write.
 */
import { writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { fileURLToPath } from "node:url";
import type { Worker } from "node:worker_threads";
import { spawnWorker } from "./spawn-worker.js";
import { ATTACK_CASES } from "./adversarial-cases.js";
import type { MeasureReply, MeasureRequest } from "./adversarial-worker.js";

interface Settings {
  write: boolean;
  only: string | undefined;
  ceilingMs: number;
  killMs: number;
  sampleMs: number;
}

/** One size of one case. */
interface Point {
  size: number;
  worstUs: number;
  p99Us?: number;
  medianUs: number;
  over: boolean;
  killed: boolean;
  answer: string;
}

interface CaseResult {
  index: number;
  points: Point[];
  refused?: { size: number; code: string };
}

/** Targets from issue 9. */
const TARGET_AT_CAP_US = 1000;
const TARGET_RATIO = 2.5;

function parseArgs(argv: readonly string[]): Settings {
  const value = (flag: string): string | undefined => {
    const i = argv.indexOf(flag);
    return i === -1 ? undefined : argv[i + 1];
  };
  return {
    write: argv.includes("--write"),
    only: value("--only"),
    ceilingMs: Number(value("--ceiling-ms") ?? 100),
    killMs: Number(value("--kill-ms") ?? 4000),
    sampleMs: Number(value("--sample-ms") ?? 150),
  };
}

/**
 * Runs the chosen cases one after another in a worker, replacing it after a kill. Resolves with every case's points.
 */
function runCases(indexes: number[], settings: Settings): Promise<CaseResult[]> {
  const results = indexes.map((index): CaseResult => ({ index, points: [] }));
  return new Promise((resolve, reject) => {
    let worker: Worker | undefined;
    let position = 0;
    let lastMessage = performance.now();
    let busy = false;
    const start = (): void => {
      busy = false;
      worker = spawnWorker(new URL("./adversarial-worker.ts", import.meta.url), undefined);
      worker.on("message", onMessage);
      worker.on("error", reject);
    };
    const send = (): void => {
      const result = results[position];
      if (result === undefined) {
        clearInterval(watchdog);
        void worker?.terminate();
        resolve(results);
        return;
      }
      lastMessage = performance.now();
      busy = true;
      const request: MeasureRequest = { caseIndex: result.index, ceilingMs: settings.ceilingMs, sampleMs: settings.sampleMs };
      worker?.postMessage(request);
    };
    const onMessage = (reply: MeasureReply): void => {
      lastMessage = performance.now();
      if (reply.type === "ready") {
        send();
        return;
      }
      const result = results[position] as CaseResult;
      if (reply.type === "size") {
        const { size, worstUs, p99Us, medianUs, over, answer } = reply;
        result.points.push({ size, worstUs, p99Us, medianUs, over, killed: false, answer });
      } else if (reply.type === "refused") result.refused = { size: reply.size, code: reply.code };
      else {
        position++;
        process.stdout.write(".");
        send();
      }
    };
    const watchdog = setInterval(() => {
      if (!busy || performance.now() - lastMessage < settings.killMs) return;
      const result = results[position] as CaseResult;
      const attack = ATTACK_CASES[result.index];
      const measured = result.points.length;
      const size = attack?.sizes[measured] ?? NaN;
      result.points.push({ size, worstUs: Infinity, medianUs: Infinity, over: true, killed: true, answer: "(killed)" });
      void worker?.terminate();
      position++;
      process.stdout.write("x");
      start();
    }, 100);
    start();
  });
}

const us = (value: number): string =>
  value === Infinity ? "∞" : value >= 1_000_000 ? `${(value / 1_000_000).toFixed(2)} s` : value >= 1000 ? `${(value / 1000).toFixed(2)} ms` : `${value.toFixed(1)} µs`;

/**
 * Growth per doubling: 2^slope of a least-squares line through (log₂ size, log₂ median) over the sizes from 1 024
 * up (a fit, so one noisy size does not decide); with fewer than two such sizes, the ratio of the last two medians.
 */
function growth(points: readonly Point[]): number | undefined {
  const measured = points.filter((p) => !p.killed);
  const large = measured.filter((p) => p.size >= 1024);
  if (large.length >= 2) {
    const xs = large.map((p) => Math.log2(p.size));
    const ys = large.map((p) => Math.log2(Math.max(p.medianUs, 0.05)));
    const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
    const my = ys.reduce((a, b) => a + b, 0) / ys.length;
    const slope = xs.reduce((sum, x, i) => sum + (x - mx) * ((ys[i] as number) - my), 0) / xs.reduce((sum, x) => sum + (x - mx) ** 2, 0);
    return 2 ** slope;
  }
  const [a, b] = measured.slice(-2);
  return a === undefined || b === undefined ? undefined : b.medianUs / Math.max(a.medianUs, 0.05);
}

function row(result: CaseResult, settings: Settings): string {
  const attack = ATTACK_CASES[result.index];
  const name = `${attack?.family}: ${attack?.name}`;
  if (result.refused !== undefined && result.points.length === 0) return `| ${name} | ${result.refused.size} | refused at parse (${result.refused.code}) | | | | ok (refused) |`;
  const last = result.points[result.points.length - 1];
  if (last === undefined) return `| ${name} | | no measurement | | | | ? |`;
  const ratio = growth(result.points);
  const cap = attack?.sizes[attack.sizes.length - 1] ?? 0;
  const reasons: string[] = [];
  if (last.killed) reasons.push(`killed after ${settings.killMs / 1000} s`);
  else if (last.over) reasons.push(`> ceiling (${settings.ceilingMs} ms median)`);
  else if (last.size === cap && last.medianUs > TARGET_AT_CAP_US) reasons.push("over 1 ms at the cap");
  if (ratio !== undefined && ratio > TARGET_RATIO) reasons.push(`×${ratio.toFixed(1)} per doubling`);
  const verdict = reasons.length === 0 ? "ok" : `**FAIL**: ${reasons.join(", ")}`;
  const size = last.killed ? `${last.size} (${result.points.length > 1 ? `${(result.points[result.points.length - 2] as Point).size} measured` : "none measured"})` : String(last.size);
  return `| ${name} | ${size} | ${us(last.worstUs)} | ${last.p99Us === undefined ? "" : us(last.p99Us)} | ${us(last.medianUs)} | ${ratio === undefined ? "" : `×${ratio.toFixed(2)}`} | ${verdict} |`;
}

/** Per case: the median at every size measured, so growth can be read at a glance. */
function detail(result: CaseResult): string {
  const attack = ATTACK_CASES[result.index];
  const points = result.points.map((p) => `${p.size}: ${p.killed ? "killed" : `${us(p.medianUs)}${p.over ? " (over)" : ""}`}`).join(" · ");
  const answer = result.points.filter((p) => !p.killed).at(-1)?.answer;
  return `* ${attack?.family}: ${attack?.name} — ${points}${result.refused === undefined ? "" : ` · refused at ${result.refused.size} (${result.refused.code})`}${answer === undefined ? "" : ` · answer \`${answer}\``}`;
}

function report(results: readonly CaseResult[], settings: Settings, seconds: number): string {
  const cpu = cpus()[0]?.model ?? "unknown CPU";
  return [
    `Adversarial inputs (issue 9), ${new Date().toISOString().slice(0, 10)}, ${cpu}, ${cpus().length} cores, Node ${process.versions.node}; ${seconds.toFixed(0)} s.`,
    "",
    `One \`evaluate\` call on a compiled set per measurement, input doubled from 16 characters (lists: 125 keys or tags up to their bound of 1 000, 625 events up to 10 000)`,
    `to the visitor string cap of 8 192; at each size calls are repeated for ${settings.sampleMs} ms (at least 10). Targets: a`,
    `median under 1 ms per call at the cap, at most ×${TARGET_RATIO} per doubling (2^slope of a log-log fit of the medians from`,
    `1 024 up). "worst" is the slowest single call (a garbage collection lands in it now and then), p99 the 99th`,
    `percentile. A case stops doubling once its median exceeds ${settings.ceilingMs} ms (\`> ceiling\`); a call still running`,
    `after ${settings.killMs / 1000} s is terminated (\`killed\`).`,
    "",
    "| case | input size | worst per call | p99 | median | ratio per doubling | verdict |",
    "| --- | ---: | ---: | ---: | ---: | ---: | --- |",
    ...results.map((r) => row(r, settings)),
    "",
    "Medians per size:",
    "",
    ...results.map(detail),
    "",
  ].join("\n");
}

async function main(): Promise<void> {
  const settings = parseArgs(process.argv.slice(2));
  const indexes = ATTACK_CASES.map((_, i) => i).filter((i) => {
    const attack = ATTACK_CASES[i];
    return settings.only === undefined || `${attack?.family}: ${attack?.name}`.includes(settings.only);
  });
  const started = performance.now();
  const results = await runCases(indexes, settings);
  const text = report(results, settings, (performance.now() - started) / 1000);
  console.log(`\n\n${text}`);
  if (settings.write) {
    const path = fileURLToPath(new URL("./adversarial-results.md", import.meta.url));
    writeFileSync(path, `# Adversarial benchmark\n\n${text}`);
    console.log(`written to ${path}`);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
