import type { LhcReportEntry, LhcReportKind } from "./lhc-types.js";

/** LHC's tables, without their prefix. */
export const LHC_TABLES = {
  invitation: "abstract_proactive_chat_invitation",
  department: "abstract_proactive_chat_invitation_dep",
  event: "abstract_proactive_chat_invitation_event",
  variable: "abstract_proactive_chat_variables",
} as const;

/** Which of LHC's tables a finding comes from. */
export type LhcTableKey = keyof typeof LHC_TABLES;

/** Where a finding comes from: a table (`null` for the options), a row id, a column, an invitation. */
export interface Place {
  table: LhcTableKey | null;
  rowId: string | null;
  invitationId: string | null;
}

/**
 * Collects the findings of one import, each naming its table (with the prefix), row and column.
 *
 * @example
 * const report = new LhcReport("lh_");
 * report.add("lossy", "invalid_number", { table: "invitation", rowId: "7", invitationId: "7" }, "position", "…");
 * report.entries[0].table // => "lh_abstract_proactive_chat_invitation"
 */
export class LhcReport {
  readonly entries: LhcReportEntry[] = [];

  constructor(private readonly prefix: string) {}

  add(kind: LhcReportKind, code: string, place: Place, column: string | null, message: string): void {
    const table = place.table === null ? null : `${this.prefix}${LHC_TABLES[place.table]}`;
    this.entries.push({ kind, code, table, rowId: place.rowId, column, invitationId: place.invitationId, message });
  }
}
