import type { CandidateIndex } from "../compile/candidate-index.js";
import type { CompiledInvitation } from "../compile/compile-invitation.js";
import type { ReasonCode } from "../reason-codes.js";
import type { VisitorView } from "../visitor/view-visitor.js";
import { checkCandidate, type CheckEnv } from "./check-candidate.js";
import type { Recorder } from "./recorder.js";

/**
 * explain's recording pass over a list, run once the decision is made: checks every candidate `accepts` lets through
 * with every failing condition recorded, and adds `outcome(candidate)` to the eligible ones. It selects nothing — the
 * winner, armed and inject lists come from evaluate's own selection — so explain cannot pick differently.
 *
 * @example
 * recordChecks(ruleset.standard, null, view, env, recorder, (c) => (c === winner ? "selected" : "outranked"));
 */
export function recordChecks(
  list: CandidateIndex,
  accepts: ((candidate: CompiledInvitation) => boolean) | null,
  visitor: VisitorView,
  env: CheckEnv,
  recorder: Recorder,
  outcome: (candidate: CompiledInvitation) => ReasonCode,
): void {
  for (const c of list.candidates) {
    if (accepts !== null && !accepts(c)) continue;
    const reasons: ReasonCode[] = [];
    const eligible = checkCandidate(c, visitor, env, Number.POSITIVE_INFINITY, reasons);
    recorder.checked(c.id, eligible, reasons);
    if (eligible) recorder.outcome(c.id, outcome(c));
  }
}
