import { parseStored, type StoredDocuments } from "../storage/parse-document.js";
import type { Stored } from "../storage/types.js";

/**
 * Turns a record hash's `[version, value]` fields back into a {@link Stored} record (`null` when the hash does not
 * exist), checked as every adapter checks what it reads (`parseStored`): a hash written by something else, by hand or
 * half-deleted fails here with a `corrupt_record` StorageError instead of deep inside the engine.
 *
 * @example
 * readStored("visitor record", "beckon:v:v1", ["1", text], "v1") // => { value: { state, events }, version: 1 }
 * readStored("visitor record", "beckon:v:v1", [null, null], "v1") // => null
 */
export function readStored<K extends keyof StoredDocuments>(
  kind: K,
  key: string,
  [versionField, valueField]: readonly (string | null | undefined)[],
  visitorId?: string,
): Stored<StoredDocuments[K]> | null {
  if ((versionField ?? null) === null && (valueField ?? null) === null) return null;
  const place = { key, ...(visitorId === undefined ? {} : { visitorId }) };
  return parseStored("redis", kind, versionField, valueField ?? "", place);
}
