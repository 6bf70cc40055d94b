/**
 * `lintInvitations` on the generated workload (bench/generate.ts): issue 12 asks that linting 10 000 invitations
 * take under 5 s. Measured in CPU time (process.cpuUsage), since the machine is shared; each size is linted on a
 * fresh copy of the set (so nothing compiled or cached by an earlier run is reused) and the median of the runs is
 * reported, with what was found.
 *
 *   npx tsx bench/lint.ts                 # K = 1 000 and 10 000, 3 runs each, seed 1
 *   npx tsx bench/lint.ts --k 10000 --runs 5 --seed 2
 */
import { parseArgs } from "node:util";
import { lintInvitations, type LintFinding } from "../src/index.js";
import { generateInvitations } from "./generate.js";

const LIMIT_MS = 5000;

const { values } = parseArgs({
  options: { k: { type: "string", default: "1000,10000" }, runs: { type: "string", default: "3" }, seed: { type: "string", default: "1" } },
});
const sizes = values.k.split(",").map(Number);
const runs = Number(values.runs);
const seed = Number(values.seed);

/** CPU milliseconds of `run`. */
function cpuMs(run: () => void): number {
  const start = process.cpuUsage();
  run();
  const { user, system } = process.cpuUsage(start);
  return (user + system) / 1000;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

let failed = false;
console.log(`lintInvitations on generated sets (seed ${seed}), CPU ms, ${runs} runs each; Node ${process.version}`);
for (const k of sizes) {
  const times: number[] = [];
  let findings: LintFinding[] = [];
  for (let r = 0; r < runs; r++) {
    // A fresh set each run (same seed, same content): the URL glob caches of one run do not help the next.
    const set = structuredClone(generateInvitations(k, seed));
    times.push(cpuMs(() => (findings = lintInvitations(set, { at: Date.UTC(2026, 2, 23) }))));
  }
  const byCode = new Map<string, number>();
  for (const f of findings) byCode.set(f.code, (byCode.get(f.code) ?? 0) + 1);
  const ms = median(times);
  const verdict = k === 10_000 ? (ms < LIMIT_MS ? "  (under 5 s: ok)" : "  (over 5 s: FAILED)") : "";
  if (k === 10_000 && ms >= LIMIT_MS) failed = true;
  console.log(`K = ${k}: median ${ms.toFixed(0)} ms (runs ${times.map((t) => t.toFixed(0)).join(", ")})${verdict}`);
  console.log(`  ${findings.length} findings: ${[...byCode].sort().map(([code, n]) => `${code} ${n}`).join(", ")}`);
}
process.exitCode = failed ? 1 : 0;
