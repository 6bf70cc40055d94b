import type { InvitationState } from "../types.js";
import { safeParseState } from "./safe-parse-state.js";

/**
 * Validates a stored `InvitationState` (docs/api.md: The visitor's life) and returns a fresh deep copy, or throws a `ConfigError` listing
 * every problem.
 *
 * @example
 * parseState(JSON.parse(stored)) // => InvitationState
 * parseState({ v: 2 }) // throws ConfigError: Invalid state, 4 problems: …
 */
export function parseState(input: unknown): InvitationState {
  const result = safeParseState(input);
  if (!result.success) throw result.error;
  return result.data;
}
