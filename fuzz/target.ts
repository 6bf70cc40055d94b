import type fc from "fast-check";
import type { Random } from "../bench/random.js";
import type { SizeLimits } from "./hostile-values.js";
import type { Probe } from "./probe.js";

/**
 * One thing the fuzzer drives: valid structure from `arbitrary` (fast-check), which `exercise` corrupts with the
 * mutator (seeded by `rng`) and pushes through the API under test, reporting every broken promise to the probe.
 */
export interface Target<Base = unknown, Unit = unknown> {
  name: string;
  /** Share of `--runs` this target gets, relative to the others. */
  weight: number;
  arbitrary: fc.Arbitrary<Base>;
  limits: SizeLimits;
  /**
   * Built once per unit of 100 inputs from the unit's seed (shared, expensive parts: compiled invitation sets), so
   * a million inputs do not compile a million sets.
   */
  prepareUnit?(seed: number): Unit;
  exercise(base: Base, rng: Random, probe: Probe, unit: Unit): void | Promise<void>;
}

/**
 * Types a target without widening its base (a helper for the target files).
 *
 * @example
 * export const visitorTarget = defineTarget({ name: "parseVisitor", weight: 1, arbitrary: visitorArb, limits, exercise });
 */
export function defineTarget<Base, Unit = undefined>(target: Target<Base, Unit>): Target<Base, Unit> {
  return target;
}
