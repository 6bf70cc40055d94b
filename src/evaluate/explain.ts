import { compiledRuleset, type Ruleset } from "../compile/compile.js";
import { Recorder, type CandidateExplanation } from "./recorder.js";
import { runPipeline } from "./run-pipeline.js";
import type { Clock, Decision, EvaluateOptions, Invitation, Visitor } from "../types.js";

/** What `explain` returns: the decision, and every invitation with the reasons it did or did not win. */
export interface Explanation {
  decision: Decision;
  /** Every invitation in rank order (position, then time on site, then id). */
  candidates: CandidateExplanation[];
}

/**
 * Evaluates exactly like `evaluate` — the same pipeline, with recording switched on — and also tells, for every
 * invitation, whether it was eligible and why: each condition that failed (`url`, `schedule`, …), or what became
 * of it (`selected`, `outranked`, `armed`, `injected`). `explain(x).decision` deep-equals `evaluate(x)`.
 *
 * @example
 * const { candidates } = explain(invitations, visitor, Date.now());
 * // => [{ invitationId: "pricing-help", eligible: false, reasons: ["url", "time_on_site"] }, …]
 */
export function explain(
  invitations: Ruleset | readonly Invitation[],
  visitor: Visitor,
  clock: Clock,
  options?: EvaluateOptions,
): Explanation {
  const recorder = new Recorder();
  const decision = runPipeline(invitations, visitor, clock, options, recorder);
  return { decision, candidates: recorder.list(rankedIds(invitations)) };
}

function rankedIds(invitations: Ruleset | readonly Invitation[]): string[] {
  try {
    return compiledRuleset(invitations).all.map((invitation) => invitation.id);
  } catch {
    return [];
  }
}
