import { hashPrefix, hashWithKey } from "../hashing/hash-unit.js";
import { beatsOnHash } from "../hashing/pick-lowest-hash.js";
import type { VisitorView } from "../visitor/view-visitor.js";
import { checkCandidate, type CheckEnv } from "./check-candidate.js";
import type { CompiledInvitation } from "../compile/compile-invitation.js";
import type { CandidateCursor } from "./visitor-mask.js";

/** After this many members checked in hash order by repeated minimum search, the rest are sorted once. */
const SEARCHES_BEFORE_SORT = 8;

/** The winner of a tie, and the earliest change among it and the members that beat it on hash. */
export interface TieOutcome {
  winner: CompiledInvitation;
  changeAt: number;
}

/**
 * Settles the tie of docs/semantics.md: Selection once the scan has met `first`, the first eligible candidate in rank order: its group
 * is the candidates that follow it in `cursor` with the same position and time on site. The winner is the eligible
 * member with the smallest `(tie hash, id)`. Members are checked in that order, so exactly those that beat the
 * winner on hash are checked before it — the ones whose eligibility can change the outcome, and the only ones
 * `changeAt` must watch. Returns the winner and the earliest change among it (`firstChange` if it is `first`) and
 * those members. The visitor's tie hash (with `seed`) is worked out only when the group has a second member.
 *
 * @example
 * const { winner, changeAt } = resolveTie(first, firstChange, cursor, null, view, env, "");
 */
export function resolveTie(
  first: CompiledInvitation,
  firstChange: number,
  cursor: CandidateCursor,
  accepts: ((candidate: CompiledInvitation) => boolean) | null,
  visitor: VisitorView,
  env: CheckEnv,
  seed: string,
): TieOutcome {
  // Most groups have one member: nothing is allocated or hashed until a second one turns up.
  let members: CompiledInvitation[] | null = null;
  for (let c = cursor.next(); c !== undefined; c = cursor.next()) {
    if (c.position !== first.position || c.timeOnSite !== first.timeOnSite) break;
    if (accepts !== null && !accepts(c)) continue;
    if (members === null) members = [first, c];
    else members.push(c);
  }
  if (members === null) return { winner: first, changeAt: firstChange };
  // Arrays of this call, not module scratch: no state outlives or is shared between evaluations.
  const prefix = hashPrefix("tie", seed, visitor.id);
  const ties = members.map((c) => hashWithKey(prefix, c.tieKey));
  let changeAt = Number.POSITIVE_INFINITY;
  for (let k = 0; k < members.length; k++) {
    if (k < SEARCHES_BEFORE_SORT) moveSmallest(members, ties, k);
    else if (k === SEARCHES_BEFORE_SORT) sortFrom(members, ties, k);
    const c = members[k] as CompiledInvitation;
    if (c === first) return { winner: first, changeAt: Math.min(changeAt, firstChange) };
    const eligible = checkCandidate(c, visitor, env, Number.POSITIVE_INFINITY, null);
    if (eligible) return { winner: c, changeAt: Math.min(changeAt, env.changeAt) };
    changeAt = Math.min(changeAt, env.changeAt);
  }
  // Unreachable: `first` is a member and eligible.
  return { winner: first, changeAt: Math.min(changeAt, firstChange) };
}

/** Swaps the smallest `(tie, id)` of positions `k` onward into position `k` (one step of a selection sort). */
function moveSmallest(members: CompiledInvitation[], ties: number[], k: number): void {
  let best = k;
  let bestTie = ties[k] as number;
  for (let j = k + 1; j < members.length; j++) {
    const tie = ties[j] as number;
    if (tie < bestTie || (tie === bestTie && (members[j] as CompiledInvitation).id < (members[best] as CompiledInvitation).id)) {
      best = j;
      bestTie = tie;
    }
  }
  if (best === k) return;
  const member = members[best] as CompiledInvitation;
  members[best] = members[k] as CompiledInvitation;
  members[k] = member;
  ties[best] = ties[k] as number;
  ties[k] = bestTie;
}

/** Sorts positions `k` onward by `(tie, id)`: beyond a few checks, one sort is cheaper than more searches. */
function sortFrom(members: CompiledInvitation[], ties: number[], k: number): void {
  const rest = Array.from({ length: members.length - k }, (_, j) => ({ member: members[k + j] as CompiledInvitation, tie: ties[k + j] as number }));
  rest.sort((a, b) => (beatsOnHash(a.tie, a.member.id, b.tie, b.member.id) ? -1 : beatsOnHash(b.tie, b.member.id, a.tie, a.member.id) ? 1 : 0));
  rest.forEach(({ member, tie }, j) => {
    members[k + j] = member;
    ties[k + j] = tie;
  });
}
