/** The shapes `fromLhc` reads and returns (docs/migrating-from-lhc.md). */
import type { EventDefinition, Invitation } from "../types.js";

/** One row as it comes out of LHC's database: column name → value (numbers may arrive as strings). */
export type LhcRow = Readonly<Record<string, unknown>>;

/**
 * LHC's rows, one list per table: proactive invitations (`lh_abstract_proactive_chat_invitation`), their department
 * links (`…_invitation_dep`), their event conditions (`…_invitation_event`) and the proactive chat variables
 * (`lh_abstract_proactive_chat_variables`).
 */
export interface LhcRows {
  invitations: readonly LhcRow[];
  departments?: readonly LhcRow[];
  events?: readonly LhcRow[];
  variables?: readonly LhcRow[];
}

/** How the rows are read. */
export interface FromLhcOptions {
  /**
   * The IANA time zone LHC's server runs its schedules in (the site time zone, which must equal the database's).
   * Weekly and annual schedules need it; without it they are imported without a zone and reported.
   */
  timeZone?: string;
  /** The table prefix, used to name tables in the report. @default "lh_" */
  prefix?: string;
}

/**
 * `lossy`: a row or column that could not be carried over exactly, and what was done instead. `difference`: carried
 * over, but LHC behaves differently from beckon for this invitation in a way worth knowing.
 */
export type LhcReportKind = "lossy" | "difference";

/** One finding of the import, naming the table, the row id and the column it comes from. */
export interface LhcReportEntry {
  kind: LhcReportKind;
  code: string;
  /** The table, with its prefix (`lh_abstract_proactive_chat_invitation`); `null` for the options. */
  table: string | null;
  /** The row's `id` as text; `null` when the row has none or the finding is about a whole table. */
  rowId: string | null;
  column: string | null;
  /** The beckon invitation the finding concerns, when there is one. */
  invitationId: string | null;
  message: string;
}

/** What `fromLhc` returns: data that passes `parseInvitations` / `parseEventDefinitions`, and the report. */
export interface FromLhcResult {
  invitations: Invitation[];
  events: EventDefinition[];
  report: LhcReportEntry[];
}
