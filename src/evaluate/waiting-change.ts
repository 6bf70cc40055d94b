import type { VisitorView } from "../visitor/view-visitor.js";
import type { CandidateIndex } from "../compile/candidate-index.js";
import type { CheckEnv } from "./check-candidate.js";
import type { CompiledInvitation } from "../compile/compile-invitation.js";
import type { VisitorMask } from "./visitor-mask.js";
import { checkWord } from "./closed-slots.js";

/**
 * The earliest change among candidates the visitor's time on site does not allow yet and that rank before the
 * winner's group (all of them when there is no winner), given the earliest change found so far (`bound`): the second
 * pass of `selectWinner`: those the scan met (see `VisitorMask.readyWord`), so not those it skipped as closed.
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
  // Only candidates of a lower position rank before the winner's group (a waiting one of the winner's position has a
  // higher time on site): they are the first `limit` of the list.
  let limit = winner === null ? list.candidates.length : 0;
  let high = list.candidates.length;
  while (limit < high) {
    const mid = (limit + high) >>> 1;
    if ((list.candidates[mid] as CompiledInvitation).position < (winner as CompiledInvitation).position) limit = mid + 1;
    else high = mid;
  }
  let changeAt = bound;
  for (let w = 0; w * 32 < limit; w++) {
    let bits = mask.waiting(w);
    if (w * 32 + 32 > limit) bits &= (2 ** (limit - w * 32) - 1) | 0;
    changeAt = checkWord(list, bits, w, accepts, visitor, env, changeAt);
  }
  return changeAt;
}
