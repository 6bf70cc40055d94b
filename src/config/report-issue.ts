import type { IssueCode } from "./issue-codes.js";

/** The beckon issue a refinement raises, as zod carries it (a type, not an interface: zod wants it indexable). */
export type CustomIssue = {
  code: "custom";
  message: string;
  path: (string | number)[];
  params: { code: IssueCode };
};

/** Where a refinement reports issues: zod's refinement context, or the one `inspectFirst` lends its inspection. */
export interface IssueSink {
  addIssue(issue: CustomIssue): void;
}

/**
 * Adds a beckon issue from inside a zod refinement. The code travels in `params` and is read back by
 * `toConfigIssues`; `path` is relative to the value being refined.
 *
 * @example
 * z.string().check(z.superRefine((s, ctx) => { if (s === "") reportIssue(ctx, "empty_string", "expected text") }))
 */
export function reportIssue(ctx: IssueSink, code: IssueCode, message: string, path: (string | number)[] = []): void {
  ctx.addIssue({ code: "custom", message, path, params: { code } });
}
