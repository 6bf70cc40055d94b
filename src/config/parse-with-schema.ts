import type * as z from "zod/mini";
import { ConfigError, type ConfigIssue } from "../errors.js";
import { issueMessage } from "./issue-message.js";
import type { SafeParseResult } from "./safe-parse-result.js";
import { tierUp } from "./tier-up.js";
import { toConfigIssues } from "./to-config-issues.js";

/**
 * Runs a schema and the cross-field rules in one pass and merges what both found, ordered by path. Data comes back
 * only when both are satisfied; a failure always carries at least one issue.
 *
 * @example
 * parseWithSchema(invitationsSchema, input, "invitations", checkInvitationSet)
 * // => { success: false, error: ConfigError { issues: [...] } }
 */
export function parseWithSchema<T>(
  schema: z.ZodMiniType<T>,
  input: unknown,
  what: string,
  check: (input: unknown) => ConfigIssue[] = () => [],
): SafeParseResult<T> {
  const count = Array.isArray(input) ? input.length : 1;
  const result = tierUp(schema, count).safeParse(input, { error: issueMessage, reportInput: true });
  const issues = [...(result.success ? [] : toConfigIssues(result.error.issues, input)), ...check(input)];
  if (result.success && issues.length === 0) return { success: true, data: result.data };
  if (issues.length === 0) issues.push({ code: "invalid_value", path: [], message: `invalid ${what}` });
  return { success: false, error: new ConfigError(sortIssues(issues), what) };
}

function sortIssues(issues: ConfigIssue[]): ConfigIssue[] {
  const unique = new Map(issues.map((issue) => [JSON.stringify([issue.path, issue.code, issue.message]), issue]));
  return [...unique.values()].sort((a, b) => comparePaths(a.path, b.path));
}

/** Element by element: indexes numerically and before keys, keys by code unit, a path before its extensions. */
function comparePaths(a: readonly (string | number)[], b: readonly (string | number)[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i] as string | number;
    const y = b[i] as string | number;
    if (x === y) continue;
    if (typeof x === "number" && typeof y === "number") return x - y;
    if (typeof x === "number") return -1;
    if (typeof y === "number") return 1;
    return x < y ? -1 : 1;
  }
  return a.length - b.length;
}
