import { compiledRuleset, type Ruleset } from "../compile/compile.js";
import type { Invitation, InvitationState } from "../types.js";
import { settleExpiry } from "./settle-expiry.js";
import type { StateOptions } from "./state-options.js";

/**
 * Starts a new visitor session (docs/api.md: The visitor's life): the session exclusions are cleared, and an invitation still on screen
 * from the last session is withdrawn, as LHC does, so a visitor who ignored it is not stuck with it. A closed one
 * stays with its pause: suppression outlives sessions. Use `isNewSession` to tell when a session starts.
 *
 * Pass the invitations, the instant and the options too: an expiry that happened in the last session but was never
 * recorded is then recorded first — its pause carries over, its session exclusion ends with that session. Without
 * them, an invitation with an expiry is kept (and settled later) so its pause is not lost.
 *
 * @example
 * if (isNewSession(lastActivityAt, now)) state = startSession(state, ruleset, now, options);
 */
export function startSession(
  state: InvitationState,
  invitations?: Ruleset | readonly Invitation[],
  now?: number,
  options?: StateOptions,
): InvitationState {
  const informed = invitations !== undefined && now !== undefined;
  const settled = informed ? settleExpiry(state, compiledRuleset(invitations), now, options) : state;
  const { current, ...rest } = settled;
  const open = current !== undefined && current.closedAt === undefined;
  const withdraw = open && (informed || current.expiresAt === undefined);
  return { ...rest, ...(current === undefined || withdraw ? {} : { current }), sessionExcluded: [] };
}
