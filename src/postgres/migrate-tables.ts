import type { Database } from "./database.js";
import { migrationSql } from "./migration-sql.js";
import type { PostgresTables } from "./postgres-tables.js";

/**
 * Creates the tables if they are missing, in one transaction holding an advisory lock named after the prefix. Two
 * servers running `CREATE TABLE IF NOT EXISTS` at the same moment can otherwise both try to create the table and one
 * fails on a duplicate catalog entry; with the lock the second waits, then finds the tables there.
 *
 * @example
 * await migrateTables(database(pool, 5_000), postgresTables("beckon_"), "beckon_");
 */
export async function migrateTables(db: Database, tables: PostgresTables, prefix: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", [`beckon migrate ${prefix}`]);
    for (const statement of migrationSql(tables)) await tx.query(statement);
    return true;
  });
}
