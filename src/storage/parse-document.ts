import { formatPath, type ConfigIssue } from "../config/config-error.js";
import { safeParseEventDefinitions } from "../config/safe-parse-event-definitions.js";
import { safeParseInvitations } from "../config/safe-parse-invitations.js";
import { safeParseVisitorRecord } from "../config/safe-parse-visitor-record.js";
import type { SafeParseResult } from "../config/safe-parse-result.js";
import { StorageError } from "./storage-error.js";
import type { InvitationSet, Stored, VisitorRecord } from "./types.js";

/** What each kind of stored document reads back as. */
export interface StoredDocuments {
  "visitor record": VisitorRecord;
  "invitation set": InvitationSet;
}

/** Where a document was read: the visitor it belongs to, and the key or row it came from. */
export interface DocumentPlace {
  visitorId?: string;
  /** A key or row name for the message (`beckon:v:v1`). */
  key?: string;
}

/** A document's data, or every problem found in it. */
type Checked<T> = { data: T } | { issues: readonly ConfigIssue[] };

const PARSERS: { [K in keyof StoredDocuments]: (value: unknown) => Checked<StoredDocuments[K]> } = {
  "visitor record": (value) => checked(safeParseVisitorRecord(value)),
  "invitation set": parseInvitationSet,
};

/**
 * Parses a stored JSON document with the same parsers the API uses (a visitor record: its state as `parseState`
 * checks it, its event log as a visitor's `events`; an invitation set: `parseInvitations` and
 * `parseEventDefinitions`), so a document written by something else, by hand or damaged fails here with a
 * `corrupt_record` StorageError listing every problem with its path — never deep inside the engine, and never
 * written back with new data on top.
 *
 * @example
 * parseDocument("postgres", "visitor record", '{"state":{"v":1,"sessionExcluded":[],"seenOnce":[],"conversions":[]},"events":[]}')
 * parseDocument("redis", "visitor record", '{"state":{},"events":[]}', { visitorId: "v1" })
 * // throws StorageError { code: "corrupt_record", visitorId: "v1", path: ["state", "conversions"], issues: [...] }
 */
export function parseDocument<K extends keyof StoredDocuments>(
  adapter: string,
  kind: K,
  text: string,
  place: DocumentPlace = {},
): StoredDocuments[K] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw corruptDocument(adapter, kind, place, [{ code: "invalid_type", path: [], message: "not JSON" }], error);
  }
  const parsed = PARSERS[kind](value);
  if ("issues" in parsed) throw corruptDocument(adapter, kind, place, parsed.issues);
  return parsed.data as StoredDocuments[K];
}

/**
 * Reads a stored document and its version together: the version first (compare-and-set on a version that is not a
 * whole number ≥ 1 could not be trusted), then the document.
 *
 * @example
 * parseStored("postgres", "visitor record", "3", text, { visitorId: "v1" }) // => { value: { state, events }, version: 3 }
 */
export function parseStored<K extends keyof StoredDocuments>(
  adapter: string,
  kind: K,
  version: unknown,
  text: string,
  place: DocumentPlace = {},
): Stored<StoredDocuments[K]> {
  return { version: storedVersion(adapter, kind, version, place), value: parseDocument(adapter, kind, text, place) };
}

/**
 * Reads a stored version: a whole number of at least 1 (0 means "nothing stored" and is never stored), as a number
 * or as the decimal text a database hands back. Anything else is a `corrupt_record` StorageError at `["version"]`.
 *
 * @example
 * storedVersion("postgres", "visitor record", "3", { visitorId: "v1" }) // => 3
 * storedVersion("postgres", "visitor record", "-5", { visitorId: "v1" }) // throws StorageError (code "corrupt_record")
 */
export function storedVersion(adapter: string, kind: keyof StoredDocuments, raw: unknown, place: DocumentPlace = {}): number {
  const version = typeof raw === "number" ? raw : typeof raw === "string" && /^[0-9]+$/.test(raw) ? Number(raw) : Number.NaN;
  if (Number.isSafeInteger(version) && version >= 1) return version;
  const message = `the version must be a whole number ≥ 1, not ${JSON.stringify(raw) ?? String(raw)}`;
  throw corruptDocument(adapter, kind, place, [{ code: "invalid_value", path: ["version"], message }]);
}

/**
 * The `corrupt_record` error for a stored document: its message names the document, the visitor, the first
 * problem's path and how many more there are; `issues` lists them all.
 *
 * @example
 * corruptDocument("redis", "visitor record", { visitorId: "v1" }, issues).path // => issues[0].path
 */
export function corruptDocument(
  adapter: string,
  kind: string,
  place: DocumentPlace,
  issues: readonly ConfigIssue[],
  cause?: unknown,
): StorageError {
  const first = issues[0] ?? { code: "invalid_value", path: [], message: "unreadable" };
  const owner = place.visitorId === undefined ? "" : ` of visitor ${JSON.stringify(place.visitorId)}`;
  const at = place.key === undefined ? "" : ` (${place.key})`;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? "s" : ""})` : "";
  const message = `the stored ${kind}${owner}${at} is corrupt at ${formatPath(first.path)}: ${first.message}${more}; it was left as it is`;
  return new StorageError(adapter, message, {
    code: "corrupt_record",
    path: first.path,
    issues,
    ...(place.visitorId === undefined ? {} : { visitorId: place.visitorId }),
    ...(cause === undefined ? {} : { cause }),
  });
}

/** `{ invitations, definitions }`, each checked by its own parser, paths prefixed with the field. */
function parseInvitationSet(value: unknown): Checked<InvitationSet> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { issues: [{ code: "invalid_type", path: [], message: "expected an object with invitations and definitions" }] };
  }
  const record = value as Record<string, unknown>;
  const issues: ConfigIssue[] = [];
  for (const key of Object.keys(record)) {
    if (key !== "invitations" && key !== "definitions") issues.push({ code: "unknown_key", path: [key], message: `unknown key ${JSON.stringify(key)}` });
  }
  const invitations = safeParseInvitations(record.invitations);
  const definitions = safeParseEventDefinitions(record.definitions);
  if (!invitations.success) for (const issue of invitations.error.issues) issues.push({ ...issue, path: ["invitations", ...issue.path] });
  if (!definitions.success) for (const issue of definitions.error.issues) issues.push({ ...issue, path: ["definitions", ...issue.path] });
  if (issues.length > 0 || !invitations.success || !definitions.success) return { issues };
  return { data: { invitations: invitations.data, definitions: definitions.data } };
}

function checked<T>(result: SafeParseResult<T>): Checked<T> {
  return result.success ? { data: result.data } : { issues: result.error.issues };
}
