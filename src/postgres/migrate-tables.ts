import type { Pool } from "pg";
import { migrationSql } from "./migration-sql.js";
import type { PostgresTables } from "./postgres-tables.js";
import { withTransaction } from "./with-transaction.js";

/**
 * Creates the tables if they are missing, in one transaction holding an advisory lock named after the prefix. Two
 * servers running `CREATE TABLE IF NOT EXISTS` at the same moment can otherwise both try to create the table and one
 * fails on a duplicate catalog entry; with the lock the second waits, then finds the tables there.
 *
 * @example
 * await migrateTables(pool, postgresTables("beckon_"), "beckon_");
 */
export async function migrateTables(pool: Pool, tables: PostgresTables, prefix: string): Promise<void> {
  await withTransaction(pool, async (client) => {
    await client.query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", [`beckon migrate ${prefix}`]);
    for (const statement of migrationSql(tables)) await client.query(statement);
    return true;
  });
}
