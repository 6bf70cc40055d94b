import type { z } from "zod";
import type { IssueCode } from "./issue-codes.js";

/**
 * Adds a beckon issue from inside a zod refinement. The code travels in `params` and is read back by
 * `toConfigIssues`; `path` is relative to the value being refined.
 *
 * @example
 * z.string().superRefine((s, ctx) => { if (s.trim() === "") reportIssue(ctx, "empty_string", "expected text") })
 */
export function reportIssue(
  ctx: z.core.$RefinementCtx,
  code: IssueCode,
  message: string,
  path: (string | number)[] = [],
): void {
  ctx.addIssue({ code: "custom", message, path, params: { code } });
}
