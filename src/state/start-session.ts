import type { InvitationState } from "../types.js";

/**
 * Starts a new visitor session (SPEC §8): the session exclusions are cleared and an invitation still on screen is
 * withdrawn, as LHC does. A closed one stays, with its pause: suppression outlives sessions. Use
 * `isNewSession` to tell when a session starts.
 *
 * @example
 * if (isNewSession(lastActivityAt, now)) state = startSession(state);
 */
export function startSession(state: InvitationState): InvitationState {
  const { current, ...rest } = state;
  const keep = current !== undefined && current.closedAt !== undefined;
  return { ...rest, ...(keep ? { current } : {}), sessionExcluded: [] };
}
