import { storedVersion } from "../storage/parse-document.js";

/**
 * Reads the invitation set's stored `version` field: 0 when there is none, a `corrupt_record` StorageError when it
 * is not a whole number above 0.
 *
 * @example
 * readVersion("3", "beckon:invitations") // => 3
 * readVersion(null, "beckon:invitations") // => 0
 */
export function readVersion(field: string | null | undefined, key: string): number {
  if (field === null || field === undefined) return 0;
  return storedVersion("redis", "invitation set", field, { key });
}
