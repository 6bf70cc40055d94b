import type { InvitationState } from "../types.js";
import { VISITOR_LIMITS } from "./visitor-limits.js";
import { parseWithSchema } from "./parse-with-schema.js";
import type { SafeParseResult } from "./safe-parse-result.js";
import { stateSchema } from "./state-schema.js";

/**
 * Validates a stored `InvitationState` (docs/api.md: The visitor's life) without throwing. Only version 1 is read; another `v` is an
 * `invalid_value` issue naming the supported versions.
 *
 * @example
 * safeParseState({ v: 1, sessionExcluded: [], seenOnce: [], conversions: [] }).success // => true
 * safeParseState({ v: 2, sessionExcluded: [], seenOnce: [], conversions: [] }).error.issues[0]
 * // => { code: "invalid_value", path: ["v"], message: "unsupported state version 2: …" }
 */
export function safeParseState(input: unknown): SafeParseResult<InvitationState> {
  return parseWithSchema(stateSchema, input, "state", undefined, VISITOR_LIMITS);
}
