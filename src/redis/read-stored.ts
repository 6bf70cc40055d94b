import { StorageError } from "../storage/storage-error.js";
import type { InvitationSet, Stored, VisitorRecord } from "../storage/types.js";
import { readVersion } from "./read-version.js";

/** What each kind of stored record reads back as. */
interface Records {
  "visitor record": VisitorRecord;
  "invitation set": InvitationSet;
}

const SHAPES: { [K in keyof Records]: (value: unknown) => boolean } = {
  "visitor record": (value) => isObject(value) && isObject(value.state) && Array.isArray(value.events),
  "invitation set": (value) => isObject(value) && Array.isArray(value.invitations) && Array.isArray(value.definitions),
};

/**
 * Turns a record hash's `[version, value]` fields back into a {@link Stored} record (`null` when the hash does not
 * exist), checking its outline, so a hash written by something else (or by hand) fails here with a
 * `corrupt_record` StorageError instead of deep inside the engine.
 *
 * @example
 * readStored("visitor record", "beckon:v:v1", ["1", '{"state":{},"events":[]}']) // => { value: { state: {}, events: [] }, version: 1 }
 * readStored("visitor record", "beckon:v:v1", [null, null]) // => null
 */
export function readStored<K extends keyof Records>(
  kind: K,
  key: string,
  [versionField, valueField]: readonly (string | null | undefined)[],
): Stored<Records[K]> | null {
  if ((versionField ?? null) === null && (valueField ?? null) === null) return null;
  const version = readVersion(versionField, key);
  if (version === 0 || valueField === null || valueField === undefined) throw corrupt(kind, key, "is incomplete");
  let value: unknown;
  try {
    value = JSON.parse(valueField);
  } catch (error) {
    throw corrupt(kind, key, "is not JSON", error);
  }
  if (!SHAPES[kind](value)) throw corrupt(kind, key, "does not have the expected shape");
  return { value: value as Records[K], version };
}

function corrupt(kind: string, key: string, problem: string, cause?: unknown): StorageError {
  return new StorageError("redis", `the ${kind} at ${key} ${problem}`, { code: "corrupt_record", cause });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
