import type { Recorder } from "../explain/recorder.js";
import type { ReasonCode } from "../explain/reason-codes.js";
import { hashPrefix, hashWithKey } from "../selection/hash-unit.js";
import { beatsOnHash } from "../selection/pick-lowest-hash.js";
import type { VisitorView } from "../visitor/view-visitor.js";
import type { CandidateIndex } from "./candidate-index.js";
import { checkCandidate, timeOnSiteMetAt, type CheckEnv } from "./check-candidate.js";
import type { CompiledInvitation } from "./compile-invitation.js";
import { CandidateCursor, scanMask, type VisitorMask } from "./visitor-mask.js";

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
 * Without a recorder the scan runs in two passes. The first walks, in rank order, only candidates whose
 * time-on-site minimum the visitor has reached: no other can be eligible, so the winner is among them. The second
 * looks at the others only for `changeAt`, in the order their minimums will be met, and stops at the first met no
 * earlier than the earliest change found: none after it can move `changeAt`.
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
  let tiePrefix = -1; // hashPrefix("tie", seed, visitor.id) once a tie needs it

  const mask = recorder === null ? scanMask(list, visitor) : null;
  const cursor = new CandidateCursor(list.candidates, mask, true);
  for (let c = cursor.next(); c !== undefined; c = cursor.next()) {
    if (accepts !== null && !accepts(c)) continue;
    const inGroup = winner !== null && c.position === winner.position && c.timeOnSite === winner.timeOnSite;
    if (winner !== null && !inGroup && recorder === null) break;
    const tie = inGroup ? hashWithKey(tiePrefix, c.tieKey) : 0;
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
        if (tiePrefix === -1) tiePrefix = hashPrefix("tie", seed, visitor.id);
        winnerTie = hashWithKey(tiePrefix, c.tieKey);
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
  if (mask !== null) before = Math.min(before, waitingChange(list, mask, accepts, winner, visitor, env, before));
  if (winner === null) return { winner: null, reason: "no_eligible_invitation", changeAt: before };
  let changeAt = Math.min(before, winnerChange);
  const w = winner;
  for (const miss of misses ?? []) if (beatsOnHash(miss.tie, miss.id, winnerTie, w.id)) changeAt = Math.min(changeAt, miss.changeAt);
  if (recorder !== null) {
    for (const c of list.candidates) recorder.outcome(c.id, c === winner ? "selected" : "outranked");
  }
  return { winner, reason: "lowest_position", changeAt };
}

/**
 * The earliest change among candidates the visitor's time on site does not allow yet and that rank before the
 * winner's group (all of them when there is no winner), given the earliest change found so far (`bound`).
 */
function waitingChange(
  list: CandidateIndex,
  mask: VisitorMask,
  accepts: ((candidate: CompiledInvitation) => boolean) | null,
  winner: CompiledInvitation | null,
  visitor: VisitorView,
  env: CheckEnv,
  bound: number,
): number {
  if (winner === null) return soonestWaiting(list, mask, accepts, visitor, env, bound);
  // Only candidates of a lower position rank before the winner's group (a waiting one of the winner's position has a
  // higher time on site): they are the first `limit` of the list.
  let limit = 0;
  let high = list.candidates.length;
  while (limit < high) {
    const mid = (limit + high) >>> 1;
    if ((list.candidates[mid] as CompiledInvitation).position < winner.position) limit = mid + 1;
    else high = mid;
  }
  let changeAt = bound;
  for (let w = 0; w * 32 < limit; w++) {
    let bits = mask.waiting(w);
    if (w * 32 + 32 > limit) bits &= (2 ** (limit - w * 32) - 1) | 0;
    while (bits !== 0) {
      const lowest = bits & -bits;
      bits ^= lowest;
      const c = list.candidates[w * 32 + 31 - Math.clz32(lowest)] as CompiledInvitation;
      if (accepts !== null && !accepts(c)) continue;
      env.bound = changeAt;
      checkCandidate(c, visitor, env, null);
      if (env.changeAt < changeAt) changeAt = env.changeAt;
    }
  }
  return changeAt;
}

/**
 * With no winner, every waiting candidate counts: walks them in the order their minimums are met and stops at the
 * first met no earlier than the earliest change found, since none after it can be earlier.
 */
function soonestWaiting(
  list: CandidateIndex,
  mask: VisitorMask,
  accepts: ((candidate: CompiledInvitation) => boolean) | null,
  visitor: VisitorView,
  env: CheckEnv,
  bound: number,
): number {
  const { candidates, byOnSite } = list;
  let changeAt = bound;
  for (let j = firstWaiting(list, visitor.timeOnSite); j < byOnSite.length; j++) {
    const i = byOnSite[j] as number;
    const c = candidates[i] as CompiledInvitation;
    if (timeOnSiteMetAt(c, visitor, env.atMs) >= changeAt) break;
    if (!mask.has(i) || (accepts !== null && !accepts(c))) continue;
    env.bound = changeAt;
    checkCandidate(c, visitor, env, null);
    if (env.changeAt < changeAt) changeAt = env.changeAt;
  }
  return changeAt;
}
/** The position in `byOnSite` of the first candidate whose time-on-site minimum is above the visitor's. */
function firstWaiting(list: CandidateIndex, timeOnSite: number): number {
  const { candidates, byOnSite } = list;
  let low = 0;
  let high = byOnSite.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((candidates[byOnSite[mid] as number] as CompiledInvitation).timeOnSite <= timeOnSite) low = mid + 1;
    else high = mid;
  }
  return low;
}
