import type { VisitorView } from "../visitor/view-visitor.js";
import type { CandidateIndex } from "../compile/candidate-index.js";
import { checkCandidate, type CheckEnv } from "./check-candidate.js";
import { laterChange, slotPlace } from "./closed-slots.js";
import type { CompiledInvitation } from "../compile/compile-invitation.js";
import { resolveTie } from "./resolve-tie.js";
import { CandidateCursor, releaseMask, scanMask } from "./visitor-mask.js";

/** The winner of one candidate list, why it won, and when the outcome may change with only time passing. */
export type Selection =
  | { winner: CompiledInvitation; reason: "lowest_position"; changeAt: number }
  | { winner: null; reason: "no_eligible_invitation"; changeAt: number };

/**
 * Picks the winner among candidates in rank order (docs/semantics.md: Selection): the eligible one with the lowest position, then the
 * lowest time on site, then the smallest tie hash of the visitor. An ineligible invitation never blocks a
 * lower-ranked eligible one.
 *
 * `changeAt` is when the outcome can change while only time passes, and only three kinds of candidates can change
 * it: every candidate ranked before the winner's (position, time on site) group, the candidates of that group whose
 * tie hash is smaller than the winner's, and the winner itself. So once a candidate is eligible, its group is settled
 * in hash order ({@link resolveTie}: only members with a smaller hash are checked) and nothing after the group is
 * looked at. Only candidates the index leaves are visited (every candidate for short lists). This is the one
 * selection of both `evaluate` and `explain` (explain records reasons in a pass of its own afterwards); the naive
 * full walk it must agree with lives in `test/property/oracles/`. `accepts` narrows the list (a fired trigger).
 *
 * With the index the scan runs in two passes. The first walks, in rank order, only candidates whose time-on-site
 * minimum the visitor has reached and, when the list's weekly schedules allow (see `slotPlace`), that are not closed
 * throughout the hour of now: no other can be eligible, so the winner is among them. The second
 * ({@link laterChange}) looks at the others only for `changeAt`.
 *
 * @example
 * selectWinner(ruleset.standard, null, view, env, "") // => { winner: …, reason: "lowest_position", changeAt: Infinity }
 */
export function selectWinner(
  list: CandidateIndex,
  accepts: ((candidate: CompiledInvitation) => boolean) | null,
  visitor: VisitorView,
  env: CheckEnv,
  seed: string,
): Selection {
  const mask = scanMask(list, visitor);
  env.keysFit = mask !== null;
  const place = mask === null ? null : slotPlace(list, env);
  const cursor = new CandidateCursor(list.candidates, mask, true, place);
  let before = Number.POSITIVE_INFINITY; // changes of candidates ranked before the winner's group
  let first: CompiledInvitation | undefined;
  let firstChange = Number.POSITIVE_INFINITY;
  for (let c = cursor.next(); c !== undefined; c = cursor.next()) {
    if (accepts !== null && !accepts(c)) continue;
    // `=== true`: the result of a call the engine does not inline is of no known type (see check-candidate.ts).
    if (checkCandidate(c, visitor, env, before, null) === true) {
      first = c;
      firstChange = env.changeAt;
      break;
    }
    if (env.changeAt < before) before = env.changeAt;
  }
  // Candidates skipped count for changeAt when they rank before `first` (all of them without one).
  const end = first === undefined ? list.candidates.length : cursor.keepClosed();
  const tie = first === undefined ? null : resolveTie(first, firstChange, cursor, accepts, visitor, env, seed);
  const winner = tie === null ? null : tie.winner;
  const winnerChange = tie === null ? Number.POSITIVE_INFINITY : tie.changeAt;
  if (mask !== null) before = laterChange(list, mask, place, end, accepts, visitor, env, Math.min(before, winnerChange));
  releaseMask(list, mask);
  if (winner === null) return { winner: null, reason: "no_eligible_invitation", changeAt: before };
  return { winner, reason: "lowest_position", changeAt: Math.min(before, winnerChange) };
}
