import type { VisitorView } from "../visitor/view-visitor.js";
import type { CandidateIndex } from "../compile/candidate-index.js";
import { checkCandidate, timeOnSiteMetAt, type CheckEnv } from "./check-candidate.js";
import type { CompiledInvitation } from "../compile/compile-invitation.js";
import type { VisitorMask } from "./visitor-mask.js";

/**
 * The earliest change among candidates the visitor's time on site does not allow yet and that rank before the
 * winner's group (all of them when there is no winner), given the earliest change found so far (`bound`): the second
 * pass of `selectWinner`.
 *
 * @example
 * waitingChange(list, mask, null, null, view, env, Infinity) // => when the soonest waiting candidate could hold
 */
export function waitingChange(
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
      checkCandidate(c, visitor, env, changeAt, null);
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
    checkCandidate(c, visitor, env, changeAt, null);
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
