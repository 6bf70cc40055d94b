import { normalizeText } from "../conditions/text.js";
import type { ConversionOutcome, InvitationState } from "../types.js";
import { checkReducerArguments } from "./check-reducer-arguments.js";
import { conversionNewestIndex } from "./conversion-newest-index.js";

/**
 * Records that the visitor reached a conversion goal (docs/api.md: Conversions). Only the newest record (largest `sentAt`) whose
 * `event` equals `eventName` case-insensitively is considered — an older record still open is ignored, as in LHC.
 * It converts (`convertedAt = now`) when not yet converted and `now < expiresAt`, whatever its status: the goal is
 * independent of the chat. Otherwise the same state comes back with the reason. A blank name matches nothing.
 *
 * @example
 * recordConversion(state, "Ordered", sentAt + 3_600_000) // => { state: …with convertedAt, outcome: "converted" }
 * recordConversion(state, "Ordered", expiresAt)          // => { state, outcome: "expired" }
 */
export function recordConversion(
  state: InvitationState,
  eventName: string,
  now: number,
): { state: InvitationState; outcome: ConversionOutcome } {
  checkReducerArguments(state, now);
  const wanted = normalizeText(eventName);
  const index = wanted === "" ? -1 : conversionNewestIndex(state.conversions, (r) => normalizeText(r.event) === wanted);
  const record = state.conversions[index];
  if (index < 0 || record === undefined) return { state, outcome: "no_record" };
  if (record.convertedAt !== undefined) return { state, outcome: "already_converted" };
  // Written as "not before" so a non-numeric `now` fails closed instead of converting.
  if (!(now < record.expiresAt)) return { state, outcome: "expired" };
  const conversions = state.conversions.map((r, at) => (at === index ? { ...r, convertedAt: now } : r));
  return { state: { ...state, conversions }, outcome: "converted" };
}
