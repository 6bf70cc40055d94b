import type { LhcRows } from "../lhc/index.js";
import { InputError, UsageError } from "./io.js";

/** LHC's four tables the importer reads, without their prefix, and where their rows go. */
const TABLES = [
  ["invitations", "abstract_proactive_chat_invitation"],
  ["departments", "abstract_proactive_chat_invitation_dep"],
  ["events", "abstract_proactive_chat_invitation_event"],
  ["variables", "abstract_proactive_chat_variables"],
] as const;

const PREFIX = /^[A-Za-z0-9_]{0,40}$/;

/**
 * Reads LHC's proactive invitation tables from a live MySQL or MariaDB (`mysql://user:password@host:3306/database`)
 * through mysql2, an optional peer dependency loaded only here. Rows come back as the driver gives them, ordered by id.
 * A missing driver, an unreachable server or a missing table is an `InputError` saying which.
 *
 * @example
 * const rows = await readLhcDatabase("mysql://root@127.0.0.1:3306/lhc", "lh_");
 * rows.invitations.length // => 42
 */
export async function readLhcDatabase(url: string, prefix: string): Promise<LhcRows> {
  if (!PREFIX.test(prefix)) throw new UsageError(`--prefix must be letters, digits and _ (at most 40), not ${JSON.stringify(prefix)}`);
  let mysql: typeof import("mysql2/promise");
  try {
    mysql = await import("mysql2/promise");
  } catch {
    throw new InputError("--mysql reads the database through the mysql2 package, which is not installed: npm install mysql2");
  }
  let connection: import("mysql2/promise").Connection;
  try {
    connection = await mysql.createConnection({ uri: url, connectTimeout: 10_000 });
  } catch (error) {
    throw new InputError(`cannot connect to ${redact(url)}: ${(error as Error).message}`);
  }
  try {
    const rows: Record<string, unknown[]> = {};
    for (const [key, table] of TABLES) {
      const name = `${prefix}${table}`;
      try {
        const [result] = await connection.query(`SELECT * FROM \`${name}\` ORDER BY id`);
        rows[key] = result as unknown[];
      } catch (error) {
        throw new InputError(`cannot read table ${name} (${(error as Error).message}): is ${JSON.stringify(prefix)} the table prefix (--prefix)?`);
      }
    }
    return rows as unknown as LhcRows;
  } finally {
    await connection.end().catch(() => undefined);
  }
}

/**
 * The URL without its password, for messages. The URL parser finds the password when every `@` is in the part
 * before the host (`root:p@ss@host` is user `root`, password `p@ss`); otherwise — the URL does not parse, or an `@`
 * ended up in the path because the password holds a `/` — everything between `//` and the last `@` is hidden, user
 * name included, since where the password ends cannot be told.
 */
function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (!`${parsed.pathname}${parsed.search}${parsed.hash}`.includes("@")) {
      if (parsed.password !== "") parsed.password = "***";
      return parsed.href;
    }
  } catch {
    // Not a URL: hidden by hand below.
  }
  const start = url.indexOf("//");
  const at = url.lastIndexOf("@");
  return start !== -1 && at > start ? `${url.slice(0, start + 2)}***${url.slice(at)}` : url;
}
