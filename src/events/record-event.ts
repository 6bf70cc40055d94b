import { normalizeText } from "../conditions/text.js";
import type { EventDefinition, RecordEventOutcome, VisitorEvent } from "../types.js";
import { checkLogArguments } from "./check-log-arguments.js";
import { bookedEvent, type BookedEvent, type EventBook } from "./event-book.js";

/**
 * Logs one event the website reported (docs/api.md: Events). Names compare trimmed and case-insensitively, as evaluation counts
 * them. An event without a definition changes nothing (`"unknown_event"`, the log handed back as given). Otherwise
 * the newest record of that name (with `filterByValue`: and exactly that value; no value matches only no value) is
 * refreshed when it is recent — any age for `storeTimeoutSeconds` 0 or absent, else
 * `now − at < storeTimeoutSeconds × 1000` — and a record is appended when there is none. Records carry the
 * definition's name as configured. Pure: the input log and its records are never changed; a new array comes back
 * whenever anything changed.
 *
 * Definitions are expected to come from `parseEventDefinitions`; with duplicate names the first one applies. A log
 * longer than `MAX_VISITOR_EVENTS` (the bound every snapshot's log keeps), or a `now` that is not a number, throws
 * `ConfigError`.
 *
 * @example
 * const definitions = [{ name: "login_failed", storeTimeoutSeconds: 1 }];
 * recordEvent([], definitions, { name: "Login_Failed" }, 1_000)
 * // => { log: [{ name: "login_failed", at: 1000 }], outcome: "appended" }
 * recordEvent([{ name: "login_failed", at: 1_000 }], definitions, { name: "login_failed" }, 1_500)
 * // => { log: [{ name: "login_failed", at: 1500 }], outcome: "refreshed" } (a burst within a second)
 * recordEvent([], definitions, { name: "signup" }, 1_000) // => { log: [], outcome: "unknown_event" }
 */
export function recordEvent(
  log: readonly VisitorEvent[] | undefined,
  definitions: readonly EventDefinition[],
  event: { name: string; value?: string },
  now: number,
): { log: VisitorEvent[]; outcome: RecordEventOutcome } {
  // Unchanged means the very same array; the public type is mutable only to keep one return type.
  const records = (log ?? []) as VisitorEvent[];
  checkLogArguments(records, now);
  const key = normalizeText(event.name);
  const definition = definitions.find((candidate) => normalizeText(candidate.name) === key);
  return recordDefined(records, definition === undefined ? undefined : { definition, key }, event, now);
}

/**
 * {@link recordEvent} with the definition found already (see `bookedEvent`): the service's way, which looks names up
 * in an event book instead of normalising every definition's name on every event.
 */
export function recordBookedEvent(
  log: readonly VisitorEvent[] | undefined,
  book: EventBook,
  event: { name: string; value?: string },
  now: number,
): { log: VisitorEvent[]; outcome: RecordEventOutcome } {
  const records = (log ?? []) as VisitorEvent[];
  checkLogArguments(records, now);
  return recordDefined(records, bookedEvent(book, event.name), event, now);
}

function recordDefined(
  records: VisitorEvent[],
  booked: BookedEvent | undefined,
  event: { name: string; value?: string },
  now: number,
): { log: VisitorEvent[]; outcome: RecordEventOutcome } {
  if (booked === undefined) return { log: records, outcome: "unknown_event" };
  const { definition } = booked;
  const { name } = definition;
  const record: VisitorEvent = event.value === undefined ? { name, at: now } : { name, at: now, value: event.value };
  const index = findNewest(records, booked, event.value);
  const newest = records[index];
  if (newest === undefined || !isRecent(newest, definition, now)) {
    return { log: [...records, record], outcome: "appended" };
  }
  const next = records.slice();
  next[index] = record;
  return { log: next, outcome: "refreshed" };
}

/** Index of the newest record the event could refresh (largest `at`, the later one on a tie), or −1. */
function findNewest(records: readonly VisitorEvent[], booked: BookedEvent, value: string | undefined): number {
  const { definition, key } = booked;
  let newest = -1;
  records.forEach((record, index) => {
    // Records evaluation cannot read (no name, no finite instant) never count, so they are never refreshed either.
    if (typeof record !== "object" || record === null || typeof record.name !== "string" || !Number.isFinite(record.at)) return;
    // Records carry their definition's name as configured, whose normal form is `key`: only another spelling is
    // normalised.
    if (record.name !== definition.name && normalizeText(record.name) !== key) return;
    if (definition.filterByValue === true && record.value !== value) return;
    if (newest === -1 || record.at >= (records[newest] as VisitorEvent).at) newest = index;
  });
  return newest;
}

/** A timeout of 0 (or none) means the one record lives for ever; otherwise it must be younger than the timeout. */
function isRecent(record: VisitorEvent, definition: EventDefinition, now: number): boolean {
  const timeoutMs = (definition.storeTimeoutSeconds ?? 0) * 1000;
  return !(timeoutMs > 0) || now - record.at < timeoutMs;
}
