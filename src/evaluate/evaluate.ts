import type { Ruleset } from "../compile/compile.js";
import { runPipeline } from "./run-pipeline.js";
import type { Clock, Decision, EvaluateOptions, Invitation, Visitor } from "../types.js";
import type { StoredParts } from "../visitor/view-visitor.js";

/**
 * Decides which invitation a visitor gets right now, renders its message, and says when to ask again
 * (docs/api.md: evaluate, Decision). Pure, synchronous and total: the clock is read once, nothing is mutated, and it never throws —
 * a problem with the input is a `"none"` decision with a reason such as `invalid_visitor`.
 *
 * Pass a `Ruleset` from `compile` on hot paths; a plain array of valid invitations is compiled on first use and
 * cached per array.
 *
 * @example
 * const decision = evaluate(
 *   [{ id: "help", message: "Need help choosing a plan?", urls: ["/pricing"], timeOnSite: 20 }],
 *   { id: "visitor-1", url: "https://example.com/pricing", timeOnSite: 35 },
 *   Date.now(),
 * );
 * decision.status  // => "selected"
 * decision.message // => "Need help choosing a plan?"
 */
export function evaluate(
  invitations: Ruleset | readonly Invitation[],
  visitor: Visitor,
  clock: Clock,
  options?: EvaluateOptions,
): Decision {
  return runPipeline(invitations, visitor, clock, options, null);
}

/**
 * `evaluate` for a visitor whose state and event log the caller keeps apart from the snapshot (the service keeps them
 * in its stored record): the same decision as `evaluate` on the snapshot with `stored.state` and `stored.events` put
 * in place of its own, without copying the snapshot to put them there.
 *
 * @example
 * evaluateStored(ruleset, { id: "v1", url: "/pricing" }, { state: record.state, events: record.events }, now, {})
 */
export function evaluateStored(ruleset: Ruleset, visitor: Visitor, stored: StoredParts, clock: Clock, options?: EvaluateOptions): Decision {
  return runPipeline(ruleset, visitor, clock, options, null, stored);
}
