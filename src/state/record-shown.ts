import type { InvitationState } from "../types.js";
import { markConversion } from "./mark-conversion.js";

/**
 * Records that the widget actually displayed the current invitation: its conversion record moves from `sent` to
 * `shown` (SPEC §8.4). Nothing else changes; without a current invitation the state comes back as it was.
 *
 * @example
 * recordShown(state, now).conversions.at(-1)?.status // => "shown"
 */
export function recordShown(state: InvitationState, now: number): InvitationState {
  void now; // Kept for the common reducer shape (state, …, now); showing does not depend on the instant.
  const current = state.current;
  if (current === undefined || current.closedAt !== undefined) return state;
  const conversions = markConversion(state.conversions, current.invitationId, "shown");
  return conversions === state.conversions ? state : { ...state, conversions: [...conversions] };
}
