import { hashWithKey } from "../selection/hash-unit.js";
import { beatsOnHash } from "../selection/pick-lowest-hash.js";
import type { VisitorView } from "../visitor/view-visitor.js";
import { checkCandidate, type CheckEnv } from "./check-candidate.js";
import type { CompiledInvitation } from "./compile-invitation.js";
import type { CandidateCursor } from "./visitor-mask.js";

// Scratch for one tie at a time (evaluation is synchronous and never re-enters selection).
const members: (CompiledInvitation | undefined)[] = [];
const ties: number[] = [];
const order: number[] = [];

/** After this many members checked in hash order by repeated minimum search, the rest are sorted once. */
const SEARCHES_BEFORE_SORT = 8;

/**
 * Settles the tie of SPEC §6.2 once the scan has met `first`, the first eligible candidate in rank order: its group
 * is the candidates that follow it in `cursor` with the same position and time on site. The winner is the eligible
 * member with the smallest `(tie hash, id)`. Members are checked in that order, so exactly those that beat the
 * winner on hash are checked before it — the ones whose eligibility can change the outcome, and the only ones
 * `changeAt` must watch. Returns the winner and leaves in `env.changeAt` the earliest change among it (`firstChange`
 * if it is `first`) and those members.
 *
 * @example
 * const winner = resolveTie(first, env.changeAt, cursor, null, view, env, hashPrefix("tie", "", view.id));
 */
export function resolveTie(
  first: CompiledInvitation,
  firstChange: number,
  cursor: CandidateCursor,
  accepts: ((candidate: CompiledInvitation) => boolean) | null,
  visitor: VisitorView,
  env: CheckEnv,
  tiePrefix: number,
): CompiledInvitation {
  let count = 0;
  members[count] = first;
  ties[count++] = hashWithKey(tiePrefix, first.tieKey);
  for (let c = cursor.next(); c !== undefined; c = cursor.next()) {
    if (c.position !== first.position || c.timeOnSite !== first.timeOnSite) break;
    if (accepts !== null && !accepts(c)) continue;
    members[count] = c;
    ties[count++] = hashWithKey(tiePrefix, c.tieKey);
  }
  let changeAt = Number.POSITIVE_INFINITY;
  order.length = 0;
  for (let i = 0; i < count; i++) order.push(i);
  for (let k = 0; k < count; k++) {
    const at = k < SEARCHES_BEFORE_SORT ? searchSmallest(k) : sortedFrom(k);
    const c = members[at] as CompiledInvitation;
    if (c === first) return settle(first, Math.min(changeAt, firstChange), env, count);
    env.bound = Number.POSITIVE_INFINITY;
    if (checkCandidate(c, visitor, env, null)) return settle(c, Math.min(changeAt, env.changeAt), env, count);
    changeAt = Math.min(changeAt, env.changeAt);
  }
  // Unreachable: `first` is a member and eligible.
  return settle(first, Math.min(changeAt, firstChange), env, count);
}

/** Hands the outcome back and lets go of the members, so the scratch never keeps a discarded ruleset alive. */
function settle(winner: CompiledInvitation, changeAt: number, env: CheckEnv, count: number): CompiledInvitation {
  env.changeAt = changeAt;
  for (let i = 0; i < count; i++) members[i] = undefined;
  return winner;
}

/** Moves the smallest of `order[k…]` to position `k` and returns it. */
function searchSmallest(k: number): number {
  let best = k;
  for (let j = k + 1; j < order.length; j++) if (beats(order[j] as number, order[best] as number)) best = j;
  const chosen = order[best] as number;
  order[best] = order[k] as number;
  order[k] = chosen;
  return chosen;
}

/** Sorts `order[k…]` the first time it is asked for, then hands out position `k`. */
function sortedFrom(k: number): number {
  if (k === SEARCHES_BEFORE_SORT) {
    const rest = order.slice(k).sort((a, b) => (beats(a, b) ? -1 : beats(b, a) ? 1 : 0));
    for (let j = 0; j < rest.length; j++) order[k + j] = rest[j] as number;
  }
  return order[k] as number;
}

function beats(a: number, b: number): boolean {
  return beatsOnHash(ties[a] as number, (members[a] as CompiledInvitation).id, ties[b] as number, (members[b] as CompiledInvitation).id);
}
