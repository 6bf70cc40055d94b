import type * as z from "zod/mini";
import type { ConfigIssue } from "./config-error.js";
import { ISSUE_CODES, type IssueCode } from "./issue-codes.js";
import { ownProperty } from "./own-property.js";

type Path = (string | number)[];
type ZodIssue = z.core.$ZodIssue;

/** Codes that mean "this union option is not even the right kind of value". */
const MISMATCH = new Set<string>(["invalid_type", "invalid_union", "invalid_value"]);

/**
 * Turns zod's issues into beckon's: full paths from the input root, codes from {@link ISSUE_CODES}, one `unknown_key`
 * per key, and "required" told apart from "wrong type" by looking at the raw input.
 *
 * @example
 * toConfigIssues(schema.safeParse(input, { reportInput: true }).error.issues, input)
 * // => [{ code: "negative_number", path: [0, "timeOnSite"], message: "expected a number ≥ 0, got -3" }]
 */
export function toConfigIssues(issues: readonly ZodIssue[], root: unknown, prefix: Path = []): ConfigIssue[] {
  return issues.flatMap((issue) => mapIssue(issue, root, [...prefix, ...issue.path.map(toKey)]));
}

function mapIssue(issue: ZodIssue, root: unknown, path: Path): ConfigIssue[] {
  switch (issue.code) {
    case "unrecognized_keys":
      return issue.keys.map((key) => ({
        code: "unknown_key",
        path: [...path, key],
        message: `unknown key ${JSON.stringify(key)}`,
      }));
    case "invalid_union":
      return mapUnion(issue, root, path);
    case "invalid_type":
      return [typeIssue(issue, root, path)];
    case "too_small":
      return [{ code: minimumCode(issue), path, message: issue.message }];
    case "too_big":
      return [{ code: "too_big", path, message: issue.message }];
    case "custom":
      return [{ code: customCode(issue.params), path, message: issue.message }];
    case "invalid_value":
      return [{ code: isMissing(root, path) ? "required" : "invalid_value", path, message: issue.message }];
    default:
      return [{ code: "invalid_value", path, message: issue.message }];
  }
}

/** A bad discriminator names the allowed tags; a value that fits exactly one option reports that option's issues. */
function mapUnion(issue: ZodIssue & { code: "invalid_union" }, root: unknown, path: Path): ConfigIssue[] {
  const missing = isMissing(root, path);
  if ("discriminator" in issue) return [{ code: missing ? "required" : "invalid_value", path, message: issue.message }];
  const fitting = issue.errors.filter(
    (branch) => branch.length > 0 && !branch.some((inner) => inner.path.length === 0 && MISMATCH.has(inner.code)),
  );
  const [only] = fitting;
  if (fitting.length === 1 && only !== undefined) return toConfigIssues(only, root, path);
  return [{ code: missing ? "required" : "invalid_type", path, message: issue.message }];
}

function typeIssue(issue: ZodIssue & { code: "invalid_type" }, root: unknown, path: Path): ConfigIssue {
  if (issue.input !== undefined) {
    return { code: issue.expected === "int" ? "not_integer" : "invalid_type", path, message: issue.message };
  }
  if (isMissing(root, path)) return { code: "required", path, message: issue.message };
  // The key is there but holds `undefined`: not "required", and optional keys must be left out rather than undefined.
  return { code: "invalid_type", path, message: `${issue.message.replace(/^required: /, "")}, got undefined` };
}

/** Below zero is its own code; any other minimum (`> 0`, `≥ 1`, non-empty) is `too_small`. */
function minimumCode(issue: ZodIssue & { code: "too_small" }): IssueCode {
  if (issue.origin === "string") return Number(issue.minimum) === 1 ? "empty_string" : "too_small";
  if (issue.origin === "array") return "too_small";
  const below = typeof issue.input === "number" && issue.input < 0;
  return below && Number(issue.minimum) === 0 ? "negative_number" : "too_small";
}

function customCode(params: Record<string, unknown> | undefined): IssueCode {
  const code = params?.["code"];
  return ISSUE_CODES.find((known) => known === code) ?? "invalid_value";
}

function isMissing(root: unknown, path: Path): boolean {
  if (path.length === 0) return root === undefined;
  let parent = root;
  for (const key of path.slice(0, -1)) parent = ownProperty(parent, key);
  const last = path[path.length - 1] as string | number;
  return typeof parent !== "object" || parent === null || !Object.hasOwn(parent, last);
}

function toKey(key: PropertyKey): string | number {
  return typeof key === "symbol" ? key.toString() : key;
}
