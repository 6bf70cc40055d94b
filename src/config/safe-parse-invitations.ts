import type { Invitation } from "../types.js";
import { checkInvitationSet } from "./check-invitation-set.js";
import { CONFIG_LIMITS } from "./config-limits.js";
import { invitationsSchema } from "./invitation-schema.js";
import { parseWithSchema } from "./parse-with-schema.js";
import { quickParseInvitations } from "./quick-parse-invitations.js";
import type { SafeParseResult } from "./safe-parse-result.js";
import { markValidated } from "./validated.js";

/**
 * Validates a list of invitations (docs/api.md: Invitation fields) without throwing: every problem, structural or semantic, is listed in
 * `error.issues`. The data is a fresh deep copy; no default is filled in. The returned array is remembered as
 * validated, so `compile` does not check it a second time.
 *
 * @example
 * safeParseInvitations([{ id: "help", message: "Need help?" }])
 * // => { success: true, data: [{ id: "help", message: "Need help?" }] }
 * safeParseInvitations([{ id: "help" }]).error.issues
 * // => [{ code: "required", path: [0, "message"], message: "missing, expected a string" }]
 */
export function safeParseInvitations(input: unknown): SafeParseResult<Invitation[]> {
  const result = parseWithSchema(invitationsSchema, input, "invitations", checkInvitationSet, CONFIG_LIMITS, quickParseInvitations);
  return result.success ? { success: true, data: markValidated(result.data) } : result;
}
