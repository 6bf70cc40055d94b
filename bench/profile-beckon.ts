/**
 * Profiling helper for the "Profiling notes" of bench/README.md: runs beckon compiled over the workload at one K
 * for a few seconds so that `node --cpu-prof` has something to show, and prints the time per visitor group.
 *
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/profile-beckon.ts 10000
 */
import { compile, evaluate } from "../src/index.js";
import { generateInvitations, generateSamples, type Sample } from "./generate.js";

const k = Number(process.argv[2] ?? 10_000);
const seconds = Number(process.argv[3] ?? 5);
const samples = generateSamples(10_000, 1);
const ruleset = compile(generateInvitations(k, 1));
const groups = new Map<string, { count: number; ns: number }>();
const deadline = performance.now() + seconds * 1000;
for (let pass = 0; performance.now() < deadline; pass++) {
  for (const { visitor, now } of samples as Sample[]) {
    const t0 = performance.now();
    const winner = evaluate(ruleset, visitor, now).invitation?.id ?? null;
    const ns = (performance.now() - t0) * 1e6;
    if (pass === 0) continue; // warm-up
    const group = winner === null ? "no invitation" : "an invitation";
    const g = groups.get(group) ?? { count: 0, ns: 0 };
    g.count += 1;
    g.ns += ns;
    groups.set(group, g);
  }
}
for (const [group, { count, ns }] of groups) {
  process.stdout.write(`K = ${k}, visitors who get ${group}: ${(ns / count / 1000).toFixed(1)} µs mean over ${count} decisions\n`);
}
