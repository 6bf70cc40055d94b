import type { OperatorConfig, Translation } from "../types.js";
import type { DesignData } from "./design-data.js";
import { mapTranslations } from "./map-translations.js";
import type { RowReader } from "./read-cell.js";

/** The texts and sender of one row: what a variation may replace ("only main display attributes"). */
export interface MappedContent {
  message: string;
  returningMessage: string;
  returningNick: string;
  operator: OperatorConfig;
  translations: Record<string, Translation> | undefined;
}

/**
 * Reads an invitation row's content: `message`, `message_returning`, `message_returning_nick`, `operator_name`,
 * `show_random_operator`, `operator_ids` and the `*_lang` translations of `design_data`.
 *
 * @example
 * mapContent(reader, data).operator // operator_name = "Rita", show_random_operator = 1, operator_ids = "3, 5"
 * // => { name: "Rita", random: true, operatorIds: ["3", "5"] }
 */
export function mapContent(reader: RowReader, data: DesignData): MappedContent {
  const operator: OperatorConfig = {};
  const name = reader.text("operator_name");
  if (name !== "") operator.name = name;
  if (reader.flag("show_random_operator")) operator.random = true;
  const ids = splitList(reader.text("operator_ids"));
  if (ids.length > 0) operator.operatorIds = ids;
  return {
    message: reader.text("message"),
    returningMessage: reader.text("message_returning"),
    returningNick: reader.text("message_returning_nick"),
    operator,
    translations: mapTranslations(data),
  };
}

/**
 * A comma-separated id list, trimmed, blanks dropped.
 *
 * @example
 * splitList("3, 5,") // => ["3", "5"]
 */
export function splitList(text: string): string[] {
  return text
    .split(",")
    .map((id) => id.trim())
    .filter((id) => id !== "");
}
