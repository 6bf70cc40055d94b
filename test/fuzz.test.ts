// The fixed-seed slice of `npm run fuzz` (fuzz/README.md): the same harness, workers and checks, on few enough
// inputs to run with every `npm test`. It never judges speed (no per-call budget here; bench/ measures speed): it
// fails on a thrown or rejected error outside the contract, `evaluation_error`, explain ≠ evaluate, a changed input,
// prototype pollution, a stored state that no longer parses, or a call still running after 5 s (a hang).
import { describe, expect, it } from "vitest";
import { runFuzz, type FindingGroup } from "../fuzz/run-fuzz.js";

const SEED = 20_261_126;
const RUNS = Number(process.env.FUZZ_SLICE_RUNS ?? 4000);

/** One line per distinct finding, with the command that replays it. */
function describeGroups(groups: readonly FindingGroup[]): string[] {
  return groups.map(
    ({ first, count }) =>
      `[${first.check}] ${first.target} › ${first.call}: ${first.message.split("\n")[0]?.slice(0, 160)} ×${count} — npm run fuzz -- --seed ${SEED} --replay ${first.target}:${first.index}`,
  );
}

describe("fuzz slice", () => {
  it(`survives ${RUNS} generated and corrupted inputs (seed ${SEED})`, { timeout: 120_000 }, async () => {
    const summary = await runFuzz({
      runs: RUNS,
      seed: SEED,
      workers: 2,
      budgetMs: Number.POSITIVE_INFINITY,
      hangMs: 5_000,
      maxHangsPerTarget: 1,
    });
    expect(describeGroups(summary.groups)).toEqual([]);
    // Every planned input ran (a target stopped by a hang would also show above).
    for (const target of summary.targets) expect(target.inputs + target.skipped, target.name).toBe(target.planned);
  });
});
