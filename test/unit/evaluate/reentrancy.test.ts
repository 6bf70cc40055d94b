import { describe, expect, it } from "vitest";
import { compile, evaluate, type Invitation, type Visitor } from "../../../src/index.js";

const now = Date.UTC(2026, 2, 23, 12);

// 200 invitations: past the size from which evaluation scans through the candidate index.
const invitations: Invitation[] = Array.from({ length: 200 }, (_, i) => ({
  id: `inv-${i}`,
  message: `Hello ${i}`,
  position: 200 - i,
  language: i % 2 === 0 ? "en" : "lt",
  attributes: [{ key: "plan", op: "eq", value: i % 3 === 0 ? "pro" : "free" }],
}));
const ruleset = compile(invitations);

/** A visitor whose `plan` is read through a getter that first runs another evaluation on the same ruleset. */
function reentrant(inner: Visitor): Visitor {
  const attributes = {};
  Object.defineProperty(attributes, "plan", {
    enumerable: true,
    get() {
      evaluate(ruleset, inner, now);
      return "pro";
    },
  });
  return { id: "outer", language: "en", attributes };
}

describe("evaluate from inside another evaluation", () => {
  it("gives the decision the same visitor gets without the inner evaluation", () => {
    const plain = evaluate(ruleset, { id: "outer", language: "en", attributes: { plan: "pro" } }, now);
    expect(plain.status).toBe("selected");
    for (const inner of [{ id: "inner", language: "lt", attributes: { plan: "free" } }, { id: "inner", language: "xx" }]) {
      expect(evaluate(ruleset, reentrant(inner), now)).toEqual(plain);
    }
  });
});
