import { ConfigError } from "./config-error.js";

/**
 * Refuses an instant `now` that is not a number (`NaN` is one, and fails closed where it is compared), before a
 * function adds to it or compares it: anything else would be converted to text first, and an array that shares its
 * parts (one array nested in itself along 2²⁴ paths) takes exponentially long to write out.
 *
 * @example
 * checkInstant(Date.now()) // returns; checkInstant("now") throws ConfigError (invalid_type at ["now"])
 */
export function checkInstant(now: unknown): void {
  if (typeof now !== "number") {
    throw new ConfigError([{ code: "invalid_type", path: ["now"], message: "expected epoch ms as a number" }], "arguments");
  }
}
