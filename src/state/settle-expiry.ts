import type { CompiledRuleset } from "../compile/compile.js";
import type { InvitationState } from "../types.js";
import { checkReducerArguments } from "./check-reducer-arguments.js";
import { closeCurrent } from "./close-current.js";
import type { StateOptions } from "./state-options.js";

/**
 * Applies an expiry that happened since the state was last touched (docs/api.md: The visitor's life: expiry is lazy): a current
 * invitation whose `expiresAt` has passed counts as closed at `expiresAt`, so its cooldown runs from then.
 *
 * @example
 * settleExpiry(state, ruleset, state.current.expiresAt + 1, {}).current?.closedAt // => state.current.expiresAt
 */
export function settleExpiry(
  state: InvitationState,
  ruleset: CompiledRuleset,
  nowMs: number,
  options: StateOptions | undefined,
): InvitationState {
  checkReducerArguments(state, nowMs);
  return settleCheckedExpiry(state, ruleset, nowMs, options);
}

/**
 * {@link settleExpiry} without checking its arguments first: for a state `evaluate` builds from the visitor's view,
 * whose fields were read and checked with the snapshot.
 *
 * @example
 * settleCheckedExpiry(state, ruleset, state.current.expiresAt + 1, {}).current?.closedAt // => state.current.expiresAt
 */
export function settleCheckedExpiry(
  state: InvitationState,
  ruleset: CompiledRuleset,
  nowMs: number,
  options: StateOptions | undefined,
): InvitationState {
  const current = state.current;
  const expiresAt = current?.expiresAt;
  if (current === undefined || current.closedAt !== undefined || expiresAt === undefined || expiresAt > nowMs) {
    return state;
  }
  return closeCurrent(state, ruleset.byId.get(current.invitationId), expiresAt, "expired", options);
}
