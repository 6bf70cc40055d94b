import { normalizeText } from "../conditions/text.js";
import type { ConversionRecord, ConversionTally, InvitationState } from "../types.js";
import { conversionNewestIndex } from "./conversion-newest-index.js";
import { addToTallies } from "./tally-conversions.js";

/**
 * Drops the conversion records that can no longer change any outcome, keeping what they counted in
 * `conversionTallies`, so a visitor assigned invitation after invitation keeps a state of bounded size (at most one
 * record per event name, plus the record of the assignment on screen). A record stays when it is
 * * the newest record of its event (case-insensitively): `recordConversion` looks at no other, and an older record
 *   never becomes the newest again, since records are only ever added; or
 * * the record of the assignment on screen: the reducers may still move it (`sent → shown → closed | chatStarted`).
 *
 * Every other record is final — nothing converts or moves it — so `summarize(state)` and every later
 * `recordConversion` and reducer give the same results on the pruned state. Returns the same state when nothing can
 * go, and also when a `sentAt` is not a finite number (which record is "newest" then depends on the order).
 *
 * @example
 * pruneConversions({ ...state, conversions: [sentAt1, sentAt2] }) // same event, nothing on screen
 * // => { ...state, conversions: [sentAt2], conversionTallies: [{ invitationId, variationId, sent: 1, … }] }
 */
export function pruneConversions(state: InvitationState): InvitationState {
  const records = state.conversions;
  const keep = recordsToKeep(state);
  if (keep === null || keep.size === records.length) return state;
  const kept: ConversionRecord[] = [];
  const pruned: ConversionRecord[] = [];
  records.forEach((record, index) => (keep.has(index) ? kept : pruned).push(record));
  const conversionTallies: ConversionTally[] = addToTallies(state.conversionTallies ?? [], pruned);
  return { ...state, conversions: kept, conversionTallies };
}

/** Indexes of the records that may still change an outcome, or `null` when that cannot be told safely. */
function recordsToKeep(state: InvitationState): Set<number> | null {
  const records = state.conversions;
  const newest = new Map<string, number>();
  for (let index = 0; index < records.length; index++) {
    const record = records[index] as ConversionRecord;
    if (!Number.isFinite(record.sentAt)) return null;
    const event = normalizeText(record.event);
    const best = newest.get(event);
    // With finite instants `conversionNewestIndex` picks the last of the largest `sentAt`: so does `>=` here.
    if (best === undefined || record.sentAt >= (records[best] as ConversionRecord).sentAt) newest.set(event, index);
  }
  const keep = new Set(newest.values());
  const current = state.current;
  if (current !== undefined && current.closedAt === undefined) {
    const own = conversionNewestIndex(records, (r) => r.invitationId === current.invitationId && r.sentAt === current.assignedAt);
    if (own >= 0) keep.add(own);
  }
  return keep;
}
