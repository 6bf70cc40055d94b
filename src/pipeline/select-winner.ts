import type { Recorder } from "../explain/recorder.js";
import type { ReasonCode } from "../explain/reason-codes.js";
import { pickTied } from "../selection/pick-tied.js";
import type { VisitorView } from "../visitor/view-visitor.js";
import { checkCandidate, type CheckEnv } from "./check-candidate.js";
import type { CompiledInvitation } from "./compile-invitation.js";

/** The winner of one candidate list, why it won, and when the outcome may change with only time passing. */
export interface Selection {
  winner: CompiledInvitation | null;
  reason: ReasonCode;
  changeAt: number;
}

/**
 * Picks the winner among candidates in rank order (SPEC §6.2): the first eligible one by position, then lower time
 * on site, then a deterministic hash pick among equals. An ineligible invitation never blocks a lower-ranked
 * eligible one. Only candidates up to the winner's position can change the outcome (or why it won), so `changeAt`
 * collects their next possible change; without a recorder the scan stops after the winner's position.
 *
 * @example
 * selectWinner(ruleset.standard, view, env, "", null) // => { winner: …, reason: "lowest_position", changeAt: Infinity }
 */
export function selectWinner(
  candidates: readonly CompiledInvitation[],
  visitor: VisitorView,
  env: CheckEnv,
  seed: string,
  recorder: Recorder | null,
): Selection {
  let first: CompiledInvitation | null = null;
  const tied: CompiledInvitation[] = [];
  let rivalAtPosition = false;
  let changeAt = Number.POSITIVE_INFINITY;
  for (const invitation of candidates) {
    const samePosition = first !== null && invitation.position === first.position;
    if (first !== null && !samePosition && recorder === null) break;
    const reasons: ReasonCode[] | null = recorder === null ? null : [];
    const verdict = checkCandidate(invitation, visitor, env, reasons);
    recorder?.checked(invitation.id, verdict.eligible, reasons ?? []);
    // Anything up to the winner's position can change the outcome or why it won (a rival arriving or leaving).
    if (first === null || samePosition) changeAt = Math.min(changeAt, verdict.changeAt);
    if (!verdict.eligible) continue;
    if (first === null || (samePosition && invitation.timeOnSite === first.timeOnSite)) {
      first ??= invitation;
      tied.push(invitation);
    } else if (samePosition) {
      rivalAtPosition = true;
    }
  }
  if (first === null) return { winner: null, reason: "no_eligible_invitation", changeAt };
  const winner = tied.length === 1 ? first : (tied[pickTied(tied.map((t) => t.id), seed, visitor.id)] as CompiledInvitation);
  const reason: ReasonCode = tied.length > 1 ? "tie_hash" : rivalAtPosition ? "tie_time_on_site" : "lowest_position";
  if (recorder !== null) {
    for (const c of candidates) recorder.outcome(c.id, c === winner ? "selected" : "outranked");
  }
  return { winner, reason, changeAt };
}
