import fc from "fast-check";
import { createRandom } from "../bench/random.js";
import { createProbe, describeError, type Finding, type Probe, type ProbeCounters } from "./probe.js";
import type { PrototypeGuard } from "./prototype-guard.js";
import { seedFor } from "./seed-for.js";
import type { Target } from "./target.js";

/** Thrown by a probe to abandon an input built with a corruption the run has stopped trying (see fuzz-worker). */
export const SKIP: unique symbol = Symbol("skip this input");

/** Inputs per unit of work: the bases of a unit come from one `fc.sample` call seeded by (seed, target, unit). */
export const UNIT_SIZE = 100;

/** One unit of work: inputs `unit × UNIT_SIZE + from` up to the unit's end (or `total`). */
export interface UnitWork {
  target: Target<never, never>;
  seed: number;
  unit: number;
  from: number;
  total: number;
  budgetMs: number;
  counters: ProbeCounters;
  guard: PrototypeGuard;
  onFinding: (finding: Finding) => void;
  /** Called before each input with its index (the watchdog reads it). */
  onInput?: (index: number) => void;
  /** Called as each probed call starts, re-runs included (the watchdog's tick). */
  onCall?: () => void;
  /** Only this input (replay). */
  only?: number;
  /** Wraps each input's probe (replay prints the input before the first call; describe runs nothing). */
  wrapProbe?: (probe: Probe) => Probe;
}

/**
 * Generates one unit's inputs and runs each through its target, then checks the built-ins for pollution. A throw
 * escaping a target is itself reported (`harness_error`): it is either beckon throwing where the harness did not
 * expect it, or a bug here, and either way it must be looked at. Returns how many inputs ran and how many were
 * skipped (a probe threw {@link SKIP}).
 *
 * @example
 * await runUnit({ target: evaluateTarget, seed: 1, unit: 0, from: 0, total: 1000, budgetMs: 50, counters, guard, onFinding });
 */
export async function runUnit(work: UnitWork): Promise<{ ran: number; skipped: number }> {
  const { target, seed, unit, from, total } = work;
  const bases = fc.sample(target.arbitrary as fc.Arbitrary<unknown>, { seed: seedFor(seed, target.name, "unit", unit), numRuns: UNIT_SIZE });
  const shared = (target.prepareUnit as ((seed: number) => unknown) | undefined)?.(seedFor(seed, target.name, "shared", unit));
  let ran = 0;
  let skipped = 0;
  for (let k = from; k < UNIT_SIZE; k++) {
    const index = unit * UNIT_SIZE + k;
    if (index >= total) break;
    if (work.only !== undefined && index !== work.only) continue;
    work.onInput?.(index);
    const made = createProbe({ target: target.name, seed, index, budgetMs: work.budgetMs, counters: work.counters, onFinding: work.onFinding, ...(work.onCall === undefined ? {} : { onCall: work.onCall }) });
    const probe = work.wrapProbe?.(made) ?? made;
    try {
      const exercise = target.exercise as (base: unknown, rng: ReturnType<typeof createRandom>, probe: Probe, unit: unknown) => unknown;
      await exercise(bases[k], createRandom(seedFor(seed, target.name, index)), probe, shared);
    } catch (error) {
      if (error === SKIP) {
        skipped++;
        continue;
      }
      const { message, stack } = describeError(error);
      probe.report("harness_error", "(outside any probed call)", message, stack === undefined ? {} : { stack });
    }
    // The quick check (key counts) catches an added key at once; the full one (a replaced method, a changed
    // prototype) runs every 16 inputs, so such a finding names the last of up to 16 inputs.
    const quick = index % 16 !== 15 && k !== UNIT_SIZE - 1;
    const pollution = work.guard.check(quick);
    if (pollution.length > 0) probe.report("prototype_pollution", quick ? "(a call of this input)" : "(a call of this input or one of the 15 before it)", pollution.join("; "));
    ran++;
  }
  return { ran, skipped };
}
