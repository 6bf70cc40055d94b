import type { IssueCode } from "./issue-codes.js";

/** The beckon issue a refinement raises, as zod carries it (a type, not an interface: zod wants it indexable). */
export type CustomIssue = {
  code: "custom";
  message: string;
  path: (string | number)[];
  params: { code: IssueCode };
};

/** Where a refinement reports issues: zod's refinement context. */
export interface IssueSink {
  addIssue(issue: CustomIssue): void;
}

/**
 * A beckon issue in the form zod carries it: the code travels in `params` and is read back by `toConfigIssues`;
 * `path` is relative to the value being checked.
 *
 * @example
 * customIssue("empty_string", "expected text") // => { code: "custom", message: "expected text", path: [], params: … }
 */
export function customIssue(code: IssueCode, message: string, path: (string | number)[] = []): CustomIssue {
  return { code: "custom", message, path, params: { code } };
}

/**
 * Adds a beckon issue from inside a zod refinement; see {@link customIssue}.
 *
 * @example
 * z.string().check(z.superRefine((s, ctx) => { if (s === "") reportIssue(ctx, "empty_string", "expected text") }))
 */
export function reportIssue(ctx: IssueSink, code: IssueCode, message: string, path: (string | number)[] = []): void {
  ctx.addIssue(customIssue(code, message, path));
}
