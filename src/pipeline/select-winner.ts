import type { Recorder } from "../explain/recorder.js";
import type { ReasonCode } from "../explain/reason-codes.js";
import { hashFor } from "../selection/hash-unit.js";
import { beatsOnHash } from "../selection/pick-lowest-hash.js";
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

/** A candidate of the winner's (position, time on site) group that was checked and is not eligible. */
interface TiedMiss {
  tie: number;
  id: string;
  changeAt: number;
}

/**
 * Picks the winner among candidates in rank order (SPEC §6.2): the eligible one with the lowest position, then the
 * lowest time on site, then the smallest tie hash of the visitor. An ineligible invitation never blocks a
 * lower-ranked eligible one.
 *
 * `changeAt` is when the outcome can change while only time passes, and only three kinds of candidates can change
 * it: every candidate ranked before the winner's (position, time on site) group, the candidates of that group whose
 * tie hash is smaller than the winner's, and the winner itself. So once a candidate is eligible, the rest of its
 * group is checked only where the hash is smaller, and nothing after the group is looked at. Without a recorder
 * only candidates whose equality keys fit the visitor are visited; with one (explain) every candidate is checked,
 * and the same rule picks the same winner and the same `changeAt`. `accepts` narrows the list (a fired trigger).
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
  let winner: CompiledInvitation | null = null;
  let winnerTie = 0;
  let winnerChange = Number.POSITIVE_INFINITY;
  let before = Number.POSITIVE_INFINITY; // changes of candidates ranked before the winner's group
  let misses: TiedMiss[] | null = null;
  let tieOf: ((id: string) => number) | null = null;
  const cursor = new CandidateCursor(list.candidates, recorder === null ? matchingCandidates(list, visitor) : null);
  for (let c = cursor.next(); c !== undefined; c = cursor.next()) {
    if (accepts !== null && !accepts(c)) continue;
    const inGroup = winner !== null && c.position === winner.position && c.timeOnSite === winner.timeOnSite;
    if (winner !== null && !inGroup && recorder === null) break;
    if (inGroup) tieOf ??= hashFor("tie", seed, visitor.id);
    const tie = inGroup ? (tieOf as (id: string) => number)(c.id) : 0;
    const mayBeatWinner = inGroup && beatsOnHash(tie, c.id, winnerTie, (winner as CompiledInvitation).id);
    if (inGroup && !mayBeatWinner && recorder === null) continue;
    const reasons: ReasonCode[] | null = recorder === null ? null : [];
    env.bound = winner === null ? before : Number.POSITIVE_INFINITY;
    const eligible = checkCandidate(c, visitor, env, reasons);
    recorder?.checked(c.id, eligible, reasons ?? []);
    if (winner === null) {
      if (!eligible) before = Math.min(before, env.changeAt);
      else {
        winner = c;
        winnerTie = (tieOf ??= hashFor("tie", seed, visitor.id))(c.id);
        winnerChange = env.changeAt;
      }
    } else if (mayBeatWinner) {
      if (eligible) {
        winner = c;
        winnerTie = tie;
        winnerChange = env.changeAt;
      } else {
        (misses ??= []).push({ tie, id: c.id, changeAt: env.changeAt });
      }
    }
  }
  if (winner === null) return { winner: null, reason: "no_eligible_invitation", changeAt: before };
  let changeAt = Math.min(before, winnerChange);
  const w = winner;
  for (const miss of misses ?? []) if (beatsOnHash(miss.tie, miss.id, winnerTie, w.id)) changeAt = Math.min(changeAt, miss.changeAt);
  if (recorder !== null) {
    for (const c of list.candidates) recorder.outcome(c.id, c === winner ? "selected" : "outranked");
  }
  return { winner, reason: "lowest_position", changeAt };
}
