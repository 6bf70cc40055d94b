import { MAX_VISITOR_STRING_LENGTH } from "../config/max-visitor-string-length.js";
import type { SnapshotFields } from "./read-snapshot.js";

const MAX = MAX_VISITOR_STRING_LENGTH;

/**
 * Reads, once and up front, every part of a snapshot that evaluation may read later, and tells whether each string
 * among them is at most {@link MAX_VISITOR_STRING_LENGTH} long. Reading it all here, whatever the invitations will
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
  return (
    id.length <= MAX &&
    short(f.url) &&
    short(f.previousUrl) &&
    short(f.referrer) &&
    short(f.language) &&
    short(f.locale) &&
    short(f.identifier) &&
    short(f.department) &&
    short(f.device) &&
    shortItems(f.tags) &&
    shortEntries(f.attributes, thorough) &&
    shortEntries(f.visibleAttributes, thorough) &&
    shortEvents(f.events) &&
    shortChat(f.chat) &&
    shortState(f.state)
  );
}

function short(value: unknown): boolean {
  return typeof value !== "string" || value.length <= MAX;
}

function isObject(value: unknown): value is object {
  return typeof value === "object" && value !== null;
}

function shortItems(list: unknown): boolean {
  if (!Array.isArray(list)) return true;
  for (let i = 0; i < list.length; i++) if (!short(list[i])) return false;
  return true;
}

function shortEntries(record: unknown, thorough: boolean): boolean {
  if (!isObject(record) || Array.isArray(record)) return true;
  const values = record as Record<string, unknown>;
  // `for…in` walks a plain object without allocating; attribute lookups only ever reach own properties.
  for (const key in values) if (key.length > MAX || !short(values[key])) return false;
  if (thorough) {
    for (const key of Object.getOwnPropertyNames(values)) if (key.length > MAX || !short(values[key])) return false;
  }
  return true;
}

function shortEvents(events: unknown): boolean {
  if (!Array.isArray(events)) return true;
  for (let i = 0; i < events.length; i++) {
    const event: unknown = events[i];
    if (!isObject(event)) continue;
    const { name, at, value } = event as { name?: unknown; at?: unknown; value?: unknown };
    if (!short(name) || !short(value) || !short(at)) return false;
  }
  return true;
}

function shortChat(chat: unknown): boolean {
  if (!isObject(chat) || Array.isArray(chat)) return true;
  const { active, lastStartedAt, nick } = chat as { active?: unknown; lastStartedAt?: unknown; nick?: unknown };
  return short(nick) && short(active) && short(lastStartedAt);
}

function shortState(state: unknown): boolean {
  if (!isObject(state) || Array.isArray(state)) return true;
  const { current, suppressedUntil, sessionExcluded, seenOnce } = state as Record<string, unknown>;
  return short(suppressedUntil) && shortCurrent(current) && shortItems(sessionExcluded) && shortItems(seenOnce);
}

function shortCurrent(current: unknown): boolean {
  if (!isObject(current) || Array.isArray(current)) return true;
  const c = current as Record<string, unknown>;
  const { invitationId, variationId, assignedAt, shownPageviews, closedAt, expiresAt } = c;
  return (
    short(invitationId) && short(variationId) && short(assignedAt) && short(shownPageviews) && short(closedAt) && short(expiresAt)
  );
}
