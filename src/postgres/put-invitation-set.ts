import type { InvitationSet } from "../storage/types.js";
import type { Database } from "./database.js";
import type { PostgresTables } from "./postgres-tables.js";

/**
 * Stores a namespace's invitation set in one statement: unconditionally (next version), only when none is stored yet
 * (`expectedVersion` 0), or only when the stored version is still `expectedVersion`. Resolves the new version, or
 * `null` when the condition failed.
 *
 * @example
 * await putInvitationSet(db, tables, "default", set, 0) // => 1, then null for a second call with 0
 */
export async function putInvitationSet(
  db: Database,
  tables: PostgresTables,
  namespace: string,
  set: InvitationSet,
  expectedVersion: number | undefined,
): Promise<number | null> {
  const sets = tables.invitationSets;
  const json = JSON.stringify(set);
  const result =
    expectedVersion === undefined
      ? await db.query<{ version: string }>(
          `INSERT INTO ${sets} AS s (namespace, version, invitation_set) VALUES ($1, 1, $2::json)
           ON CONFLICT (namespace) DO UPDATE SET version = s.version + 1, invitation_set = EXCLUDED.invitation_set,
           updated_at = now() RETURNING version`,
          [namespace, json],
        )
      : expectedVersion === 0
        ? await db.query<{ version: string }>(
            `INSERT INTO ${sets} (namespace, version, invitation_set) VALUES ($1, 1, $2::json)
             ON CONFLICT (namespace) DO NOTHING RETURNING version`,
            [namespace, json],
          )
        : await db.query<{ version: string }>(
            `UPDATE ${sets} SET version = version + 1, invitation_set = $2::json, updated_at = now()
             WHERE namespace = $1 AND version = $3 RETURNING version`,
            [namespace, json, expectedVersion],
          );
  const row = result.rows[0];
  return row === undefined ? null : Number(row.version);
}
