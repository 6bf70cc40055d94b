// jsonValueSchema reports what keeps a design from being JSON. Its walk copies a path only for a problem; the oracle
// is the walk it replaced (oracles/json-problems.ts), which copied one per value: the same problems, paths and order.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { jsonValueSchema } from "../../src/config/json-value-schema.js";
import { findJsonProblemsOracle } from "./oracles/json-problems.js";

/** Values that are not JSON, next to JSON ones. */
const leafArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(null, true, "x", 1, -0, Number.NaN, Number.POSITIVE_INFINITY, undefined, 10n, () => 1, new Date(0), new Map()),
  fc.double(),
  fc.string({ maxLength: 3 }),
);

const valueArb: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    leafArb,
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom("a", "b", "__proto__", "1", "z"), tie("value"), { maxKeys: 4 }),
  ),
})).value;

/** Nests a value `depth` levels down, past the depth bound when deep enough. */
function nested(value: unknown, depth: number): unknown {
  let out = value;
  for (let i = 0; i < depth; i++) out = i % 2 === 0 ? [out] : { k: out };
  return out;
}

function issuesOf(value: unknown): { code: string; path: readonly PropertyKey[]; message: string }[] {
  const result = jsonValueSchema.safeParse(value);
  return result.success ? [] : result.error.issues.map((issue) => ({ code: (issue as { params?: { code: string } }).params?.code ?? issue.code, path: issue.path, message: issue.message }));
}

describe("jsonValueSchema's problems (oracle: the walk that copied a path per value)", () => {
  it("are the oracle's, path for path, in the same order", () => {
    fc.assert(
      fc.property(valueArb, fc.constantFrom(0, 1, 63, 64, 70), fc.boolean(), (value, depth, cyclic) => {
        const root = nested(value, depth);
        if (cyclic && typeof root === "object" && root !== null) (root as Record<string, unknown>)["self"] = root;
        expect(issuesOf(root)).toEqual(findJsonProblemsOracle(root));
      }),
      { numRuns: 300 },
    );
  });
});
