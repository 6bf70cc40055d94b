import { safeParseInvitations } from "../config/safe-parse-invitations.js";
import type { ConditionField } from "../fields.js";
import type { Invitation } from "../types.js";
import type { MappedRow } from "./map-invitation.js";
import type { ListsEvery } from "../lib/lists-every.js";

/**
 * Fields that narrow who sees an invitation — every condition, and the trigger: one beckon refuses is dropped and
 * the invitation disabled, since without it the invitation would reach visitors LHC never showed it to. Checked
 * against the field table's conditions, so a new condition fails to compile until it is listed.
 */
const NARROWING_FIELDS = [
  "timeOnSite", "pageviews", "language", "identifier", "tag", "departments", "referrer", "devices", "urls", "schedule",
  "attributes", "events", "trigger", "requireOperatorIds", "minSecondsSinceLastVisit", "minSecondsSinceLastChat",
] as const satisfies readonly (ConditionField | "trigger")[];
true satisfies ListsEvery<ConditionField, (typeof NARROWING_FIELDS)[number]>;
const NARROWING = new Set<string>(NARROWING_FIELDS);

/**
 * Checks one imported invitation with `safeParseInvitations`. Whatever beckon refuses is reported with the issue's
 * message: a refused condition (or list item of one) is dropped and the invitation disabled, since dropping it alone
 * would show the invitation to more visitors than LHC does; another refused field is dropped. Answers the checked
 * invitation, or `null` (reported) when it still does not pass, say for a message beckon cannot read.
 *
 * @example
 * validateImported(row) // message "Hi {lhc.var.}" → null, with a "refused" finding on the message column
 */
export function validateImported(row: MappedRow): Invitation | null {
  for (let attempt = 0; attempt < 3; attempt++) {
    const result = safeParseInvitations([row.invitation]);
    if (result.success) return result.data[0] as Invitation;
    const invitation = row.invitation as unknown as Record<string, unknown>;
    for (const issue of result.error.issues) {
      const [, field, index] = issue.path;
      const where = issue.path.slice(1).join(".");
      if (typeof field !== "string" || field === "id" || field === "message") {
        row.reader.lossy("refused", where === "" ? null : where, `beckon refuses it (${issue.message}): the invitation is not imported`);
        return null;
      }
      if (NARROWING.has(field)) {
        const list = invitation[field];
        if (Array.isArray(list) && typeof index === "number" && list.length > 1) list.splice(index, 1, undefined);
        else delete invitation[field];
        invitation.enabled = false;
        row.reader.lossy("refused", where, `beckon refuses it (${issue.message}): left out, and the invitation imported disabled`);
      } else {
        delete invitation[field];
        row.reader.lossy("refused", where, `beckon refuses it (${issue.message}): left out`);
      }
    }
    for (const [key, value] of Object.entries(invitation)) {
      if (Array.isArray(value)) invitation[key] = value.filter((item) => item !== undefined);
    }
  }
  row.reader.lossy("refused", null, "beckon still refuses the invitation after leaving out what it refused: not imported");
  return null;
}
