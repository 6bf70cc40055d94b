/**
 * Every configuration issue code, as a closed list: each `ConfigIssue.code` is one of these.
 */
export const ISSUE_CODES = [
  // Shape
  "invalid_type",
  "required",
  "unknown_key",
  "invalid_value",
  "not_integer",
  "negative_number",
  "too_small",
  "too_big",
  "empty_string",
  // Identity
  "duplicate_id",
  "duplicate_variation_id",
  "duplicate_locale",
  // Kinds and triggers
  "dynamic_without_trigger",
  "trigger_without_dynamic",
  "events_with_dynamic",
  // Schedules
  "invalid_time_zone",
  "invalid_time",
  "invalid_date",
  "empty_window",
  "period_end_before_start",
  // Patterns and templates
  "invalid_glob",
  "invalid_regex",
  "unsafe_regex",
  "malformed_placeholder",
  "relative_time_not_allowed",
  "invalid_locale",
] as const;

/** One of {@link ISSUE_CODES}. */
export type IssueCode = (typeof ISSUE_CODES)[number];
