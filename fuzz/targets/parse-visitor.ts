import fc from "fast-check";
import { evaluate, parseVisitor, safeParseVisitor, type Visitor } from "../../src/index.js";
import { BASE_MS } from "../../test/property/arbitraries/engine.js";
import { anyVisitorArb } from "../arbitraries.js";
import { demoSet } from "../demo-set.js";
import { parseTarget } from "./parse-target.js";

/**
 * `parseVisitor` / `safeParseVisitor`; a visitor that parses must be evaluated as valid (the caps are the same in
 * both), so `evaluate` on it never answers `invalid_visitor` or `evaluation_error`.
 *
 * @example
 * runTarget(parseVisitorTarget, …)
 */
export const parseVisitorTarget = parseTarget<Visitor>({
  name: "parseVisitor",
  weight: 12,
  arbitrary: fc.oneof({ weight: 8, arbitrary: anyVisitorArb }, { weight: 1, arbitrary: fc.anything() }),
  limits: { maxString: 1_000_000, maxArray: 16_384, maxDepth: 20_000 },
  safeParse: safeParseVisitor,
  parse: parseVisitor,
  afterSuccess(data, probe) {
    const decision = probe.run("evaluate (parsed visitor)", "total", () => evaluate(demoSet(), data, BASE_MS));
    if (!decision.ok) return;
    const reason = decision.value.reason;
    if (reason === "invalid_visitor" || reason === "evaluation_error") probe.report("inconsistent", "evaluate (parsed visitor)", `a visitor parseVisitor accepts is answered ${reason}`);
  },
});
