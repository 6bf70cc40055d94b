import type { PostgresTables } from "./postgres-tables.js";

/**
 * The statements that create the adapter's tables, each safe to run again. Documents are `json`, not `jsonb`: `json`
 * keeps the text exactly as written, so every string a visitor can send (U+0000, lone surrogates) round-trips, where
 * `jsonb` would refuse it. Counters and versions are `bigint`. `updated_at` is a visitor's last write (every insert
 * and update sets it); its index, added after the tables so tables made before it get it too, lets
 * `purgeVisitors` find the inactive visitors without reading the table. `commit_id` is the unique id of a
 * visitor's last write (`null` on rows written before it existed).
 *
 * @example
 * migrationSql(postgresTables("beckon_"))[0] // => 'CREATE TABLE IF NOT EXISTS "beckon_visitors" (…)'
 */
export function migrationSql(tables: PostgresTables): string[] {
  return [
    `CREATE TABLE IF NOT EXISTS ${tables.visitors} (
      namespace text NOT NULL,
      visitor_id text NOT NULL,
      version bigint NOT NULL,
      record json NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (namespace, visitor_id)
    )`,
    // The id of the write that made the row (random, never repeating where versions restart after a purge), which
    // `syncVisitor` compares with the version. Added, not created, so tables of earlier versions get it too: a
    // nullable column with no default changes only the catalog, however many rows the table holds.
    `ALTER TABLE ${tables.visitors} ADD COLUMN IF NOT EXISTS commit_id text`,
    `CREATE INDEX IF NOT EXISTS ${tables.visitorsByAge} ON ${tables.visitors} (namespace, updated_at)`,
    `CREATE TABLE IF NOT EXISTS ${tables.counters} (
      namespace text NOT NULL,
      invitation_id text NOT NULL,
      variation_id text NOT NULL,
      counter text NOT NULL,
      value bigint NOT NULL,
      PRIMARY KEY (namespace, invitation_id, variation_id, counter)
    )`,
    `CREATE TABLE IF NOT EXISTS ${tables.invitationSets} (
      namespace text PRIMARY KEY,
      version bigint NOT NULL,
      invitation_set json NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`,
  ];
}
