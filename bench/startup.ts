/**
 * Start-up costs: `compile` of a large set in this process, and cold start in fresh `node` processes against the
 * built package (see bench/README.md, "Cold start").
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { compile, parseInvitations } from "../src/index.js";
import type { Invitation } from "../src/index.js";
import type { Sample } from "./generate.js";
import { fullGc } from "./measure.js";

/** Medians in ms. */
export interface CompileTiming {
  runs: number;
  /** `compile` of a plain array: validation included. */
  compileMs: number;
  /** `parseInvitations` alone. */
  parseMs: number;
  /** `compile` of the array `parseInvitations` returned (validation skipped). */
  compileParsedMs: number;
}

/**
 * Times `compile` on fresh copies of the set (median of `runs`).
 *
 * @example
 * measureCompile(generateInvitations(10_000, 1), 5).compileMs // => e.g. 150
 */
export function measureCompile(invitations: readonly Invitation[], runs: number): CompileTiming {
  const json = JSON.stringify(invitations);
  // Fresh copies made outside the timed region: nothing is cached between runs.
  const copies = (): Invitation[][] => Array.from({ length: runs }, () => JSON.parse(json) as Invitation[]);
  const time = (inputs: Invitation[][], f: (input: Invitation[]) => unknown): number =>
    median(
      inputs.map((input) => {
        fullGc();
        const t0 = performance.now();
        f(input);
        return performance.now() - t0;
      }),
    );
  const parsed = copies().map((copy) => parseInvitations(copy));
  return {
    runs,
    compileMs: time(copies(), (input) => compile(input)),
    parseMs: time(copies(), (input) => parseInvitations(input)),
    compileParsedMs: time(parsed, (input) => compile(input)),
  };
}

/** One fresh process, ms. */
export interface ColdStart {
  bootMs: number;
  importMs: number;
  parseMs: number;
  compileMs: number;
  evaluateMs: number;
  totalMs: number;
  winner: string | null;
}

/**
 * Runs `runs` fresh `node` processes that import the built entry and decide once; returns each run and the median
 * total. Throws when a child fails.
 *
 * @example
 * measureColdStart("/work/main/dist/index.js", invitations, sample, 5).median.totalMs // => e.g. 35
 */
export function measureColdStart(
  entryPath: string,
  invitations: readonly Invitation[],
  sample: Sample,
  runs: number,
): { runs: ColdStart[]; median: ColdStart } {
  const dir = mkdtempSync(join(tmpdir(), "beckon-cold-"));
  try {
    const workload = join(dir, "workload.json");
    writeFileSync(workload, JSON.stringify({ invitations, visitor: sample.visitor, now: sample.now }));
    const child = fileURLToPath(new URL("./cold-start-child.mjs", import.meta.url));
    const results: ColdStart[] = [];
    for (let i = 0; i < runs; i++) {
      const out = spawnSync(process.execPath, [child, pathToFileURL(entryPath).href, workload], { encoding: "utf8" });
      if (out.status !== 0) throw new Error(`cold-start child failed: ${out.stderr}`);
      results.push(JSON.parse(out.stdout) as ColdStart);
    }
    const pick = (key: keyof Omit<ColdStart, "winner">): number => median(results.map((r) => r[key]));
    const median_: ColdStart = {
      bootMs: pick("bootMs"),
      importMs: pick("importMs"),
      parseMs: pick("parseMs"),
      compileMs: pick("compileMs"),
      evaluateMs: pick("evaluateMs"),
      totalMs: pick("totalMs"),
      winner: results[0]?.winner ?? null,
    };
    return { runs: results, median: median_ };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The middle value (the lower middle for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN;
}
