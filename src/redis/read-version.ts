import { StorageError } from "../storage/storage-error.js";

/**
 * Reads a stored `version` field: 0 when there is none, a `corrupt_record` StorageError when it is not a whole
 * number above 0.
 *
 * @example
 * readVersion("3") // => 3
 * readVersion(null) // => 0
 */
export function readVersion(field: string | null | undefined, key: string): number {
  if (field === null || field === undefined) return 0;
  const version = /^[1-9][0-9]*$/.test(field) ? Number(field) : Number.NaN;
  if (!Number.isSafeInteger(version)) {
    throw new StorageError("redis", `the version stored at ${key} is not a number: ${JSON.stringify(field)}`, {
      code: "corrupt_record",
    });
  }
  return version;
}
