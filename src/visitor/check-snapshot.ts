import { MAX_VISITOR_EVENTS, MAX_VISITOR_LIST_LENGTH, MAX_VISITOR_STRING_LENGTH } from "../config/visitor-limits.js";

const MAX = MAX_VISITOR_STRING_LENGTH;

// The bounds a visitor snapshot is held to as it is read (`viewVisitor`): every string it holds at most
// MAX_VISITOR_STRING_LENGTH long, every list at most MAX_VISITOR_LIST_LENGTH (the event log MAX_VISITOR_EVENTS), a
// list's length read before its items. Only the parts evaluation uses are read (`state.conversions` is not), and
// nothing is copied: evaluation reads the same values again later, so a check costs a pass over the strings and no
// allocation. Reading them here is also what makes a part that cannot be read (a getter or proxy trap that throws)
// refuse the visitor as a whole, whatever the invitations would have looked at.

/**
 * Whether `value` is a string over {@link MAX_VISITOR_STRING_LENGTH}.
 *
 * @example
 * tooLong("x".repeat(10_000)) // => true
 */
export function tooLong(value: unknown): boolean {
  return typeof value === "string" && value.length > MAX;
}

/** A list of at most MAX_VISITOR_LIST_LENGTH items, none of them a string over the bound. */
export function shortItems(list: readonly unknown[]): boolean {
  // The length first: a sparse array can claim 2³² − 1 items and hold none.
  if (list.length > MAX_VISITOR_LIST_LENGTH) return false;
  for (let i = 0; i < list.length; i++) if (tooLong(list[i])) return false;
  return true;
}

/**
 * A record of at most MAX_VISITOR_LIST_LENGTH entries with bounded keys and string values; `thorough` also reads its
 * non-enumerable own properties, which an attribute condition can still name (the slower check, run only to classify
 * a failure).
 */
export function shortEntries(record: object, thorough: boolean): boolean {
  const values = record as Record<string, unknown>;
  // `for…in` walks a plain object without allocating; attribute lookups only ever reach own properties.
  let count = 0;
  for (const key in values) if (++count > MAX_VISITOR_LIST_LENGTH || key.length > MAX || tooLong(values[key])) return false;
  if (thorough) {
    for (const key of Object.getOwnPropertyNames(values)) if (key.length > MAX || tooLong(values[key])) return false;
  }
  return true;
}

/** An event log of at most MAX_VISITOR_EVENTS records whose name, value and time are bounded. */
export function shortEvents(events: readonly unknown[]): boolean {
  if (events.length > MAX_VISITOR_EVENTS) return false;
  for (let i = 0; i < events.length; i++) {
    const event = events[i] as { name?: unknown; at?: unknown; value?: unknown } | null;
    if (typeof event !== "object" || event === null) continue;
    // `at` is read only so that a throwing getter there fails here, as it would when the events are indexed.
    if (tooLong(event.name) || tooLong(event.value) || tooLong(event.at)) return false;
  }
  return true;
}

/** A chat history whose fields are bounded. */
export function shortChat(chat: Record<string, unknown>): boolean {
  // `active` and `lastStartedAt` are read for the same reason as an event's `at`.
  return !(tooLong(chat["nick"]) || tooLong(chat["active"]) || tooLong(chat["lastStartedAt"]));
}

/** An invitation state whose fields and lists are bounded. */
export function shortState(state: Record<string, unknown>): boolean {
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
