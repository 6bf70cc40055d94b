import * as z from "zod/mini";
import type { CustomIssue } from "./report-issue.js";

/** What an inspection found: usually nothing, so a shared empty list. */
export const NO_ISSUES: readonly CustomIssue[] = [];

/**
 * Looks at the raw value before `schema` parses it; any issue the inspection returns stops `schema` from running, as
 * a failed pipe stage does. This is classic zod's `z.preprocess` without the replacing, which zod/mini does not have
 * (and its transforms get no `addIssue`). The inspection returns its findings so a clean value allocates nothing.
 *
 * @example
 * inspectFirst((value) => (value === "" ? [customIssue("empty_string", "blank")] : NO_ISSUES), z.string())
 */
export function inspectFirst<T extends z.core.$ZodType>(
  inspect: (value: unknown) => readonly CustomIssue[],
  schema: T,
) {
  const step = z.transform((value: unknown, payload: z.core.ParsePayload) => {
    for (const issue of inspect(value)) payload.issues.push({ ...issue, input: value });
    return value;
  });
  return z.pipe(step, schema);
}
