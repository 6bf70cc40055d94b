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
 * The most items a list or map in a visitor snapshot may hold: 1 000. It applies to `tags`, the keys of
 * `attributes` and of `visibleAttributes`, and the lists of `state` (`sessionExcluded`, `seenOnce`, `conversions`,
 * `conversionTallies`); the event log has its own bound, {@link MAX_VISITOR_EVENTS}. The same in `parseVisitor` /
 * `parseState` (`too_big` at the list's path) and in `evaluate` / `explain` (`invalid_visitor`). A list's length is
 * judged before its items are read: a sparse array can claim 2³² − 1 items and hold none. Real snapshots stay far
 * below it, and it keeps one evaluation under a millisecond (10 000 tags cost ≈ 2.4 ms, 1 000 ≈ 0.07 ms).
 *
 * @example
 * safeParseVisitor({ id: "v1", tags: new Array(MAX_VISITOR_LIST_LENGTH + 1).fill("x") }).success // => false
 */
export const MAX_VISITOR_LIST_LENGTH = 1_000;

/**
 * The most records a visitor's event log (`events`) may hold: 10 000, the same in `parseVisitor` (`too_big`) and
 * `evaluate` (`invalid_visitor`). Evaluation reads only the records of names a ruleset counts, so a log costs little
 * per record; `pruneEvents` keeps a stored log far smaller.
 *
 * @example
 * safeParseVisitor({ id: "v1", events: new Array(MAX_VISITOR_EVENTS + 1).fill({ name: "a", at: 0 }) }).success // => false
 */
export const MAX_VISITOR_EVENTS = 10_000;

/**
 * The bounds the parse functions of visitors and states read input with: any list longer than the longest a snapshot
 * may hold is refused before its items are read; the schemas hold each list to its own bound.
 */
export const VISITOR_LIMITS: ReadLimits = {
  maxStringLength: MAX_VISITOR_STRING_LENGTH,
  maxListLength: MAX_VISITOR_EVENTS,
  // A snapshot at every bound holds under 100 000 values; more is not a visitor, whatever its shape.
  maxValues: 262_144,
};
