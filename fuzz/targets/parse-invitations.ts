import fc from "fast-check";
import { compile, evaluate, parseInvitations, safeParseInvitations, type Invitation } from "../../src/index.js";
import { eventInvitationsArb } from "../../test/property/arbitraries/events.js";
import { BASE_MS, invitationsArb, visitorArb } from "../../test/property/arbitraries/engine.js";
import { invitationsArb as lifecycleInvitationsArb } from "../../test/property/arbitraries/lifecycle.js";
import { adversarialCaseArb, paddedInvitationsArb } from "../arbitraries.js";
import { parseTarget } from "./parse-target.js";

const sampleVisitors = fc.sample(visitorArb, { seed: 7, numRuns: 4 });

/**
 * `parseInvitations` / `safeParseInvitations`, then `compile` on the raw input (only `ConfigError`) and on the parsed
 * data (never throws), and `evaluate` of the compiled set for a few ordinary visitors (never `evaluation_error`).
 *
 * @example
 * runTarget(parseInvitationsTarget, …)
 */
export const parseInvitationsTarget = parseTarget<Invitation[]>({
  name: "parseInvitations",
  weight: 12,
  arbitrary: fc.oneof(
    { weight: 5, arbitrary: invitationsArb },
    { weight: 2, arbitrary: eventInvitationsArb },
    { weight: 2, arbitrary: lifecycleInvitationsArb },
    { weight: 2, arbitrary: adversarialCaseArb.map((c) => c.invitations) },
    { weight: 1, arbitrary: paddedInvitationsArb },
    { weight: 1, arbitrary: fc.anything() },
  ),
  limits: { maxString: 65_536, maxArray: 1024, maxDepth: 10_000 },
  safeParse: safeParseInvitations,
  parse: parseInvitations,
  afterSuccess(data, probe, rng) {
    const compiled = probe.run("compile (parsed data)", "total", () => compile(data));
    if (!compiled.ok) return;
    const visitor = rng.pick(sampleVisitors);
    const decision = probe.run("evaluate (parsed set)", "total", () => evaluate(compiled.value, visitor, BASE_MS));
    if (decision.ok && decision.value.reason === "evaluation_error") probe.report("evaluation_error", "evaluate (parsed set)", "evaluation_error for a parsed set and a valid visitor");
  },
});
