/** The quoted names of the three tables one adapter uses. */
export interface PostgresTables {
  visitors: string;
  counters: string;
  invitationSets: string;
  /** The index of visitors by namespace and last write (`updated_at`), which `purgeVisitors` walks. */
  visitorsByAge: string;
}

/** Letters, digits and `_`, not starting with a digit: a prefix that can never change what a statement means. */
const PLAIN_IDENTIFIER = /^(?:[A-Za-z_][A-Za-z0-9_]*)?$/;

/** PostgreSQL cuts identifiers at 63 bytes; the longest suffixes are "invitation_sets" and "visitors_by_age" (15). */
const MAX_PREFIX_LENGTH = 63 - "invitation_sets".length;

/**
 * The table (and index) names for a prefix, validated and double-quoted. Table names are interpolated into SQL (they cannot be
 * parameters), so anything but a plain identifier is refused here, at creation, rather than at the first query.
 * Quoting keeps the name exactly as written: "Beckon_" makes `"Beckon_visitors"`, not `beckon_visitors`.
 *
 * @example
 * postgresTables("beckon_").visitors // => '"beckon_visitors"'
 * postgresTables("x; drop table users") // throws TypeError
 */
export function postgresTables(prefix: string): PostgresTables {
  if (typeof prefix !== "string" || !PLAIN_IDENTIFIER.test(prefix) || prefix.length > MAX_PREFIX_LENGTH) {
    throw new TypeError(
      `beckon postgres storage: tablePrefix ${JSON.stringify(prefix)} must be letters, digits and "_", ` +
        `not start with a digit, and be at most ${MAX_PREFIX_LENGTH} characters`,
    );
  }
  return {
    visitors: `"${prefix}visitors"`,
    counters: `"${prefix}counters"`,
    invitationSets: `"${prefix}invitation_sets"`,
    visitorsByAge: `"${prefix}visitors_by_age"`,
  };
}
