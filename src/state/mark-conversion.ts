import type { ConversionRecord, ConversionStatus } from "../types.js";
import { conversionNewestIndex } from "./conversion-newest-index.js";
import { assertNever } from "../lib/assert-never.js";

/** The statuses a record can move to; "sent" is where every record starts. */
type Move = Exclude<ConversionStatus, "sent">;

/** Which assignment a record belongs to: the invitation, and the instant it was assigned (the record's `sentAt`). */
export interface Assignment {
  invitationId: string;
  assignedAt: number;
}

/**
 * Moves the record of one assignment a step along docs/api.md: Conversions (`sent → shown → closed | chatStarted`; "closed" and
 * "chatStarted" may also come straight from "sent"), when its status allows. Only the record sent with that
 * assignment moves — the newest one of that invitation sent at `assignedAt` (an invitation assigned twice in one
 * millisecond has two; the later in the array is the one on screen) — never an older record of the same
 * invitation, which may still be waiting for its own show. Returns the same array when nothing moves, else a new
 * array holding one new record; the input is never mutated.
 *
 * @example
 * markConversion([{ invitationId: "sale", sentAt: t, status: "sent", … }], { invitationId: "sale", assignedAt: t }, "shown")
 * // => [{ invitationId: "sale", sentAt: t, status: "shown", … }]
 */
export function markConversion(
  records: readonly ConversionRecord[],
  assignment: Assignment,
  status: "shown" | "closed" | "chatStarted",
): readonly ConversionRecord[] {
  const index = conversionNewestIndex(
    records,
    (record) => record.invitationId === assignment.invitationId && record.sentAt === assignment.assignedAt,
  );
  // The assignment's own record, even when it cannot take the step: an older record of an assignment made in the
  // same millisecond must never move in its place.
  const record = records[index];
  if (record === undefined || !canMove(record.status, status)) return records;
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
      return assertNever(to, "conversion status");
  }
}

