import type { Invitation } from "../types.js";
import { safeParseInvitations } from "./safe-parse-invitations.js";

/**
 * Validates a list of invitations (docs/api.md: Invitation fields) and returns a fresh deep copy, or throws a `ConfigError` whose `issues`
 * list every problem at once, each with its path from the input root.
 *
 * @example
 * parseInvitations(JSON.parse(text)) // => Invitation[]
 * parseInvitations([{ id: "a", message: "Hi", timeOnSite: -3 }])
 * // throws ConfigError: Invalid invitations, 1 problem:
 * //   - [0].timeOnSite: expected a number ≥ 0, got -3 (negative_number)
 */
export function parseInvitations(input: unknown): Invitation[] {
  const result = safeParseInvitations(input);
  if (!result.success) throw result.error;
  return result.data;
}
