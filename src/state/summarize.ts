import type { ConversionRecord, ConversionSummary } from "../types.js";

/**
 * Conversion statistics (SPEC §8.4): one row per (invitationId, variationId), sorted by invitationId then
 * variationId in code-unit order. `shown` counts every record that got past "sent" — a closed or chatted invitation
 * was shown first; `converted` counts records with `convertedAt`, whatever their status.
 *
 * @example
 * summarize([{ invitationId: "sale", variationId: "b", status: "closed", convertedAt: 5, … }, { …same ids, status: "sent" }])
 * // => [{ invitationId: "sale", variationId: "b", sent: 2, shown: 1, closed: 1, chatStarted: 0, converted: 1,
 * //       conversionRate: 0.5 }]
 */
export function summarize(records: readonly ConversionRecord[]): ConversionSummary[] {
  const rows = new Map<string, ConversionSummary>();
  for (const record of records) {
    // A JSON pair as key, so ids containing any separator cannot collide.
    const key = JSON.stringify([record.invitationId, record.variationId]);
    const row = rows.get(key) ?? emptyRow(record);
    rows.set(key, row);
    tally(row, record);
  }
  return [...rows.values()]
    .map((row) => ({ ...row, conversionRate: row.sent === 0 ? 0 : row.converted / row.sent }))
    .sort(byIds);
}

function emptyRow(record: ConversionRecord): ConversionSummary {
  const { invitationId, variationId } = record;
  return { invitationId, variationId, sent: 0, shown: 0, closed: 0, chatStarted: 0, converted: 0, conversionRate: 0 };
}

/** Adds one record to a row that only this module holds. */
function tally(row: ConversionSummary, record: ConversionRecord): void {
  row.sent += 1;
  if (record.convertedAt !== undefined) row.converted += 1;
  switch (record.status) {
    case "sent":
      return;
    case "shown":
      row.shown += 1;
      return;
    case "closed":
      row.shown += 1;
      row.closed += 1;
      return;
    case "chatStarted":
      row.shown += 1;
      row.chatStarted += 1;
      return;
    default:
      assertNever(record.status);
  }
}

function byIds(a: ConversionSummary, b: ConversionSummary): number {
  return compareCodeUnits(a.invitationId, b.invitationId) || compareCodeUnits(a.variationId, b.variationId);
}

function compareCodeUnits(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}

function assertNever(value: never): never {
  throw new Error(`unexpected conversion status: ${String(value)}`);
}
