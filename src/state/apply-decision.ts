import type { Decision, InvitationState } from "../types.js";
import { emptyState } from "./empty-state.js";
import { newConversionRecord } from "./new-conversion-record.js";

/**
 * Makes a decision's winner the visitor's current invitation (SPEC §8): assigned now, on its first page view,
 * expiring `expiresAfterSeconds` later when set, with a conversion record when the invitation has a goal. Only a
 * `"selected"` decision changes anything; for `"current"` and `"none"` the state comes back as it was.
 *
 * @example
 * const decision = evaluate(ruleset, visitor, now);
 * const state = applyDecision(visitor.state, decision, now);
 * state.current // => { invitationId: "pricing-help", variationId: "pricing-help", assignedAt: now, shownPageviews: 1 }
 */
export function applyDecision(state: InvitationState | undefined, decision: Decision, now: number): InvitationState {
  const base = state ?? emptyState();
  const invitation = decision.invitation;
  if (decision.status !== "selected" || invitation === null) return base;
  const variationId = decision.variationId ?? invitation.id;
  const expiresAfterSeconds = invitation.expiresAfterSeconds;
  const record = newConversionRecord(invitation, variationId, now);
  return {
    ...base,
    current: {
      invitationId: invitation.id,
      variationId,
      assignedAt: now,
      shownPageviews: 1,
      ...(expiresAfterSeconds === undefined ? {} : { expiresAt: now + expiresAfterSeconds * 1000 }),
    },
    conversions: record === null ? base.conversions : [...base.conversions, record],
  };
}
