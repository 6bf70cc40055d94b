import { parseDocument, type StoredDocuments } from "../storage/parse-document.js";

/**
 * Parses a stored JSON document of the PostgreSQL adapter, failing with a `corrupt_record` StorageError when it is
 * not one.
 *
 * @example
 * readDocument("visitor record", '{"state":{},"events":[]}') // => { state: {}, events: [] }
 * readDocument("visitor record", "[]") // throws StorageError (code "corrupt_record")
 */
export function readDocument<K extends keyof StoredDocuments>(kind: K, text: string): StoredDocuments[K] {
  return parseDocument("postgres", kind, text);
}
