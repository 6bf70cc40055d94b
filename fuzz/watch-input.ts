import { deepFreeze } from "./deep-freeze.js";
import { sameSnapshot } from "./same-snapshot.js";
import { snapshot } from "./snapshot.js";

/**
 * Guards an argument against being changed by the call it is given to, one of two ways: deep-frozen (a write then
 * throws in beckon's strict-mode code, and the throw is the finding), or left as it is with a snapshot to compare
 * after the call. Returns the check to run after the call: `true` when the argument changed.
 *
 * @example
 * const changed = watchInput(visitor, rng.chance(0.5));
 * evaluate(ruleset, visitor, now);
 * if (changed()) report("mutated_input");
 */
export function watchInput(value: unknown, freeze: boolean): () => boolean {
  if (freeze) {
    deepFreeze(value);
    return () => false;
  }
  const before = snapshot(value);
  return () => !sameSnapshot(before, snapshot(value));
}
