import { StorageError } from "./storage-error.js";
import type { InvitationSet, VisitorRecord } from "./types.js";

/** What each kind of stored document reads back as. */
export interface StoredDocuments {
  "visitor record": VisitorRecord;
  "invitation set": InvitationSet;
}

const SHAPES: { [K in keyof StoredDocuments]: (value: unknown) => boolean } = {
  "visitor record": (value) => isObject(value) && isObject(value.state) && Array.isArray(value.events),
  "invitation set": (value) => isObject(value) && Array.isArray(value.invitations) && Array.isArray(value.definitions),
};

/**
 * Parses a stored JSON document and checks its outline, so a document written by something else (or by hand) fails
 * here with a `corrupt_record` StorageError naming the adapter, instead of deep inside the engine. `where` says
 * which document (a key, a row) in the message.
 *
 * @example
 * parseDocument("postgres", "visitor record", '{"state":{},"events":[]}') // => { state: {}, events: [] }
 * parseDocument("redis", "visitor record", "[]", " at beckon:v:v1")     // throws StorageError (code "corrupt_record")
 */
export function parseDocument<K extends keyof StoredDocuments>(
  adapter: string,
  kind: K,
  text: string,
  where = "",
): StoredDocuments[K] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new StorageError(adapter, `the stored ${kind}${where} is not JSON`, { code: "corrupt_record", cause: error });
  }
  if (!SHAPES[kind](value)) {
    throw new StorageError(adapter, `the stored ${kind}${where} does not have the expected shape`, { code: "corrupt_record" });
  }
  return value as StoredDocuments[K];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
