/**
 * Every finding code of `lintInvitations`, as a closed list. A finding is a warning: the configuration is valid and
 * evaluates as documented, but a visitor-supplied value may do harm where the message puts it.
 */
export const LINT_CODES = [
  "placeholder_in_url",
  "placeholder_in_unquoted_attribute",
  "placeholder_in_event_handler",
  "placeholder_in_style",
  "placeholder_in_script",
  "placeholder_in_tag",
  "unescaped_placeholder",
] as const;

/** One of {@link LINT_CODES}. */
export type LintCode = (typeof LINT_CODES)[number];

/** A warning about a valid configuration, with the path of the text it concerns. */
export interface LintFinding {
  code: LintCode;
  path: (string | number)[];
  message: string;
}
