import type { ConversionRecord, ConversionStatus } from "../types.js";
import { conversionNewestIndex } from "./conversion-newest-index.js";

/** The statuses a record can move to; "sent" is where every record starts. */
type Move = Exclude<ConversionStatus, "sent">;

/**
 * Moves the newest record of `invitationId` that may take the step to `status` (SPEC §8.4: `sent → shown →
 * closed | chatStarted`; "closed" and "chatStarted" may also come straight from "sent"). "Newest" is the largest
 * `sentAt`, on a tie the later one in the array. Returns the same array when no record can move, else a new array
 * holding one new record; the input is never mutated.
 *
 * @example
 * markConversion([{ invitationId: "sale", status: "sent", … }], "sale", "shown")
 * // => [{ invitationId: "sale", status: "shown", … }]
 * markConversion(records, "sale", "shown") === records // => true when no "sale" record is still "sent"
 */
export function markConversion(
  records: readonly ConversionRecord[],
  invitationId: string,
  status: "shown" | "closed" | "chatStarted",
): readonly ConversionRecord[] {
  const index = conversionNewestIndex(
    records,
    (record) => record.invitationId === invitationId && canMove(record.status, status),
  );
  if (index < 0) return records;
  return records.map((record, at) => (at === index ? { ...record, status } : record));
}

function canMove(from: ConversionStatus, to: Move): boolean {
  switch (to) {
    case "shown":
      return from === "sent";
    case "closed":
    case "chatStarted":
      return from === "sent" || from === "shown";
    default:
      return assertNever(to);
  }
}

function assertNever(value: never): never {
  throw new Error(`unexpected conversion status: ${String(value)}`);
}
