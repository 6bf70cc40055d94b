import type { ReadLimits } from "./read-plain.js";

/**
 * The longest string a visitor snapshot may hold, in UTF-16 code units (JavaScript's `length`): 8 192. It applies to
 * every string in a snapshot — `id`, `url`, `previousUrl`, `referrer`, `language`, `locale`, `identifier`,
 * `department`, each tag, each key and string value of `attributes` and `visibleAttributes`, event names and
 * values, `chat.nick`, and the strings of `state` — and is the same in `parseVisitor` / `parseState` (an issue
 * `too_big` at the string's path) and in `evaluate` / `explain` (a `"none"` decision with reason
 * `invalid_visitor`). Real URLs stay well below it (browsers and servers cut them at 2 000 to 8 000), and a bound
 * on every string keeps each evaluation's work bounded whatever a visitor sends.
 *
 * @example
 * parseVisitor({ id: "v1", url: "/" + "a".repeat(MAX_VISITOR_STRING_LENGTH) })
 * // throws ConfigError: - url: expected a string of at most 8192 UTF-16 code units, got 8193 (too_big)
 * evaluate(ruleset, { id: "v1", url: "/" + "a".repeat(MAX_VISITOR_STRING_LENGTH) }, now).reason
 * // => "invalid_visitor"
 */
export const MAX_VISITOR_STRING_LENGTH = 8_192;

/**
 * The most items a list in a visitor snapshot may hold: 10 000. It applies to `tags`, `events` and the lists of
 * `state` (`sessionExcluded`, `seenOnce`, `conversions`, `conversionTallies`), the same in `parseVisitor` /
 * `parseState` (`too_big` at the list's path) and in `evaluate` / `explain` (`invalid_visitor`). Together with
 * {@link MAX_VISITOR_STRING_LENGTH} it bounds what one evaluation reads: a sparse array can claim a length of 2³² − 1
 * while holding nothing, and reading it would never end. Real snapshots stay far below it (`pruneEvents` keeps 100
 * records per event name by default).
 *
 * @example
 * safeParseVisitor({ id: "v1", tags: new Array(MAX_VISITOR_LIST_LENGTH + 1).fill("x") }).success // => false
 */
export const MAX_VISITOR_LIST_LENGTH = 10_000;

/** Both bounds, as the parse functions of visitors and states apply them. */
export const VISITOR_LIMITS: ReadLimits = {
  maxStringLength: MAX_VISITOR_STRING_LENGTH,
  maxListLength: MAX_VISITOR_LIST_LENGTH,
};
