import { checkNumber, NOT_AN_INSTANT } from "../config/check-number.js";
import { MAX_VISITOR_LIST_LENGTH } from "../config/visitor-limits.js";
import { ConfigError, type ConfigIssue } from "../config/config-error.js";
import type { ConversionRecord, ConversionTally, CurrentInvitation, InvitationState } from "../types.js";
import type { ListsEvery } from "../lib/lists-every.js";

const LISTS = ["sessionExcluded", "seenOnce", "conversions", "conversionTallies"] as const;

/** The keys of `T` whose values are numbers (absent or not). */
type NumberKeys<T> = { [K in keyof T]-?: NonNullable<T[K]> extends number ? K : never }[keyof T];


// The number fields of the state, which the reducers compare and add to (the version `v` only parseState reads); a
// field added to a state type and not here fails to compile.
const STATE_NUMBERS = ["suppressedUntil"] as const;
const CURRENT_NUMBERS = ["assignedAt", "shownPageviews", "closedAt", "expiresAt"] as const;
const RECORD_NUMBERS = ["sentAt", "expiresAt", "convertedAt"] as const;
const TALLY_NUMBERS = ["sent", "shown", "closed", "chatStarted", "converted"] as const;
true satisfies ListsEvery<NumberKeys<Omit<InvitationState, "v">>, (typeof STATE_NUMBERS)[number]>;
true satisfies ListsEvery<NumberKeys<CurrentInvitation>, (typeof CURRENT_NUMBERS)[number]>;
true satisfies ListsEvery<NumberKeys<ConversionRecord>, (typeof RECORD_NUMBERS)[number]>;
true satisfies ListsEvery<NumberKeys<ConversionTally>, (typeof TALLY_NUMBERS)[number]>;

/**
 * Refuses, before a reducer walks it, what would make the reducer hang rather than fail: an instant `now` that is not
 * a number, a state that is not an object, a list longer than `MAX_VISITOR_LIST_LENGTH` (the bound `parseState` holds
 * lists to: a sparse array can claim 2³² − 1 items and hold none, and copying one would never end), and anything but
 * a number in a number field. The reducers compare and add to those fields, which converts an object there to text
 * first, and an array that shares its parts (one array nested in itself along 2²⁴ paths) takes exponentially long
 * to write out. Each such field is listed in the ConfigError with its path. The reducers take states `parseState`
 * accepts; these are the only checks they make themselves. `NaN` is a number, and fails closed where it is compared.
 *
 * @example
 * checkReducerArguments(emptyState(), 0) // returns; a list past the bound throws ConfigError (too_big at its path)
 * checkReducerArguments({ ...emptyState(), suppressedUntil: "soon" }, 0) // throws ConfigError (invalid_type at ["suppressedUntil"])
 */
export function checkReducerArguments(state: InvitationState, now?: number): void {
  if (now !== undefined) checkNumber(now, "now", NOT_AN_INSTANT, "arguments");
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
  const issues: ConfigIssue[] = [];
  checkNumbers(state, STATE_NUMBERS, [], issues);
  checkNumbers(state.current, CURRENT_NUMBERS, ["current"], issues);
  checkItems(state.conversions, "conversions", RECORD_NUMBERS, issues);
  checkItems(state.conversionTallies, "conversionTallies", TALLY_NUMBERS, issues);
  if (issues.length > 0) throw new ConfigError(issues, "state");
}

/** Notes each of `keys` that `value` holds something other than a number in (absent is fine). */
function checkNumbers(value: unknown, keys: readonly string[], path: (string | number)[], issues: ConfigIssue[]): void {
  if (typeof value !== "object" || value === null) return;
  for (const key of keys) {
    const field: unknown = (value as Record<string, unknown>)[key];
    if (field !== undefined && typeof field !== "number") issues.push({ code: "invalid_type", path: [...path, key], message: "expected a number" });
  }
}

/** {@link checkNumbers} for every item of a list (its length checked already). */
function checkItems(list: unknown, key: string, keys: readonly string[], issues: ConfigIssue[]): void {
  if (!Array.isArray(list)) return;
  for (let i = 0; i < list.length; i++) checkNumbers(list[i], keys, [key, i], issues);
}
