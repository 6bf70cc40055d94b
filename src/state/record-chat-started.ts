import { compiledRuleset, type Ruleset } from "../compile/compile.js";
import type { Invitation, InvitationState } from "../types.js";
import { withId } from "./close-current.js";
import { markConversion } from "./mark-conversion.js";
import { settleExpiry } from "./settle-expiry.js";
import { chatPauseMs, type StateOptions } from "./state-options.js";

/**
 * Records that the visitor started a chat (docs/api.md: The visitor's life): no invitation for `suppressAfterChatSeconds`, kept in the
 * state itself so the pause holds even when a later snapshot lacks `chat.lastStartedAt`. The current invitation is
 * consumed and leaves the state — an open one is never offered again with `oncePerVisitor` and its conversion
 * record moves to `chatStarted`. With no current invitation left, nothing (such as `nextOnUrlChange`) can end the
 * chat's pause early.
 *
 * @example
 * recordChatStarted(state, ruleset, now, {}) // => { …, current: undefined, suppressedUntil: now + 86_400_000 }
 */
export function recordChatStarted(
  state: InvitationState,
  invitations: Ruleset | readonly Invitation[],
  now: number,
  options?: StateOptions,
): InvitationState {
  const ruleset = compiledRuleset(invitations);
  const settled = settleExpiry(state, ruleset, now, options);
  const pauseEnd = now + chatPauseMs(options);
  const { current, ...rest } = settled;
  const paused = { ...rest, suppressedUntil: Math.max(settled.suppressedUntil ?? pauseEnd, pauseEnd) };
  if (current === undefined || current.closedAt !== undefined) return paused;
  const once = ruleset.byId.get(current.invitationId)?.oncePerVisitor ?? false;
  return {
    ...paused,
    seenOnce: once ? withId(paused.seenOnce, current.invitationId) : paused.seenOnce,
    conversions: [...markConversion(paused.conversions, current, "chatStarted")],
  };
}
