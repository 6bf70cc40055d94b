// compile shares an attribute predicate between conditions whose operator and value are equal (SharedPieces): these
// laws hold a shared predicate to the answers of one compiled on its own.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { AttributePredicate } from "../../src/conditions/attribute-operators.js";
import { compileAttributeCondition } from "../../src/conditions/compile-attribute-condition.js";
import type { AttributeCondition } from "../../src/types.js";
import { attributeConditionArb, scalarArb } from "./arbitraries/conditions.js";

// Values JSON writes alike or nearly alike, to meet every way two predicates could be mistaken for one.
const nearlyEqual = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 0, -0, 1, "1", "NaN", "Infinity"];
const nearlyEqualArb = fc
  .record({ op: fc.constantFrom("eq", "lt", "gte", "in"), value: fc.constantFrom(...nearlyEqual) })
  .map(({ op, value }) => ({ key: "k", op, value: op === "in" ? [value] : value }) as AttributeCondition);

describe("shared attribute predicates (properties)", () => {
  it("a predicate shared between conditions of equal operator and value answers as one compiled on its own", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(attributeConditionArb, nearlyEqualArb), { minLength: 1, maxLength: 6 }),
        fc.array(fc.oneof(scalarArb, fc.constantFrom(...nearlyEqual)), { minLength: 1, maxLength: 6 }),
        fc.double(),
        (conditions, values, nowMs) => {
          const predicates = new Map<string, AttributePredicate>();
          // Each condition twice, the second time under another key, so most predicates are met again.
          const all = [...conditions, ...conditions.map((condition) => ({ ...condition, key: `${condition.key}-2` }))];
          const shared = all.map((condition) => compileAttributeCondition(condition, predicates));
          all.forEach((condition, i) => {
            const own = compileAttributeCondition(condition);
            for (const value of values) expect(shared[i]?.holds(value, nowMs)).toBe(own.holds(value, nowMs));
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it("conditions of equal operator and value share one predicate", () => {
    const predicates = new Map<string, AttributePredicate>();
    const a = compileAttributeCondition({ key: "a", op: "eq", value: "yes" }, predicates);
    const b = compileAttributeCondition({ key: "b", op: "eq", value: "yes" }, predicates);
    const c = compileAttributeCondition({ key: "c", op: "eq", value: "no" }, predicates);
    expect(b.holds).toBe(a.holds);
    expect(c.holds).not.toBe(a.holds);
    expect(b.key).toBe("b");
  });
});
