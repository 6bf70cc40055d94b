/**
 * beckon's error family. Configuration problems are reported all at once as a list of issues; evaluation never
 * throws. The `isXError` guards check `name` and shape rather than `instanceof`, so they still work when two copies
 * of the package end up in one bundle.
 */
import type { IssueCode } from "./issue-codes.js";

/** One configuration problem, located by its path inside the input. */
export interface ConfigIssue {
  code: IssueCode;
  path: (string | number)[];
  message: string;
}

/** Thrown by `parseInvitations`, `parseVisitor` and `compile` with every problem found in the input. */
export class ConfigError extends Error {
  override readonly name = "ConfigError";
  readonly code = "config_invalid";
  readonly issues: readonly ConfigIssue[];

  constructor(issues: readonly ConfigIssue[], what = "configuration") {
    super(formatIssues(issues, what));
    this.issues = issues;
  }
}

function formatIssues(issues: readonly ConfigIssue[], what: string): string {
  const lines = issues.map((issue) => `  - ${formatPath(issue.path)}: ${issue.message} (${issue.code})`);
  const count = issues.length === 1 ? "1 problem" : `${issues.length} problems`;
  return `Invalid ${what}, ${count}:\n${lines.join("\n")}`;
}

/** Renders a path as `[3].schedule.days.mon[0].end` (the empty path as `(root)`). */
export function formatPath(path: readonly (string | number)[]): string {
  if (path.length === 0) return "(root)";
  return path.map((part, i) => (typeof part === "number" ? `[${part}]` : i === 0 ? part : `.${part}`)).join("");
}

/**
 * Tells whether a value is a {@link ConfigError}, even one thrown by another copy of beckon.
 *
 * @example
 * try { parseInvitations(json) } catch (e) { if (isConfigError(e)) console.log(e.issues) }
 */
export function isConfigError(value: unknown): value is ConfigError {
  return (
    value instanceof Error &&
    value.name === "ConfigError" &&
    Array.isArray((value as { issues?: unknown }).issues)
  );
}
