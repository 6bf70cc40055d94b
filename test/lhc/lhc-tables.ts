// LHC's four proactive invitation tables as its installer creates them (column names and types of
// lh_abstract_proactive_chat_invitation and its links, utf8mb4_unicode_ci), plus the wait columns older LHC versions
// still have, so tests read rows exactly as a live LHC database gives them.
import type { Connection } from "mysql2/promise";

const TEXT = "COLLATE utf8mb4_unicode_ci NOT NULL";

/** Every column of the invitation table with its type and the default an insert leaves it at. */
const INVITATION: readonly [string, string, unknown][] = [
  ["siteaccess", `varchar(10) ${TEXT}`, ""],
  ["time_on_site", "int(11) NOT NULL", 0],
  ["pageviews", "int(11) NOT NULL", 0],
  ["message", `text ${TEXT}`, ""],
  ["message_returning", `text ${TEXT}`, ""],
  ["executed_times", "int(11) NOT NULL", 0],
  ["dep_id", "int(11) NOT NULL", 0],
  ["hide_after_ntimes", "int(11) NOT NULL", 0],
  ["show_on_mobile", "int(11) NOT NULL", 1],
  ["delay", "int(11) NOT NULL", 0],
  ["delay_init", "int(11) NOT NULL", 0],
  ["show_instant", "int(11) NOT NULL", 0],
  ["autoresponder_id", "int(11) NOT NULL", 0],
  ["disabled", "int(11) NOT NULL", 0],
  ["inject_only_html", "tinyint(1) NOT NULL", 0],
  ["name", `varchar(50) ${TEXT}`, ""],
  ["operator_ids", `varchar(100) ${TEXT}`, ""],
  ["message_returning_nick", `varchar(250) ${TEXT}`, ""],
  ["referrer", `varchar(250) ${TEXT}`, ""],
  ["show_random_operator", "int(11) NOT NULL", 0],
  ["operator_name", `varchar(100) ${TEXT}`, ""],
  ["campaign_id", "int(11) NOT NULL", 0],
  ["position", "int(11) NOT NULL", 0],
  ["event_invitation", "int(11) NOT NULL", 0],
  ["dynamic_invitation", "int(11) NOT NULL", 0],
  ["bot_id", "int(11) NOT NULL", 0],
  ["trigger_id", "int(11) NOT NULL", 0],
  ["bot_offline", "tinyint(1) NOT NULL", 0],
  ["identifier", `varchar(50) ${TEXT}`, ""],
  ["tag", `varchar(50) ${TEXT}`, ""],
  ["requires_email", "int(11) NOT NULL", 0],
  ["iddle_for", "int(11) NOT NULL", 0],
  ["event_type", "int(11) NOT NULL", 0],
  ["requires_username", "int(11) NOT NULL", 0],
  ["requires_phone", "int(11) NOT NULL", 0],
  ["design_data", `longtext ${TEXT}`, ""],
  ["active_from", "bigint(20) unsigned NOT NULL DEFAULT 0", 0],
  ["active_to", "bigint(20) unsigned NOT NULL DEFAULT 0", 0],
  ["repetitiveness", "tinyint(1) unsigned NOT NULL DEFAULT 0", 0],
  ["days_activity", `text ${TEXT}`, ""],
  ["url_present", `varchar(100) ${TEXT}`, ""],
  ["parent_id", "int(11) NOT NULL DEFAULT 0", 0],
  // older LHC versions
  ["wait_message", `varchar(250) ${TEXT}`, ""],
  ["timeout_message", `varchar(250) ${TEXT}`, ""],
  ["wait_timeout", "int(11) NOT NULL", 0],
  ["repeat_number", "int(11) NOT NULL DEFAULT 1", 1],
];

const TABLES: Record<string, { columns: readonly [string, string, unknown][]; keys: string }> = {
  abstract_proactive_chat_invitation: { columns: INVITATION, keys: ", KEY `parent_id` (`parent_id`), KEY `identifier` (`identifier`)" },
  abstract_proactive_chat_invitation_dep: {
    columns: [["invitation_id", "int(11) NOT NULL", 0], ["dep_id", "int(11) NOT NULL", 0]],
    keys: ", KEY `invitation_id` (`invitation_id`)",
  },
  abstract_proactive_chat_invitation_event: {
    columns: [["invitation_id", "int(11) NOT NULL", 0], ["event_id", "int(11) NOT NULL", 0], ["min_number", "int(11) NOT NULL", 0], ["during_seconds", "int(11) NOT NULL", 0]],
    keys: ", KEY `invitation_id` (`invitation_id`)",
  },
  abstract_proactive_chat_variables: {
    columns: [["name", `varchar(50) ${TEXT}`, ""], ["identifier", `varchar(50) ${TEXT}`, ""], ["store_timeout", "int(11) NOT NULL", 0], ["filter_val", "int(11) NOT NULL DEFAULT 0", 0]],
    keys: ", KEY `identifier` (`identifier`)",
  },
};

const ROWS_OF: Record<string, string> = {
  abstract_proactive_chat_invitation: "invitations",
  abstract_proactive_chat_invitation_dep: "departments",
  abstract_proactive_chat_invitation_event: "events",
  abstract_proactive_chat_variables: "variables",
};

/** Creates the tables under `prefix`. */
export async function createLhcTables(connection: Connection, prefix: string): Promise<void> {
  for (const [table, { columns, keys }] of Object.entries(TABLES)) {
    const body = columns.map(([name, type]) => `\`${name}\` ${type}`).join(",\n  ");
    await connection.query(
      `CREATE TABLE \`${prefix}${table}\` (\n  \`id\` int(11) NOT NULL AUTO_INCREMENT,\n  ${body},\n  PRIMARY KEY (\`id\`)${keys}\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
  }
}

/** Inserts the rows of each table; a column a row leaves out gets the value LHC's admin would have saved. */
export async function insertLhcRows(connection: Connection, prefix: string, rows: Record<string, readonly Record<string, unknown>[]>): Promise<void> {
  for (const [table, { columns }] of Object.entries(TABLES)) {
    for (const row of rows[ROWS_OF[table] as string] ?? []) {
      const names = ["id", ...columns.map(([name]) => name)];
      const values = [row.id, ...columns.map(([name, , fallback]) => row[name] ?? fallback)];
      await connection.query(`INSERT INTO \`${prefix}${table}\` (${names.map((n) => `\`${n}\``).join(", ")}) VALUES (?)`, [values]);
    }
  }
}

/** Drops the tables under `prefix`. */
export async function dropLhcTables(connection: Connection, prefix: string): Promise<void> {
  for (const table of Object.keys(TABLES)) await connection.query(`DROP TABLE IF EXISTS \`${prefix}${table}\``);
}
