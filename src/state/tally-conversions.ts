import type { ConversionRecord, ConversionTally } from "../types.js";
import { assertNever } from "../lib/assert-never.js";

/**
 * Adds records to per-(invitationId, variationId) tallies, as `summarize` counts them: every record is sent; a
 * record past "sent" was shown (a closed or chatted invitation was shown first); `converted` counts records with
 * `convertedAt`. Returns new tallies sorted by invitationId then variationId in code-unit order; the inputs are
 * never mutated.
 *
 * @example
 * addToTallies([], [{ invitationId: "sale", variationId: "b", status: "closed", convertedAt: 5, … }])
 * // => [{ invitationId: "sale", variationId: "b", sent: 1, shown: 1, closed: 1, chatStarted: 0, converted: 1 }]
 */
export function addToTallies(
  tallies: readonly ConversionTally[],
  records: readonly ConversionRecord[],
): ConversionTally[] {
  const rows = new Map<string, ConversionTally>();
  for (const tally of tallies) add(rows, tally, tally);
  for (const record of records) add(rows, record, countsOf(record));
  return [...rows.values()].sort(byIds);
}

type Counts = Omit<ConversionTally, "invitationId" | "variationId">;

function add(rows: Map<string, ConversionTally>, ids: { invitationId: string; variationId: string }, counts: Counts): void {
  // A JSON pair as key, so ids containing any separator cannot collide.
  const key = JSON.stringify([ids.invitationId, ids.variationId]);
  const row = rows.get(key);
  if (row === undefined) {
    const { sent, shown, closed, chatStarted, converted } = counts;
    rows.set(key, { invitationId: ids.invitationId, variationId: ids.variationId, sent, shown, closed, chatStarted, converted });
    return;
  }
  row.sent += counts.sent;
  row.shown += counts.shown;
  row.closed += counts.closed;
  row.chatStarted += counts.chatStarted;
  row.converted += counts.converted;
}

function countsOf(record: ConversionRecord): Counts {
  const converted = record.convertedAt === undefined ? 0 : 1;
  switch (record.status) {
    case "sent":
      return { sent: 1, shown: 0, closed: 0, chatStarted: 0, converted };
    case "shown":
      return { sent: 1, shown: 1, closed: 0, chatStarted: 0, converted };
    case "closed":
      return { sent: 1, shown: 1, closed: 1, chatStarted: 0, converted };
    case "chatStarted":
      return { sent: 1, shown: 1, closed: 0, chatStarted: 1, converted };
    default:
      return assertNever(record.status, "conversion status");
  }
}

function byIds(a: ConversionTally, b: ConversionTally): number {
  return compareCodeUnits(a.invitationId, b.invitationId) || compareCodeUnits(a.variationId, b.variationId);
}

function compareCodeUnits(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}

