import { normalizeText } from "../conditions/text.js";
import type { ConfigIssue } from "./config-error.js";
import { CONFIG_LIMITS } from "./config-limits.js";
import type { EventDefinition } from "../types.js";
import { eventDefinitionsSchema } from "./event-definition-schema.js";
import { ownProperty } from "./own-property.js";
import { parseWithSchema } from "./parse-with-schema.js";
import type { SafeParseResult } from "./safe-parse-result.js";

/**
 * Validates a list of event definitions (docs/api.md: Events) without throwing: every problem is listed in `error.issues`. Names
 * must be unique after trimming and lower-casing, the rule `recordEvent` and evaluation compare names by; the later
 * one is reported as `duplicate_id`. The data is a fresh deep copy; no default is filled in.
 *
 * @example
 * safeParseEventDefinitions([{ name: "birthday", storeTimeoutSeconds: 0 }])
 * // => { success: true, data: [{ name: "birthday", storeTimeoutSeconds: 0 }] }
 * safeParseEventDefinitions([{ name: "birthday" }, { name: " Birthday" }]).error.issues
 * // => [{ code: "duplicate_id", path: [1, "name"], message: "…" }]
 */
export function safeParseEventDefinitions(input: unknown): SafeParseResult<EventDefinition[]> {
  return parseWithSchema(eventDefinitionsSchema, input, "event definitions", checkUniqueNames, CONFIG_LIMITS);
}

const SAME_NAME = "names are compared trimmed and case-insensitively";

/**
 * The rule of the event definitions: a name used by an earlier definition is a `duplicate_id` at the later one. Runs
 * on the raw input next to the schema, so a duplicate is reported together with any structural problem.
 *
 * @example
 * checkUniqueNames([{ name: "a" }, { name: " A" }]) // => [{ code: "duplicate_id", path: [1, "name"], message: "…" }]
 */
export function checkUniqueNames(input: unknown): ConfigIssue[] {
  if (!Array.isArray(input)) return [];
  const seen = new Set<string>();
  return input.flatMap((definition: unknown, index): ConfigIssue[] => {
    const name = ownProperty(definition, "name");
    // A blank name is the schema's `empty_string`; it names nothing a duplicate could clash with.
    if (typeof name !== "string" || name.trim() === "") return [];
    const key = normalizeText(name);
    if (!seen.has(key)) {
      seen.add(key);
      return [];
    }
    const message = `name ${JSON.stringify(name)} is already used by an earlier definition (${SAME_NAME})`;
    return [{ code: "duplicate_id", path: [index, "name"], message }];
  });
}
