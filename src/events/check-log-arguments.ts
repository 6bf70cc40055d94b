import { checkNumber, NOT_AN_INSTANT } from "../config/check-number.js";
import { ConfigError } from "../config/config-error.js";
import { MAX_VISITOR_EVENTS } from "../config/visitor-limits.js";

/**
 * Refuses, before anything walks the log or reads the clock, an instant `now` that is not a number (see
 * `checkNumber`) and an event log longer than `MAX_VISITOR_EVENTS` (the bound every snapshot's log keeps): a sparse
 * array can claim 2³² − 1 records and hold none.
 *
 * @example
 * checkLogArguments([], 0) // returns; a log past the bound throws ConfigError (too_big at ["log"])
 */
export function checkLogArguments(log: readonly unknown[], now: number): void {
  checkNumber(now, "now", NOT_AN_INSTANT, "arguments");
  if (log.length <= MAX_VISITOR_EVENTS) return;
  const message = `expected at most ${MAX_VISITOR_EVENTS} records, got ${log.length}`;
  throw new ConfigError([{ code: "too_big", path: ["log"], message }], "arguments");
}
