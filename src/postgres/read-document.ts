import { StorageError } from "../storage/storage-error.js";
import type { InvitationSet, VisitorRecord } from "../storage/types.js";

/** What each kind of stored document reads back as. */
interface Documents {
  "visitor record": VisitorRecord;
  "invitation set": InvitationSet;
}

const SHAPES: { [K in keyof Documents]: (value: unknown) => boolean } = {
  "visitor record": (value) => isObject(value) && isObject(value.state) && Array.isArray(value.events),
  "invitation set": (value) => isObject(value) && Array.isArray(value.invitations) && Array.isArray(value.definitions),
};

/**
 * Parses a stored JSON document and checks its outline, so a row written by something else (or by hand) fails here
 * with a `corrupt_record` StorageError instead of deep inside the engine.
 *
 * @example
 * readDocument("visitor record", '{"state":{},"events":[]}') // => { state: {}, events: [] }
 * readDocument("visitor record", "[]") // throws StorageError (code "corrupt_record")
 */
export function readDocument<K extends keyof Documents>(kind: K, text: string): Documents[K] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new StorageError("postgres", `the stored ${kind} is not JSON`, { code: "corrupt_record", cause: error });
  }
  if (!SHAPES[kind](value)) {
    throw new StorageError("postgres", `the stored ${kind} does not have the expected shape`, { code: "corrupt_record" });
  }
  return value as Documents[K];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
