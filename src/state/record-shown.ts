import type { InvitationState } from "../types.js";
import { checkReducerArguments } from "./check-reducer-arguments.js";
import { markConversion } from "./mark-conversion.js";

/**
 * Records that the widget actually displayed the current invitation: its conversion record moves from `sent` to
 * `shown` (docs/api.md: Conversions). Nothing else changes; without a current invitation on screen (none, closed, or expired by
 * `now`) the state comes back as it was.
 *
 * @example
 * recordShown(state, now).conversions.at(-1)?.status // => "shown"
 */
export function recordShown(state: InvitationState, now: number): InvitationState {
  checkReducerArguments(state, now);
  const current = state.current;
  if (current === undefined || current.closedAt !== undefined) return state;
  // An invitation that has expired is no longer on screen, whatever the widget says.
  if (current.expiresAt !== undefined && current.expiresAt <= now) return state;
  const conversions = markConversion(state.conversions, current, "shown");
  return conversions === state.conversions ? state : { ...state, conversions: [...conversions] };
}
