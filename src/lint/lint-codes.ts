/**
 * Every finding code of `lintInvitations`, as a closed list. The configuration is valid and evaluates as documented;
 * a finding says it probably does not do what its author meant (docs/lint.md: each code with an example).
 */
export const LINT_CODES = [
  "placeholder_in_url",
  "placeholder_in_unquoted_attribute",
  "placeholder_in_event_handler",
  "placeholder_in_style",
  "placeholder_in_script",
  "placeholder_in_tag",
  "unescaped_placeholder",
  "shadowed",
  "never_active",
  "contradictory_conditions",
  "url_matches_nothing",
  "url_pattern_matches_nothing",
  "slow_pattern",
  "tie_settled_by_hash",
  "missing_translation",
  "variation_weights_all_zero",
] as const;

/** One of {@link LINT_CODES}. */
export type LintCode = (typeof LINT_CODES)[number];

/**
 * How much a finding matters: `error` — the invitation can never be shown (lint proves it); `warning` — part of it
 * does not work as written, or a visitor value may do harm; `info` — worth knowing, often intended.
 */
export const LINT_SEVERITIES = ["error", "warning", "info"] as const;

/** One of {@link LINT_SEVERITIES}. */
export type LintSeverity = (typeof LINT_SEVERITIES)[number];

/**
 * The severity of each code: fixed, so a code always means the same.
 *
 * @example
 * LINT_SEVERITY.shadowed // => "error"
 */
export const LINT_SEVERITY: Readonly<Record<LintCode, LintSeverity>> = {
  placeholder_in_url: "warning",
  placeholder_in_unquoted_attribute: "warning",
  placeholder_in_event_handler: "warning",
  placeholder_in_style: "warning",
  placeholder_in_script: "warning",
  placeholder_in_tag: "warning",
  unescaped_placeholder: "warning",
  shadowed: "error",
  never_active: "error",
  contradictory_conditions: "error",
  url_matches_nothing: "error",
  url_pattern_matches_nothing: "warning",
  slow_pattern: "warning",
  tie_settled_by_hash: "info",
  missing_translation: "warning",
  variation_weights_all_zero: "warning",
};

/**
 * The codes that claim an invitation can never be shown from the lint instant on: with one of them, no visitor
 * (whose state beckon's reducers wrote) gets the invitation selected at or after that instant.
 */
export const NEVER_SHOWN_CODES: readonly LintCode[] = ["shadowed", "never_active", "contradictory_conditions", "url_matches_nothing"];

/** A finding about a valid configuration, with the path of what it concerns (`[2, "urls", 0]`). */
export interface LintFinding {
  code: LintCode;
  severity: LintSeverity;
  path: (string | number)[];
  message: string;
}

/**
 * A finding of `code`, with its severity.
 *
 * @example
 * finding("never_active", [0, "schedule"], "…") // => { code: "never_active", severity: "error", path: [0, "schedule"], message: "…" }
 */
export function finding(code: LintCode, path: (string | number)[], message: string): LintFinding {
  return { code, severity: LINT_SEVERITY[code], path, message };
}
