import fc from "fast-check";
import { evaluate, parseState, recordClosed, recordShown, safeParseState, startSession, type InvitationState } from "../../src/index.js";
import { invitationStateArb } from "../../test/property/arbitraries/conversions.js";
import { BASE_MS } from "../../test/property/arbitraries/engine.js";
import { stateWithCurrentArb } from "../arbitraries.js";
import { demoSet } from "../demo-set.js";
import type { Probe } from "../probe.js";
import { parseTarget } from "./parse-target.js";

/** A reducer's output must be a state `parseState` accepts, or the host could not store it and read it back. */
function checkStillValid(call: string, state: InvitationState, probe: Probe): void {
  const parsed = safeParseState(state);
  if (!parsed.success) probe.report("invalid_output", call, `returned a state parseState refuses: ${parsed.error.message.slice(0, 300)}`);
}

/**
 * `parseState` / `safeParseState`; a parsed state goes through `recordShown`, `recordClosed`, `startSession` and
 * `evaluate` without a throw, and each reducer's output parses again.
 *
 * @example
 * runTarget(parseStateTarget, …)
 */
export const parseStateTarget = parseTarget<InvitationState>({
  name: "parseState",
  weight: 8,
  arbitrary: fc.oneof({ weight: 4, arbitrary: stateWithCurrentArb }, { weight: 2, arbitrary: invitationStateArb }, { weight: 1, arbitrary: fc.anything() }),
  limits: { maxString: 65_536, maxArray: 16_384, maxDepth: 20_000 },
  safeParse: safeParseState,
  parse: parseState,
  afterSuccess(state, probe, rng) {
    const now = BASE_MS + rng.int(-3600, 3600) * 1000;
    const calls: [string, () => InvitationState][] = [
      ["recordShown", () => recordShown(state, now)],
      ["recordClosed", () => recordClosed(state, demoSet(), now)],
      ["startSession", () => startSession(state, demoSet(), now)],
    ];
    for (const [call, fn] of calls) {
      const out = probe.run(`${call} (parsed state)`, "total", fn);
      if (out.ok) checkStillValid(`${call} (parsed state)`, out.value, probe);
    }
    const decision = probe.run("evaluate (parsed state)", "total", () => evaluate(demoSet(), { id: "v", state }, now));
    if (decision.ok && (decision.value.reason === "invalid_visitor" || decision.value.reason === "evaluation_error")) {
      probe.report("inconsistent", "evaluate (parsed state)", `a state parseState accepts is answered ${decision.value.reason}`);
    }
  },
});
