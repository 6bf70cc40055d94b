import type { ConversionRecord, ConversionSummary, InvitationState } from "../types.js";
import { checkReducerArguments } from "./check-reducer-arguments.js";
import { addToTallies } from "./tally-conversions.js";

/**
 * Conversion statistics (docs/api.md: Conversions): one row per (invitationId, variationId), sorted by invitationId then
 * variationId in code-unit order. `shown` counts every record that got past "sent" — a closed or chatted invitation
 * was shown first; `converted` counts records with `convertedAt`, whatever their status.
 *
 * Give it the state: the reducers prune records that can no longer change (see `pruneConversions`) and keep their
 * counts in `conversionTallies`, which are added in. Given an array of records, it counts exactly those records.
 *
 * @example
 * summarize(state)
 * summarize([{ invitationId: "sale", variationId: "b", status: "closed", convertedAt: 5, … }, { …same ids, status: "sent" }])
 * // => [{ invitationId: "sale", variationId: "b", sent: 2, shown: 1, closed: 1, chatStarted: 0, converted: 1,
 * //       conversionRate: 0.5 }]
 */
export function summarize(source: InvitationState | readonly ConversionRecord[]): ConversionSummary[] {
  if (!isRecordList(source)) checkReducerArguments(source);
  const tallies = isRecordList(source)
    ? addToTallies([], source)
    : addToTallies(source.conversionTallies ?? [], source.conversions);
  return tallies.map((row) => ({ ...row, conversionRate: row.sent === 0 ? 0 : row.converted / row.sent }));
}

function isRecordList(source: InvitationState | readonly ConversionRecord[]): source is readonly ConversionRecord[] {
  return Array.isArray(source);
}
