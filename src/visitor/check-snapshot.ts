import { MAX_VISITOR_EVENTS, MAX_VISITOR_LIST_LENGTH, MAX_VISITOR_STRING_LENGTH } from "../config/visitor-limits.js";
import type { SnapshotFields } from "./read-snapshot.js";

const MAX = MAX_VISITOR_STRING_LENGTH;

/**
 * Reads, once and up front, every part of a snapshot that evaluation may read later, and tells whether each string
 * among them is at most {@link MAX_VISITOR_STRING_LENGTH} long and each list at most {@link MAX_VISITOR_LIST_LENGTH}
 * long (a list's length is read before its items). Reading it all here, whatever the invitations will
 * look at, is what makes a visitor that cannot be read invalid as a whole: a getter or proxy trap that throws, throws
 * here (the caller turns that into `invalid_visitor`), not half-way through selection. Only the parts evaluation uses
 * are read (`state.conversions` is not), and nothing is copied: evaluation reads the same values again, so this
 * costs a pass over the snapshot's strings and no allocation.
 *
 * With `thorough`, attribute objects are also read through their non-enumerable own properties, which an attribute
 * condition can still name: the slower check run only to classify a failure.
 *
 * @example
 * checkSnapshot("v1", readSnapshot({ id: "v1", url: "/pricing" }))           // => true
 * checkSnapshot("v1", readSnapshot({ id: "v1", tags: ["x".repeat(10_000)] })) // => false
 */
export function checkSnapshot(id: string, f: SnapshotFields, thorough = false): boolean {
  // One flat pass with early exits: this runs on every evaluation, and most snapshots have few nested parts.
  if (
    id.length > MAX ||
    tooLong(f.url) ||
    tooLong(f.previousUrl) ||
    tooLong(f.referrer) ||
    tooLong(f.language) ||
    tooLong(f.locale) ||
    tooLong(f.identifier) ||
    tooLong(f.department) ||
    tooLong(f.device)
  ) {
    return false;
  }
  if (Array.isArray(f.tags) && !shortItems(f.tags)) return false;
  if (typeof f.attributes === "object" && f.attributes !== null && !shortEntries(f.attributes, thorough)) return false;
  if (typeof f.visibleAttributes === "object" && f.visibleAttributes !== null && !shortEntries(f.visibleAttributes, thorough)) {
    return false;
  }
  if (Array.isArray(f.events) && !shortEvents(f.events)) return false;
  if (typeof f.chat === "object" && f.chat !== null && !shortChat(f.chat as Record<string, unknown>)) return false;
  return typeof f.state !== "object" || f.state === null || shortState(f.state as Record<string, unknown>);
}

function tooLong(value: unknown): boolean {
  return typeof value === "string" && value.length > MAX;
}

function shortItems(list: readonly unknown[]): boolean {
  // The length first: a sparse array can claim 2³² − 1 items and hold none.
  if (list.length > MAX_VISITOR_LIST_LENGTH) return false;
  for (let i = 0; i < list.length; i++) if (tooLong(list[i])) return false;
  return true;
}

function shortEntries(record: object, thorough: boolean): boolean {
  const values = record as Record<string, unknown>;
  // `for…in` walks a plain object without allocating; attribute lookups only ever reach own properties.
  let count = 0;
  for (const key in values) if (++count > MAX_VISITOR_LIST_LENGTH || key.length > MAX || tooLong(values[key])) return false;
  if (thorough) {
    for (const key of Object.getOwnPropertyNames(values)) if (key.length > MAX || tooLong(values[key])) return false;
  }
  return true;
}

function shortEvents(events: readonly unknown[]): boolean {
  if (events.length > MAX_VISITOR_EVENTS) return false;
  for (let i = 0; i < events.length; i++) {
    const event = events[i] as { name?: unknown; at?: unknown; value?: unknown } | null;
    if (typeof event !== "object" || event === null) continue;
    // `at` is read only so that a throwing getter there fails here, as it would when the events are indexed.
    if (tooLong(event.name) || tooLong(event.value) || tooLong(event.at)) return false;
  }
  return true;
}

function shortChat(chat: Record<string, unknown>): boolean {
  // `active` and `lastStartedAt` are read for the same reason as an event's `at`.
  return !(tooLong(chat["nick"]) || tooLong(chat["active"]) || tooLong(chat["lastStartedAt"]));
}

function shortState(state: Record<string, unknown>): boolean {
  if (tooLong(state["suppressedUntil"])) return false;
  const current = state["current"];
  if (typeof current === "object" && current !== null && !shortCurrent(current as Record<string, unknown>)) return false;
  const excluded = state["sessionExcluded"];
  if (Array.isArray(excluded) && !shortItems(excluded)) return false;
  const seenOnce = state["seenOnce"];
  if (Array.isArray(seenOnce) && !shortItems(seenOnce)) return false;
  // Evaluation never reads the conversion lists, but their length is held to the same bound parseState holds it to.
  return !(longList(state["conversions"]) || longList(state["conversionTallies"]));
}

function longList(value: unknown): boolean {
  return Array.isArray(value) && value.length > MAX_VISITOR_LIST_LENGTH;
}

function shortCurrent(c: Record<string, unknown>): boolean {
  return !(
    tooLong(c["invitationId"]) ||
    tooLong(c["variationId"]) ||
    tooLong(c["assignedAt"]) ||
    tooLong(c["shownPageviews"]) ||
    tooLong(c["closedAt"]) ||
    tooLong(c["expiresAt"])
  );
}
