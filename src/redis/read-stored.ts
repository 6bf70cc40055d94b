import { parseDocument, type StoredDocuments } from "../storage/parse-document.js";
import { StorageError } from "../storage/storage-error.js";
import type { Stored } from "../storage/types.js";
import { readVersion } from "./read-version.js";

/**
 * Turns a record hash's `[version, value]` fields back into a {@link Stored} record (`null` when the hash does not
 * exist), checking its outline, so a hash written by something else (or by hand) fails here with a
 * `corrupt_record` StorageError instead of deep inside the engine.
 *
 * @example
 * readStored("visitor record", "beckon:v:v1", ["1", '{"state":{},"events":[]}']) // => { value: { state: {}, events: [] }, version: 1 }
 * readStored("visitor record", "beckon:v:v1", [null, null]) // => null
 */
export function readStored<K extends keyof StoredDocuments>(
  kind: K,
  key: string,
  [versionField, valueField]: readonly (string | null | undefined)[],
): Stored<StoredDocuments[K]> | null {
  if ((versionField ?? null) === null && (valueField ?? null) === null) return null;
  const version = readVersion(versionField, key);
  if (version === 0 || valueField === null || valueField === undefined) throw corrupt(kind, key, "is incomplete");
  return { value: parseDocument("redis", kind, valueField, ` at ${key}`), version };
}

function corrupt(kind: string, key: string, problem: string, cause?: unknown): StorageError {
  return new StorageError("redis", `the ${kind} at ${key} ${problem}`, { code: "corrupt_record", cause });
}
