import { describeError } from "../config/describe-error.js";
import { MAX_READ_VALUES } from "../config/read-plain.js";
import { safeParseEventDefinitions } from "../config/safe-parse-event-definitions.js";
import { isValidTimeZone } from "../schedule/time-zone.js";
import type { EventDefinition, Invitation } from "../types.js";
import { attachDepartments, attachEvents, attachVariations, groupLinks, ordered } from "./attach-links.js";
import { LHC_TABLES, LhcReport } from "./lhc-report.js";
import type { FromLhcOptions, FromLhcResult, LhcReportEntry, LhcRow, LhcRows } from "./lhc-types.js";
import { mapInvitation, type MappedRow } from "./map-invitation.js";
import { mapVariables } from "./map-variables.js";
import { RowReader } from "./read-cell.js";
import { reportRanking } from "./report-ranking.js";
import { validateImported } from "./validate-imported.js";

const TABLES = ["invitations", "departments", "events", "variables"] as const;
/** The most rows a table may claim: as many as values in any input beckon reads (each row is at least one). */
const MAX_TABLE_ROWS = MAX_READ_VALUES;

const TABLE_KEY = { invitations: "invitation", departments: "department", events: "event", variables: "variable" } as const;

/**
 * Imports Live Helper Chat's proactive invitations from its rows, as they come out of its database (numbers may be
 * strings, texts carry LHC's encodings: `design_data` JSON, `||` lists, comma lists, HHMM windows). Returns
 * invitations and event definitions that pass `parseInvitations` / `parseEventDefinitions`, and a report naming, by
 * table, row id and column, everything not carried over exactly (`lossy`: what was done instead) and every LHC
 * behaviour beckon does differently for an invitation (`difference`). It never throws: a row it cannot read is
 * reported and left out.
 *
 * @example
 * const { invitations, events, report } = fromLhc({ invitations: rows, variables }, { timeZone: "Europe/Vilnius" });
 * // invitations[0] => { id: "1", position: 10, urls: ["*"], urlBound: true, message: "Need help?" }
 */
export function fromLhc(rows: LhcRows, options: FromLhcOptions = {}): FromLhcResult {
  const report = new LhcReport(prefixOf(options));
  try {
    return importRows(rows, options, report);
  } catch (error) {
    // A bug, or input no reader foresaw: still an answer, with the reason, never a throw.
    const message = `the import stopped: ${describeError(error)}`;
    report.add("lossy", "import_failed", { table: null, rowId: null, invitationId: null }, null, message);
    return { invitations: [], events: [], report: report.entries };
  }
}

/** The table prefix the report names tables with: the option when it reads as a text, else LHC's default. */
function prefixOf(options: FromLhcOptions | null): string {
  try {
    const prefix: unknown = options?.prefix;
    return typeof prefix === "string" ? prefix : "lh_";
  } catch {
    return "lh_";
  }
}

function importRows(rows: unknown, options: FromLhcOptions, report: LhcReport): FromLhcResult {
  const timeZone = checkTimeZone(options?.timeZone, report);
  const tables = readTables(rows, report);
  const variables = mapVariables(tables.variables, report);
  const mapped = mapRows(tables.invitations, timeZone, report);
  const departments = groupLinks(tables.departments, "department", report);
  const events = groupLinks(tables.events, "event", report);
  const main = mapped.filter((row) => row.parentId <= 0);
  const byId = new Map(main.map((row) => [row.id, row]));
  for (const row of mapped) {
    if (row.parentId > 0 && !byId.has(row.parentId)) {
      row.reader.lossy("orphan_variation", "parent_id", `invitation ${row.parentId} is not a main invitation here, so LHC never shows this variation: not imported`);
    }
  }
  for (const [invitationId, links] of [...departments, ...events]) {
    if (byId.has(invitationId)) continue;
    for (const link of links) link.reader.lossy("orphan_link", "invitation_id", `invitation ${invitationId} is not a main invitation here: not imported`);
  }
  for (const row of main) {
    let never = row.never;
    never = attachDepartments(row, departments.get(row.id) ?? []) || never;
    never = attachEvents(row, events.get(row.id) ?? [], variables.names) || never;
    attachVariations(row, mapped.filter((child) => child.parentId === row.id));
    if (never) row.invitation.enabled = false;
    if (row.invitation.message.trim() === "") {
      row.reader.lossy("empty_message", "message", "an invitation without a message shows nothing in LHC: not imported");
      row.invitation.enabled = false;
    }
  }
  reportRanking(main);
  const invitations = main
    .filter((row) => row.invitation.message.trim() !== "")
    .flatMap((row) => {
      const checked = validateImported(row);
      return checked === null ? [] : [ordered(checked)];
    });
  const definitions = checkDefinitions(variables.definitions, report);
  return { invitations, events: definitions, report: sortReport(report.entries) };
}

const TABLE_ORDER: readonly string[] = Object.values(LHC_TABLES);

/** Findings grouped by table and row (ids in numeric order), each row's in the order they were found. */
function sortReport(entries: LhcReportEntry[]): LhcReportEntry[] {
  const tableRank = (table: string | null): number => (table === null ? -1 : TABLE_ORDER.findIndex((name) => table.endsWith(name)));
  const rowRank = (rowId: string | null): number => {
    const n = Number(rowId ?? -1);
    return Number.isFinite(n) ? n : Number.MAX_VALUE;
  };
  return entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => tableRank(a.entry.table) - tableRank(b.entry.table) || rowRank(a.entry.rowId) - rowRank(b.entry.rowId) || a.index - b.index)
    .map(({ entry }) => entry);
}

function checkTimeZone(timeZone: unknown, report: LhcReport): string | undefined {
  if (timeZone === undefined) return undefined;
  if (typeof timeZone === "string" && isValidTimeZone(timeZone)) return timeZone;
  const message = `${JSON.stringify(timeZone)} is not an IANA time zone: schedules are imported without one`;
  report.add("lossy", "invalid_time_zone", { table: null, rowId: null, invitationId: null }, "timeZone", message);
  return undefined;
}

function readTables(rows: unknown, report: LhcReport): Record<(typeof TABLES)[number], readonly unknown[]> {
  const read = (name: (typeof TABLES)[number]): readonly unknown[] => {
    const value = typeof rows === "object" && rows !== null ? (rows as Record<string, unknown>)[name] : undefined;
    // A sparse array can claim 2³² − 1 rows and hold none: walking them would take minutes. No real table comes near.
    if (Array.isArray(value) && value.length <= MAX_TABLE_ROWS) return value;
    if (Array.isArray(value)) {
      const message = `more than ${MAX_TABLE_ROWS} rows (${value.length}): read as none`;
      report.add("lossy", "invalid_table", { table: TABLE_KEY[name], rowId: null, invitationId: null }, null, message);
      return [];
    }
    if (value !== undefined || name === "invitations") {
      const message = `expected the ${name} rows as an array, got ${value === undefined ? "nothing" : typeof value}: read as none`;
      report.add("lossy", "invalid_table", { table: TABLE_KEY[name], rowId: null, invitationId: null }, null, message);
    }
    return [];
  };
  return { invitations: read("invitations"), departments: read("departments"), events: read("events"), variables: read("variables") };
}

function mapRows(rows: readonly unknown[], timeZone: string | undefined, report: LhcReport): MappedRow[] {
  const seen = new Set<number>();
  return rows.flatMap((row, index) => {
    const place = { table: "invitation" as const, rowId: null, invitationId: null };
    if (typeof row !== "object" || row === null) {
      report.add("lossy", "invalid_row", place, null, `row ${index} is not an object: not imported`);
      return [];
    }
    const id = new RowReader(row as LhcRow, place, report).int("id", 0);
    if (id <= 0 || seen.has(id)) {
      const why = id <= 0 ? "has no positive id" : `repeats id ${id}`;
      report.add("lossy", "invalid_row", { ...place, rowId: id <= 0 ? null : String(id) }, "id", `row ${index} ${why}: not imported`);
      return [];
    }
    seen.add(id);
    return [mapInvitation(new RowReader(row as LhcRow, { table: "invitation", rowId: String(id), invitationId: String(id) }, report), timeZone)];
  });
}

function checkDefinitions(definitions: EventDefinition[], report: LhcReport): EventDefinition[] {
  const result = safeParseEventDefinitions(definitions);
  if (result.success) return result.data;
  const refused = new Set(result.error.issues.map((issue) => issue.path[0]));
  for (const issue of result.error.issues) {
    const name = definitions[issue.path[0] as number]?.name ?? null;
    report.add("lossy", "refused", { table: "variable", rowId: null, invitationId: null }, "identifier", `${JSON.stringify(name)}: beckon refuses it (${issue.message}): not imported`);
  }
  return definitions.filter((_, index) => !refused.has(index));
}

