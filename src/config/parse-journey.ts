import type { Journey } from "./journey-schema.js";
import { safeParseJourney } from "./safe-parse-journey.js";

/**
 * Validates a journey (docs/journey.md) and returns a fresh deep copy, or throws a `ConfigError` listing every
 * problem with its path.
 *
 * @example
 * parseJourney({ start: 0, visitor: { id: "v1" }, steps: [{ do: "page", url: "/pricing" }] }) // => the same, copied
 * parseJourney({ start: 0, visitor: { id: "v1" }, steps: [{ do: "jump" }] })
 * // throws ConfigError: Invalid journey, 1 problem:
 * //   - steps[0].do: expected one of "wait", "page", …, got "jump" (invalid_value)
 */
export function parseJourney(input: unknown): Journey {
  const result = safeParseJourney(input);
  if (!result.success) throw result.error;
  return result.data;
}
