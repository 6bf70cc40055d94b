import type { EventDefinition } from "../types.js";
import { safeParseEventDefinitions } from "./safe-parse-event-definitions.js";

/**
 * Validates a list of event definitions (docs/api.md: Events) and returns a fresh deep copy, or throws a `ConfigError` whose
 * `issues` list every problem at once, each with its path from the input root.
 *
 * @example
 * parseEventDefinitions([{ name: "login_failed", storeTimeoutSeconds: 1 }])
 * // => [{ name: "login_failed", storeTimeoutSeconds: 1 }]
 * parseEventDefinitions([{ name: "birthday", storeTimeout: 0 }])
 * // throws ConfigError: Invalid event definitions, 1 problem:
 * //   - [0].storeTimeout: unknown key "storeTimeout" (unknown_key)
 */
export function parseEventDefinitions(input: unknown): EventDefinition[] {
  const result = safeParseEventDefinitions(input);
  if (!result.success) throw result.error;
  return result.data;
}
