import { compiledRuleset, type Ruleset } from "../compile/compile.js";
import type { CurrentInvitation, Decision, Invitation, InvitationState } from "../types.js";
import { emptyState } from "./empty-state.js";
import { newConversionRecord } from "./new-conversion-record.js";
import { pruneConversions } from "./prune-conversions.js";
import { checkReducerArguments } from "./check-reducer-arguments.js";
import { settleExpiry } from "./settle-expiry.js";
import type { StateOptions } from "./state-options.js";

/**
 * Makes a decision's winner the visitor's current invitation (docs/api.md: The visitor's life): assigned now, on its first page view,
 * expiring `expiresAfterSeconds` later when set, with a conversion record when the invitation has a goal; records
 * that can no longer change an outcome are pruned into `conversionTallies` (see `pruneConversions`). Only a
 * `"selected"` decision changes anything; for `"current"` and `"none"` the state comes back as it was.
 *
 * Pass the invitations (and options) too: the invitation being replaced may have expired since the state was last
 * touched, and only its configuration says what its expiry leaves behind (`hideForSessionAfterClose`). Without
 * them that expiry is not recorded.
 *
 * @example
 * const decision = evaluate(ruleset, visitor, now, options);
 * const state = applyDecision(visitor.state, decision, now, ruleset, options);
 * state.current // => { invitationId: "pricing-help", variationId: "pricing-help", assignedAt: now, shownPageviews: 1 }
 */
export function applyDecision(
  state: InvitationState | undefined,
  decision: Decision,
  now: number,
  invitations?: Ruleset | readonly Invitation[],
  options?: StateOptions,
): InvitationState {
  const given = state ?? emptyState();
  const invitation = decision.invitation;
  if (decision.status !== "selected" || invitation === null) return given;
  // settleExpiry checks the arguments; without invitations they are checked here, before the state is copied.
  if (invitations === undefined) checkReducerArguments(given, now);
  const base = invitations === undefined ? given : settleExpiry(given, compiledRuleset(invitations), now, options);
  const variationId = decision.variationId ?? invitation.id;
  const expiresAfterSeconds = invitation.expiresAfterSeconds;
  const record = newConversionRecord(invitation, variationId, now);
  // The one reducer that adds a record prunes the ones that can no longer change: the state stays bounded however
  // many invitations a visitor is assigned, without the host calling anything.
  const current: CurrentInvitation = {
    invitationId: invitation.id,
    variationId,
    assignedAt: now,
    shownPageviews: 1,
    ...(expiresAfterSeconds === undefined ? {} : { expiresAt: now + expiresAfterSeconds * 1000 }),
  };
  // `current` defined before the copied fields, then given its value: on Node 20 a key added after a spread gives
  // each copy a hidden class of its own (≈ 1 µs), and a state with no invitation yet has no `current` to replace.
  const next = { current, ...base };
  next.current = current;
  if (record !== null) next.conversions = [...base.conversions, record];
  return pruneConversions(next);
}
