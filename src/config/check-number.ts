import { ConfigError } from "./config-error.js";

/**
 * Refuses an argument or option that must be a number and is not, with a ConfigError naming it (`key`) under `what`,
 * before anything adds to it or compares it: anything else would be converted to text first, and an array that
 * shares its parts (one array nested in itself along 2²⁴ paths) takes exponentially long to write out. `NaN` is a
 * number, and fails closed where it is compared.
 *
 * @example
 * checkNumber(60, "maxPerName", "expected a number of records", "options") // returns
 * checkNumber("60", "maxPerName", "expected a number of records", "options") // throws ConfigError (invalid_type at ["maxPerName"])
 */
export function checkNumber(value: unknown, key: string, message: string, what: string): asserts value is number {
  if (typeof value !== "number") throw new ConfigError([{ code: "invalid_type", path: [key], message }], what);
}

/** The message for an instant `now` that is not a number. */
export const NOT_AN_INSTANT = "expected epoch ms as a number";
