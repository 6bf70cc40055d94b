import { pickLowestHash } from "./pick-lowest-hash.js";

/**
 * Breaks the last tie of docs/semantics.md: Selection: among invitations tied on `(position, timeOnSite)`, the one with the smallest
 * `hashUnit("tie", seed, visitorId, id)` wins (equal hashes: the smaller id). The same visitor always gets the same
 * winner whatever the order of `invitationIds`, and different visitors spread evenly over the tied ids.
 *
 * Returns the index of the winner in `invitationIds`, or `-1` when the list is empty.
 *
 * @example
 * const ids = ["spring-sale", "newsletter"];
 * const winner = ids[pickTied(ids, "", "visitor-1")]; // => the same id for "visitor-1" on every call
 */
export function pickTied(invitationIds: readonly string[], seed: string, visitorId: string): number {
  return pickLowestHash("tie", invitationIds, seed, visitorId);
}
