import fc from "fast-check";
import type { EvaluateOptions } from "../types.js";
import { compact, rarely } from "./optional.js";
import { DEPARTMENTS, TIME_ZONES } from "./vocabulary.js";

/**
 * Evaluation options: sometimes operators online (ids `7`, `8`, `9`, the ones `arbitraryInvitations` requires), a
 * time zone, an escape mode, a seed, a fired trigger.
 *
 * @example
 * fc.assert(fc.property(arbitraryInvitations(), arbitraryVisitor(), arbitraryInstant(), arbitraryEvaluateOptions(),
 *   (set, visitor, at, options) => explain(set, visitor, at, options).decision.status === evaluate(set, visitor, at, options).status));
 */
export function arbitraryEvaluateOptions(): fc.Arbitrary<EvaluateOptions> {
  return fc
    .record({
      operatorsOnline: rarely(
        fc.array(
          fc.record(
            { id: fc.constantFrom("7", "8", "9"), name: fc.constantFrom("Tom", "Rita"), departments: fc.array(fc.constantFrom(...DEPARTMENTS), { maxLength: 2 }) },
            { requiredKeys: ["id"] },
          ),
          { maxLength: 3 },
        ),
        2,
      ),
      requireOperatorOnline: rarely(fc.boolean(), 2),
      suppressAfterChatSeconds: rarely(fc.constantFrom(0, 3600, 86_400), 2),
      timeZone: rarely(fc.constantFrom(...TIME_ZONES), 1),
      escape: rarely(fc.constantFrom("html" as const, "none" as const), 2),
      seed: rarely(fc.constantFrom("", "s1"), 1),
      trigger: rarely(
        fc.oneof(fc.constant({ type: "exitIntent" as const }), fc.constantFrom(5, 30).map((seconds) => ({ type: "idle" as const, seconds }))),
        4,
      ),
    })
    .map(compact);
}
