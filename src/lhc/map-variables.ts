import type { EventDefinition } from "../types.js";
import type { LhcReport } from "./lhc-report.js";
import type { LhcRow } from "./lhc-types.js";
import { RowReader } from "./read-cell.js";

/** The event definitions, and each variable id's event name (for the event conditions that point at it). */
export interface MappedVariables {
  definitions: EventDefinition[];
  names: Map<number, string>;
}

/**
 * Maps `lh_abstract_proactive_chat_variables` rows onto event definitions: `identifier` → `name`, `store_timeout` →
 * `storeTimeoutSeconds`, `filter_val` → `filterByValue`. LHC matches identifiers exactly and lets the lowest id win
 * when two share one; beckon compares names ignoring case, so of names equal that way the lowest id is kept and the
 * others' conditions point at it.
 *
 * @example
 * mapVariables([{ id: 1, name: "Birthday", identifier: "birthday", store_timeout: 0, filter_val: 0 }], report).definitions
 * // => [{ name: "birthday", storeTimeoutSeconds: 0, filterByValue: false }]
 */
export function mapVariables(rows: readonly unknown[], report: LhcReport): MappedVariables {
  const readers = rows.flatMap((row, index) => {
    if (typeof row !== "object" || row === null) {
      report.add("lossy", "invalid_row", { table: "variable", rowId: null, invitationId: null }, null, `row ${index} is not an object: not imported`);
      return [];
    }
    const reader = new RowReader(row as LhcRow, { table: "variable", rowId: null, invitationId: null }, report);
    const id = reader.int("id");
    return [{ id, reader: new RowReader(row as LhcRow, { table: "variable", rowId: String(id), invitationId: null }, report) }];
  });
  readers.sort((a, b) => a.id - b.id);
  const definitions: EventDefinition[] = [];
  const names = new Map<number, string>();
  const byKey = new Map<string, string>();
  for (const { id, reader } of readers) {
    const identifier = reader.text("identifier");
    const storeTimeout = reader.int("store_timeout");
    const filter = reader.flag("filter_val");
    if (identifier.trim() === "") {
      reader.lossy("empty_identifier", "identifier", "a variable without an identifier can never be logged: not imported");
      continue;
    }
    const key = identifier.trim().toLowerCase();
    const kept = byKey.get(key);
    if (kept !== undefined) {
      const message = kept === identifier
        ? `identifier ${JSON.stringify(identifier)} is used by a variable with a lower id, which LHC uses: not imported`
        : `identifier ${JSON.stringify(identifier)} equals ${JSON.stringify(kept)} but for case, which beckon does not tell apart: not imported, its conditions count ${JSON.stringify(kept)}`;
      reader.lossy("duplicate_identifier", "identifier", message);
      names.set(id, kept);
      continue;
    }
    if (storeTimeout < 0) reader.lossy("invalid_number", "store_timeout", `${storeTimeout} is negative: imported as 0 (any record is refreshed)`);
    if (filter) {
      reader.difference("filter_by_value", "filter_val", "LHC applies the value filter only to events without a value (a valued event overwrites the record whatever its value); beckon keeps one record per value");
    }
    byKey.set(key, identifier);
    names.set(id, identifier);
    definitions.push({ name: identifier, storeTimeoutSeconds: Math.max(storeTimeout, 0), filterByValue: filter });
  }
  return { definitions, names };
}
