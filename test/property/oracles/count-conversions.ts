import type { ConversionRecord, ConversionSummary } from "../../../src/types.js";

/**
 * The README's conversion counts of a list of records, written out plainly: one row per (invitationId, variationId)
 * sorted by ids in code-unit order, a closed or chatted record counted as shown. The oracle of `summarize`, shared by
 * the pruning property and the lifecycle model.
 */
export function countConversions(records: readonly ConversionRecord[]): ConversionSummary[] {
  const rows = new Map<string, ConversionSummary>();
  for (const r of records) {
    const key = JSON.stringify([r.invitationId, r.variationId]);
    const row = rows.get(key) ?? { invitationId: r.invitationId, variationId: r.variationId, sent: 0, shown: 0, closed: 0, chatStarted: 0, converted: 0, conversionRate: 0 };
    rows.set(key, row);
    row.sent += 1;
    row.shown += r.status === "sent" ? 0 : 1;
    row.closed += r.status === "closed" ? 1 : 0;
    row.chatStarted += r.status === "chatStarted" ? 1 : 0;
    row.converted += r.convertedAt === undefined ? 0 : 1;
    row.conversionRate = row.converted / row.sent;
  }
  const byIds = (a: ConversionSummary, b: ConversionSummary): number =>
    a.invitationId < b.invitationId ? -1 : a.invitationId > b.invitationId ? 1 : a.variationId < b.variationId ? -1 : a.variationId > b.variationId ? 1 : 0;
  return [...rows.values()].sort(byIds);
}
