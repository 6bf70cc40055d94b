import { INVITATION_FIELD_NAMES } from "../fields.js";
import type { EventCondition, Invitation, Variation } from "../types.js";
import type { LhcReport } from "./lhc-report.js";
import type { LhcRow } from "./lhc-types.js";
import type { MappedRow } from "./map-invitation.js";
import { RowReader } from "./read-cell.js";

/** A link row (`…_dep` or `…_event`) read, with the invitation it points at. */
export interface LinkRow {
  invitationId: number;
  reader: RowReader;
}

/**
 * Reads the rows of a link table, grouped by `invitation_id`. A row that is not an object is reported and skipped.
 *
 * @example
 * groupLinks([{ id: 1, invitation_id: 7, dep_id: 2 }], "department", report).get(7)?.length // => 1
 */
export function groupLinks(rows: readonly unknown[], table: "department" | "event", report: LhcReport): Map<number, LinkRow[]> {
  const groups = new Map<number, LinkRow[]>();
  rows.forEach((row, index) => {
    if (typeof row !== "object" || row === null) {
      report.add("lossy", "invalid_row", { table, rowId: null, invitationId: null }, null, `row ${index} is not an object: not imported`);
      return;
    }
    const probe = new RowReader(row as LhcRow, { table, rowId: null, invitationId: null }, report);
    const rowId = probe.raw("id");
    const invitationId = probe.int("invitation_id");
    const place = { table, rowId: rowId === undefined || rowId === null ? null : String(rowId), invitationId: String(invitationId) };
    const link = { invitationId, reader: new RowReader(row as LhcRow, place, report) };
    groups.set(invitationId, [...(groups.get(invitationId) ?? []), link]);
  });
  return groups;
}

/**
 * `dep_id` with the department table: 0 is any department (the table is then ignored, as LHC's query does); otherwise
 * the listed departments and a positive `dep_id`. Answers whether no department can ever match.
 *
 * @example
 * attachDepartments(row, links) // dep_id 7, links to departments 4 → row.invitation.departments = [7, 4]; => false
 */
export function attachDepartments(row: MappedRow, links: readonly LinkRow[]): boolean {
  const inv = row.invitation;
  if (row.depId === 0) {
    for (const link of links) {
      link.reader.lossy("ignored_department", "dep_id", "the invitation's dep_id is 0 (any department), so LHC ignores its department list: not imported");
    }
    return false;
  }
  const departments = new Set<number>(row.depId > 0 ? [row.depId] : []);
  for (const link of links) departments.add(link.reader.int("dep_id"));
  if (departments.size === 0) {
    row.reader.lossy("no_department", "dep_id", `${row.depId} asks for the department list, which is empty: LHC never shows it, so it is imported disabled`);
    return true;
  }
  inv.departments = [...departments];
  return false;
}

/**
 * Event conditions; answers whether one points at a variable that does not exist (LHC never satisfies it).
 *
 * @example
 * attachEvents(row, links, names) // event_id 2 ("login_failed"), min 5, during 1800
 * // row.invitation.events = [{ event: "login_failed", minCount: 5, withinSeconds: 1800 }]; => false
 */
export function attachEvents(row: MappedRow, links: readonly LinkRow[], names: ReadonlyMap<number, string>): boolean {
  if (links.length === 0) return false;
  if (row.kind !== "standard" || !row.eventFlag) {
    const why = row.kind !== "standard"
      ? `LHC ignores event conditions on ${row.kind === "dynamic" ? "dynamic" : "HTML-injection"} invitations`
      : "the invitation's event_invitation flag is 0, so LHC never checks them when selecting";
    for (const link of links) link.reader.lossy("ignored_event_condition", "invitation_id", `${why}: not imported`);
    return false;
  }
  let never = false;
  const events: EventCondition[] = [];
  for (const { reader } of links) {
    const variable = reader.int("event_id");
    const name = names.get(variable);
    if (name === undefined) {
      reader.lossy("unknown_variable", "event_id", `${variable} is no proactive chat variable, so LHC never satisfies the condition: the invitation is imported disabled`);
      never = true;
      continue;
    }
    const condition: EventCondition = { event: name, minCount: Math.max(reader.int("min_number"), 1) };
    const within = reader.int("during_seconds");
    if (within > 0) condition.withinSeconds = within;
    events.push(condition);
  }
  if (events.length > 0) {
    row.invitation.events = events;
    const message = "LHC needs more than min_number records when a page loads but min_number when the event is logged; beckon needs minCount on every path (the birthday example stays eligible all day)";
    row.reader.difference("event_threshold", null, message);
  }
  return never;
}

/**
 * The enabled rows whose `parent_id` is this invitation become its variations ("only main display attributes are
 * taken as variation"), each picked with the same weight as the invitation itself.
 *
 * @example
 * attachVariations(row, [child]) // child 14 with message "Our team is here"
 * // row.invitation.variations = [{ id: "14", message: "Our team is here" }]
 */
export function attachVariations(row: MappedRow, children: readonly MappedRow[]): void {
  const variations: Variation[] = [];
  const parent = row.invitation;
  for (const child of children) {
    if (child.invitation.enabled === false) {
      child.reader.lossy("disabled_variation", "disabled", `a disabled variation of invitation ${row.id} is never shown by LHC: not imported`);
      continue;
    }
    const { content } = child;
    const variation: Variation = { id: String(child.id), message: content.message };
    // LHC takes every text from the variation's row: set what would otherwise fall back to the invitation's.
    if (content.returningMessage !== "" || parent.returningMessage !== undefined) variation.returningMessage = content.returningMessage;
    if (content.returningNick !== "" || parent.returningNick !== undefined) variation.returningNick = content.returningNick;
    if (Object.keys(content.operator).length > 0 || parent.operator !== undefined) {
      variation.operator = { name: content.operator.name ?? "", random: content.operator.random ?? false, operatorIds: content.operator.operatorIds ?? [] };
    }
    if (content.translations !== undefined) variation.translations = content.translations;
    if (content.message.trim() === "") {
      child.reader.lossy("empty_message", "message", "the variation has no message (LHC would show an empty one): it shows the invitation's message instead");
      delete variation.message;
    }
    for (const field of ["cooldownSeconds", "expiresAfterSeconds"] as const) {
      if (child.invitation[field] !== parent[field]) {
        child.reader.difference("variation_lifecycle", "design_data", `its ${field === "cooldownSeconds" ? "next_inv_time" : "expires_after"} differs from the invitation's: LHC applies the variation's, beckon the invitation's`);
      }
    }
    variations.push(variation);
  }
  if (variations.length === 0) return;
  parent.variations = variations;
  row.reader.difference("variation_pick", null, "LHC draws the variation at random on every assignment; beckon picks one by a hash of the visitor id, so a visitor keeps the same one");
}

/**
 * The invitation with its keys in the interface's order (the field table's, `INVITATION_FIELD_NAMES`), so imported
 * files read like hand-written ones; a field the table has is never dropped.
 *
 * @example
 * Object.keys(ordered({ message: "Hi", id: "1" })) // => ["id", "message"]
 */
export function ordered(invitation: Invitation): Invitation {
  const out: Record<string, unknown> = {};
  for (const key of INVITATION_FIELD_NAMES) if (invitation[key] !== undefined) out[key] = invitation[key];
  return out as unknown as Invitation;
}
