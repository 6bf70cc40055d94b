import { compiledRuleset, type Ruleset } from "../compile/compile.js";
import type { Invitation, InvitationState } from "../types.js";
import { closeCurrent } from "./close-current.js";
import { markConversion } from "./mark-conversion.js";
import { settleExpiry } from "./settle-expiry.js";
import type { StateOptions } from "./state-options.js";

/**
 * Records that the visitor closed the current invitation (docs/api.md: The visitor's life): no new invitation until the invitation's
 * `cooldownSeconds` (else `suppressAfterCloseSeconds`) have passed, not again this session with
 * `hideForSessionAfterClose`, never again with `oncePerVisitor`; its conversion record moves to `closed`. An
 * invitation that had already expired stays expired (closing it changes nothing). Throws `ConfigError` when given an
 * invalid plain array of invitations.
 *
 * @example
 * const closed = recordClosed(state, ruleset, now, { suppressAfterCloseSeconds: 3600 });
 * closed.suppressedUntil // => now + 3_600_000 (unless the invitation sets cooldownSeconds)
 */
export function recordClosed(
  state: InvitationState,
  invitations: Ruleset | readonly Invitation[],
  now: number,
  options?: StateOptions,
): InvitationState {
  const ruleset = compiledRuleset(invitations);
  const settled = settleExpiry(state, ruleset, now, options);
  const current = settled.current;
  if (current === undefined || current.closedAt !== undefined) return settled;
  const closed = closeCurrent(settled, ruleset.byId.get(current.invitationId), now, "closed", options);
  return { ...closed, conversions: [...markConversion(closed.conversions, current, "closed")] };
}
