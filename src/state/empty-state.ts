import type { InvitationState } from "../types.js";

/**
 * The state of a visitor who has seen nothing yet (docs/api.md: The visitor's life, version 1).
 *
 * @example
 * emptyState() // => { v: 1, sessionExcluded: [], seenOnce: [], conversions: [] }
 */
export function emptyState(): InvitationState {
  return { v: 1, sessionExcluded: [], seenOnce: [], conversions: [] };
}
