import * as z from "zod/mini";
import type { IssueSink } from "./report-issue.js";

/**
 * Looks at the raw value before `schema` parses it and may report issues about it; any issue stops `schema` from
 * running, as a failed pipe stage does. This is classic zod's `z.preprocess` without the replacing, which zod/mini
 * does not have (and its transforms get no `addIssue`).
 *
 * @example
 * inspectFirst((value, ctx) => { if (value === "") reportIssue(ctx, "empty_string", "blank") }, z.string())
 */
export function inspectFirst<T extends z.core.$ZodType>(inspect: (value: unknown, ctx: IssueSink) => void, schema: T) {
  const step = z.transform((value: unknown, payload: z.core.ParsePayload) => {
    inspect(value, { addIssue: (issue) => payload.issues.push({ ...issue, input: value }) });
    return value;
  });
  return z.pipe(step, schema);
}
