import { ConfigError } from "../config/config-error.js";
import { MAX_VISITOR_EVENTS } from "../config/visitor-limits.js";

/**
 * Refuses an event log longer than `MAX_VISITOR_EVENTS` (the bound every snapshot's log keeps), judged before
 * anything walks it: a sparse array can claim 2³² − 1 records and hold none.
 *
 * @example
 * checkLogLength([]) // returns; a log past the bound throws ConfigError (too_big at ["log"])
 */
export function checkLogLength(log: readonly unknown[]): void {
  if (log.length <= MAX_VISITOR_EVENTS) return;
  const message = `expected at most ${MAX_VISITOR_EVENTS} records, got ${log.length}`;
  throw new ConfigError([{ code: "too_big", path: ["log"], message }], "arguments");
}
