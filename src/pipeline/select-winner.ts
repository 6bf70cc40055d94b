import type { Recorder } from "../explain/recorder.js";
import type { ReasonCode } from "../explain/reason-codes.js";
import { pickTied } from "../selection/pick-tied.js";
import type { VisitorView } from "../visitor/view-visitor.js";
import { CandidateCursor, matchingCandidates, type CandidateIndex } from "./candidate-index.js";
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
 * collects their next possible change. Without a recorder only candidates whose equality keys fit the visitor are
 * visited (the others fail a condition time cannot change) and the scan stops after the winner's position; with
 * one (explain) every candidate of the list is checked. `accepts` narrows the list further (a fired trigger).
 *
 * @example
 * selectWinner(ruleset.standard, null, view, env, "", null) // => { winner: …, reason: "lowest_position", changeAt: Infinity }
 */
export function selectWinner(
  list: CandidateIndex,
  accepts: ((candidate: CompiledInvitation) => boolean) | null,
  visitor: VisitorView,
  env: CheckEnv,
  seed: string,
  recorder: Recorder | null,
): Selection {
  let first: CompiledInvitation | null = null;
  const tied: CompiledInvitation[] = [];
  let rivalAtPosition = false;
  let changeAt = Number.POSITIVE_INFINITY;
  const cursor = new CandidateCursor(list.candidates, recorder === null ? matchingCandidates(list, visitor) : null);
  for (let invitation = cursor.next(); invitation !== undefined; invitation = cursor.next()) {
    if (accepts !== null && !accepts(invitation)) continue;
    const samePosition = first !== null && invitation.position === first.position;
    if (first !== null && !samePosition && recorder === null) break;
    const reasons: ReasonCode[] | null = recorder === null ? null : [];
    const eligible = checkCandidate(invitation, visitor, env, reasons);
    recorder?.checked(invitation.id, eligible, reasons ?? []);
    // Anything up to the winner's position can change the outcome or why it won (a rival arriving or leaving).
    if (first === null || samePosition) changeAt = Math.min(changeAt, env.changeAt);
    if (!eligible) continue;
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
    for (const c of list.candidates) recorder.outcome(c.id, c === winner ? "selected" : "outranked");
  }
  return { winner, reason, changeAt };
}
