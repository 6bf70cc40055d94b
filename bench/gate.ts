/**
 * The correctness gate: before anything is timed, every implementation must pick the same winner as beckon
 * compiled for every visitor of the workload (a documented prefix of it for the slowest engine at large K).
 */
import type { Invitation } from "../src/index.js";
import type { Sample } from "./generate.js";
import type { Implementation } from "./impl/index.js";

/** How one implementation fared against the reference on one invitation set. */
export interface GateResult {
  implementation: string;
  checked: number;
  mismatches: { visitorId: string; expected: string | null; actual: string | null }[];
  ms: number;
}

/**
 * Runs the reference and the competitors over the samples (each competitor over its first `limit(name)` samples).
 *
 * @example
 * const results = await checkEquivalence(invitations, samples, IMPLEMENTATIONS, () => Infinity);
 * results.every((r) => r.mismatches.length === 0) // => true when all agree
 */
export async function checkEquivalence(
  invitations: Invitation[],
  samples: readonly Sample[],
  implementations: readonly Implementation[],
  limit: (name: string) => number,
): Promise<{ winners: (string | null)[]; results: GateResult[] }> {
  const [reference, ...others] = implementations as [Implementation, ...Implementation[]];
  const winners = (await decideAll(reference, invitations, samples)).answers;
  const results: GateResult[] = [];
  for (const implementation of others) {
    const subset = samples.slice(0, Math.min(samples.length, limit(implementation.name)));
    const { answers, ms } = await decideAll(implementation, invitations, subset);
    const mismatches = answers.flatMap((actual, i) => {
      const expected = winners[i] ?? null;
      return actual === expected ? [] : [{ visitorId: (subset[i] as Sample).visitor.id, expected, actual }];
    });
    results.push({ implementation: implementation.name, checked: subset.length, mismatches, ms });
  }
  return { winners, results };
}

async function decideAll(
  implementation: Implementation,
  invitations: Invitation[],
  samples: readonly Sample[],
): Promise<{ answers: (string | null)[]; ms: number }> {
  const start = performance.now();
  const answers: (string | null)[] = [];
  if (implementation.kind === "sync") {
    const decide = implementation.build(invitations);
    for (const { visitor, now } of samples) answers.push(decide(visitor, now));
  } else {
    const decide = implementation.build(invitations);
    for (const { visitor, now } of samples) answers.push(await decide(visitor, now));
  }
  return { answers, ms: performance.now() - start };
}
