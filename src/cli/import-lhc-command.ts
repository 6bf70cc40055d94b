import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { fromLhc, type FromLhcResult, type LhcReportEntry, type LhcRows } from "../lhc/index.js";
import { EXIT, InputError, UsageError, type CliIo } from "./io.js";
import { paint } from "./paint.js";
import { readJson } from "./read-json.js";
import { readLhcDatabase } from "./read-lhc-database.js";

/** The options of `beckon import-lhc`. */
export interface ImportLhcOptions {
  mysql?: string;
  rows?: string;
  prefix?: string;
  timeZone?: string;
  out?: string;
  eventsOut?: string;
  strict?: boolean;
  json?: boolean;
}

/** The report as `--json` prints it: what was imported and written, and every report entry. */
export interface ImportLhcReport {
  invitations: number;
  eventDefinitions: number;
  invitationRows: number;
  written: string[];
  report: LhcReportEntry[];
}

/**
 * `beckon import-lhc`: reads Live Helper Chat's proactive invitations from a live MySQL/MariaDB (`--mysql`) or from
 * its rows exported as JSON (`--rows`), imports them with `fromLhc`, writes the invitations (`--out`, else standard
 * output) and event definitions (`--events-out`), and prints the report (as JSON with `--json`). Exit code 0, or 1
 * with `--strict` when anything could not be carried over exactly.
 *
 * @example
 * await importLhcCommand(io, { rows: "lhc-rows.json", out: "invitations.json", timeZone: "Europe/Vilnius" }) // => 0
 */
export async function importLhcCommand(io: CliIo, options: ImportLhcOptions): Promise<number> {
  if ((options.mysql === undefined) === (options.rows === undefined)) {
    throw new UsageError("give exactly one source: --mysql <url> (a live LHC database) or --rows <rows.json> (its rows as JSON)");
  }
  if (options.out !== undefined && options.eventsOut !== undefined && resolve(options.out) === resolve(options.eventsOut)) {
    throw new UsageError(`--out and --events-out name the same file (${options.out}): the events would be written over the invitations`);
  }
  if (options.timeZone !== undefined && !isTimeZone(options.timeZone)) {
    throw new UsageError(`--time-zone must be an IANA time zone such as Europe/Vilnius, not ${JSON.stringify(options.timeZone)}`);
  }
  const prefix = options.prefix ?? "lh_";
  const rows = options.mysql !== undefined ? await readLhcDatabase(options.mysql, prefix) : await readRows(io, options.rows as string);
  const result = fromLhc(rows, { prefix, ...(options.timeZone === undefined ? {} : { timeZone: options.timeZone }) });
  const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;
  if (options.out !== undefined) await write(options.out, json(result.invitations));
  if (options.eventsOut !== undefined) await write(options.eventsOut, json(result.events));
  // Without --out the invitations are the output, so the report goes to standard error.
  const print = options.out === undefined ? io.err : io.out;
  if (options.out === undefined) io.out(json(result.invitations));
  print(options.json === true ? json(reportData(result, rows, options)) : reportText(result, rows, options, io.colour));
  const lossy = result.report.filter((entry) => entry.kind === "lossy").length;
  return options.strict === true && lossy > 0 ? EXIT.findings : EXIT.ok;
}

async function readRows(io: CliIo, path: string): Promise<LhcRows> {
  const value = await readJson(io, path);
  if (typeof value !== "object" || value === null || !Array.isArray((value as { invitations?: unknown }).invitations)) {
    throw new InputError(`${path}: expected { "invitations": [...], "departments": [...], "events": [...], "variables": [...] } (LHC's rows by table)`);
  }
  return value as LhcRows;
}

async function write(path: string, text: string): Promise<void> {
  try {
    await writeFile(path, text);
  } catch (error) {
    throw new InputError(`${path}: cannot be written (${(error as Error).message})`);
  }
}

function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone });
    return true;
  } catch {
    return false;
  }
}

function reportData(result: FromLhcResult, rows: LhcRows, options: ImportLhcOptions): ImportLhcReport {
  return {
    invitations: result.invitations.length,
    eventDefinitions: result.events.length,
    invitationRows: Array.isArray(rows.invitations) ? rows.invitations.length : 0,
    written: [options.out, options.eventsOut].filter((path) => path !== undefined),
    report: result.report,
  };
}

/** The report as text: a summary line, then what was not carried over exactly, then what LHC does differently. */
function reportText(result: FromLhcResult, rows: LhcRows, options: ImportLhcOptions, colour: boolean): string {
  const { bad, good, strong, dim } = paint(colour);
  const lossy = result.report.filter((entry) => entry.kind === "lossy");
  const differences = result.report.filter((entry) => entry.kind === "difference");
  const rowCount = Array.isArray(rows.invitations) ? rows.invitations.length : 0;
  const written = [options.out, options.eventsOut].filter((path) => path !== undefined).join(" and ");
  const lines = [
    strong(`Imported ${count(result.invitations.length, "invitation")} and ${count(result.events.length, "event definition")} from ${count(rowCount, "invitation row")}${written === "" ? "" : ` (written to ${written})`}.`),
  ];
  if (lossy.length > 0) lines.push("", bad(`Not carried over exactly (${lossy.length}):`), ...lossy.map((entry) => line(entry, dim)));
  if (differences.length > 0) lines.push("", strong(`LHC behaves differently (${differences.length}):`), ...differences.map((entry) => line(entry, dim)));
  if (lossy.length === 0) lines.push("", good("Everything was carried over."));
  return `${lines.join("\n")}\n`;
}

function line(entry: LhcReportEntry, dim: (text: string) => string): string {
  const where = [entry.table ?? "options", entry.rowId === null ? "" : ` #${entry.rowId}`, entry.column === null ? "" : ` ${entry.column}`].join("");
  return `  ${where}: ${entry.message} ${dim(`(${entry.code})`)}`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
