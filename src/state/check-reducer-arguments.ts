import { MAX_VISITOR_LIST_LENGTH } from "../config/visitor-limits.js";
import { ConfigError } from "../config/config-error.js";
import type { InvitationState } from "../types.js";

const LISTS = ["sessionExcluded", "seenOnce", "conversions", "conversionTallies"] as const;

/**
 * Refuses, before a reducer walks it, a state that is not an object, or whose lists are longer than `MAX_VISITOR_LIST_LENGTH` (the bound
 * `parseState` holds them to): a sparse array can claim 2³² − 1 items and hold none, and copying one would never end.
 * The reducers take states `parseState` accepts; this is the one check they make themselves, because it is the one
 * whose failure would be a hang rather than an error.
 *
 * @example
 * The instant must be a number too (`NaN` is one, and fails closed where it is compared): anything else would be
 * converted to text where it is added to, and a long array as `now` takes as long to write out as it is long.
 *
 * @example
 * checkReducerArguments(emptyState(), 0) // returns; a list past the bound throws ConfigError (too_big at its path)
 */
export function checkReducerArguments(state: InvitationState, now?: number): void {
  if (now !== undefined && typeof now !== "number") {
    throw new ConfigError([{ code: "invalid_type", path: ["now"], message: "expected epoch ms as a number" }], "arguments");
  }
  // A string would be spread into an object of one key per character: ten million characters, ten million keys.
  if (typeof state !== "object" || state === null || Array.isArray(state)) {
    throw new ConfigError([{ code: "invalid_type", path: [], message: "expected a state object" }], "state");
  }
  for (const key of LISTS) {
    const list: unknown = state[key];
    if (Array.isArray(list) && list.length > MAX_VISITOR_LIST_LENGTH) {
      const message = `expected a list of at most ${MAX_VISITOR_LIST_LENGTH} items, got ${list.length}`;
      throw new ConfigError([{ code: "too_big", path: [key], message }], "state");
    }
  }
}
