import type { CompiledInvitation } from "../compile/compile-invitation.js";
import type { InvitationState } from "../types.js";
import { cooldownMs, type StateOptions } from "./state-options.js";

/** How the current invitation went away: the visitor closed it, it expired, or it hit its page-view limit. */
export type CloseCause = "closed" | "expired" | "limit";

/**
 * Marks the current invitation closed at `atMs` and applies what follows from that (docs/api.md: The visitor's life): the pause until
 * `atMs + cooldown` (never shortening a longer pause already running), the session exclusion for
 * `hideForSessionAfterClose`, and — only when the visitor closed it — `oncePerVisitor`.
 *
 * @example
 * closeCurrent(state, compiled, now, "closed", {}).current?.closedAt // => now
 */
export function closeCurrent(
  state: InvitationState,
  invitation: CompiledInvitation | undefined,
  atMs: number,
  cause: CloseCause,
  options: StateOptions | undefined,
): InvitationState {
  const current = state.current;
  if (current === undefined || current.closedAt !== undefined) return state;
  const pauseEnd = atMs + cooldownMs(invitation?.cooldownMs, options);
  const source = invitation?.source;
  return {
    ...state,
    current: { ...current, closedAt: atMs },
    suppressedUntil: Math.max(state.suppressedUntil ?? pauseEnd, pauseEnd),
    sessionExcluded: source?.hideForSessionAfterClose ? withId(state.sessionExcluded, current.invitationId) : state.sessionExcluded,
    seenOnce: cause === "closed" && source?.oncePerVisitor ? withId(state.seenOnce, current.invitationId) : state.seenOnce,
  };
}

/** `ids` with `id` added once. */
export function withId(ids: readonly string[], id: string): string[] {
  return ids.includes(id) ? [...ids] : [...ids, id];
}
