/**
 * `npx tsx fuzz/profile.ts [--seed S] [--units N] [--first U] [--only a,b] [--budget-ms 50] [--skip kind,…]
 * [--want kind,…]`
 *
 * Where a fuzz run's time goes, in this process (no workers, no watchdog: `--skip "shared DAG"` keeps an input that
 * could hang out): per target, the time to generate the bases, to prepare the units, to run the inputs (of which in
 * beckon's calls) and to check the built-ins; then per corruption kind and per call, and the slowest inputs with
 * their indexes (replay them with `npm run fuzz -- --seed S --replay target:index`). `--want` runs only the inputs
 * carrying one of the kinds. Run it under `node --cpu-prof --import tsx` for a function-level profile.
 */
import fc from "fast-check";
import { createRandom } from "../bench/random.js";
import { createProbe, type Probe } from "./probe.js";
import { createPrototypeGuard } from "./prototype-guard.js";
import { SKIP, UNIT_SIZE } from "./run-unit.js";
import { seedFor } from "./seed-for.js";
import type { Target } from "./target.js";
import { TARGETS } from "./targets/index.js";

interface Tally {
  n: number;
  ms: number;
  max: number;
  maxAt: number;
}

interface TargetProfile {
  generateMs: number;
  prepareMs: number;
  inputMs: number;
  callMs: number;
  calls: number;
  guardMs: number;
  inputs: number;
  skipped: number;
  findings: Map<string, number>;
  kinds: Map<string, Tally>;
  callTimes: Map<string, Tally>;
}

const argv = process.argv.slice(2);
const option = (flag: string, fallback: string): string => {
  const i = argv.indexOf(flag);
  return i === -1 ? fallback : (argv[i + 1] ?? fallback);
};
const list = (flag: string): Set<string> => new Set(option(flag, "").split(",").filter(Boolean));

const seed = Number(option("--seed", "1"));
const units = Number(option("--units", "5"));
const first = Number(option("--first", "0"));
const budgetMs = Number(option("--budget-ms", "50"));
const only = list("--only");
const skip = list("--skip");
const want = list("--want");
const guard = createPrototypeGuard();

function add(map: Map<string, Tally>, key: string, ms: number, index: number): void {
  const tally = map.get(key) ?? { n: 0, ms: 0, max: 0, maxAt: -1 };
  tally.n++;
  tally.ms += ms;
  if (ms > tally.max) [tally.max, tally.maxAt] = [ms, index];
  map.set(key, tally);
}

/** Times each call of a probe (re-runs included) and skips inputs by their recipe before their first call. */
function timing(probe: Probe, profile: TargetProfile, index: number, spent: { ms: number }): Probe {
  const { run, runAsync } = probe;
  const before = (): number => {
    if (probe.recipe.some((m) => skip.has(m.kind))) throw SKIP;
    if (want.size > 0 && !probe.recipe.some((m) => want.has(m.kind))) throw SKIP;
    return performance.now();
  };
  const after = (call: string, start: number): void => {
    const ms = performance.now() - start;
    spent.ms += ms;
    add(profile.callTimes, call, ms, index);
  };
  probe.run = (call, contract, fn, options) => {
    const start = before();
    const out = run(call, contract, fn, options);
    after(call, start);
    return out;
  };
  probe.runAsync = async (call, contract, fn) => {
    const start = before();
    const out = await runAsync(call, contract, fn);
    after(call, start);
    return out;
  };
  return probe;
}

async function profileUnit(target: Target<never, never>, unit: number, profile: TargetProfile): Promise<void> {
  let start = performance.now();
  const bases = fc.sample(target.arbitrary as fc.Arbitrary<unknown>, { seed: seedFor(seed, target.name, "unit", unit), numRuns: UNIT_SIZE });
  profile.generateMs += performance.now() - start;
  start = performance.now();
  const shared = (target.prepareUnit as ((seed: number) => unknown) | undefined)?.(seedFor(seed, target.name, "shared", unit));
  profile.prepareMs += performance.now() - start;
  for (let k = 0; k < UNIT_SIZE; k++) {
    const index = unit * UNIT_SIZE + k;
    const counters = { calls: 0, tolerated: 0 };
    const onFinding = (finding: { check: string }): void => void profile.findings.set(finding.check, (profile.findings.get(finding.check) ?? 0) + 1);
    const spent = { ms: 0 };
    const probe = timing(createProbe({ target: target.name, seed, index, budgetMs, counters, onFinding }), profile, index, spent);
    start = performance.now();
    try {
      const exercise = target.exercise as (base: unknown, rng: unknown, probe: Probe, unit: unknown) => unknown;
      await exercise(bases[k], createRandom(seedFor(seed, target.name, index)), probe, shared);
    } catch (error) {
      if (error === SKIP) {
        profile.skipped++;
        continue;
      }
      onFinding({ check: "harness_error" });
    }
    const ms = performance.now() - start;
    start = performance.now();
    guard.check(index % 16 !== 15);
    profile.guardMs += performance.now() - start;
    profile.inputs++;
    profile.inputMs += ms;
    profile.callMs += spent.ms;
    profile.calls += counters.calls;
    const kinds = probe.recipe.length === 0 ? ["(valid)"] : [...new Set(probe.recipe.map((m) => m.kind))];
    for (const kind of kinds) add(profile.kinds, kind, ms, index);
  }
}

function table(title: string, map: Map<string, Tally>, rows: number): string[] {
  const sorted = [...map].sort((a, b) => b[1].ms - a[1].ms).slice(0, rows);
  return [`  ${title}: count, total ms, mean ms, slowest ms @ index`, ...sorted.map(([key, t]) => `    ${key.padEnd(44)} ${String(t.n).padStart(6)} ${t.ms.toFixed(0).padStart(8)} ${(t.ms / t.n).toFixed(2).padStart(8)} ${t.max.toFixed(0).padStart(7)} @ ${t.maxAt}`)];
}

function report(name: string, p: TargetProfile): void {
  const total = p.generateMs + p.prepareMs + p.inputMs + p.guardMs;
  const findings = [...p.findings].map(([check, n]) => `${check} ×${n}`).join(", ") || "none";
  console.log(`\n${name}: ${p.inputs} inputs (${p.skipped} skipped), ${(total / 1000).toFixed(1)} s, ${(p.inputs / (total / 1000)).toFixed(0)} inputs/s`);
  console.log(`  generate ${p.generateMs.toFixed(0)} ms · prepare ${p.prepareMs.toFixed(0)} ms · inputs ${p.inputMs.toFixed(0)} ms (${p.calls} calls: ${p.callMs.toFixed(0)} ms) · built-ins check ${p.guardMs.toFixed(0)} ms · findings: ${findings}`);
  console.log([...table("by corruption kind (an input counts under each of its kinds)", p.kinds, 16), ...table("by call", p.callTimes, 10)].join("\n"));
}

for (const target of TARGETS.filter((t) => only.size === 0 || only.has(t.name))) {
  const profile: TargetProfile = { generateMs: 0, prepareMs: 0, inputMs: 0, callMs: 0, calls: 0, guardMs: 0, inputs: 0, skipped: 0, findings: new Map(), kinds: new Map(), callTimes: new Map() };
  for (let unit = first; unit < first + units; unit++) await profileUnit(target, unit, profile);
  report(target.name, profile);
}
