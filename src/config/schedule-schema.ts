/**
 * Structure of a schedule (docs/semantics.md: Schedules). Formats, time zones and window lengths are judged by `checkSchedule`, which owns
 * schedule semantics, once the structure is sound.
 */
import * as z from "zod/mini";
import { checkSchedule } from "../schedule/check-schedule.js";
import { optional, stringOrNumberSchema, stringSchema } from "./field-schemas.js";
import { reportIssue } from "./report-issue.js";

/**
 * One `{ start, end }` window of a weekday, `HH:mm` strings.
 *
 * @example
 * scheduleWindowSchema.parse({ start: "09:00", end: "17:30" }) // => the same, copied
 */
export const scheduleWindowSchema = z.strictObject({ start: stringSchema, end: stringSchema });

const windowsSchema = optional(z.array(scheduleWindowSchema));

/**
 * A weekly schedule; `days` accepts only `mon` … `sun`.
 *
 * @example
 * weeklyScheduleSchema.safeParse({ type: "weekly", days: { monday: [] } }) // fails: unknown key "monday"
 */
export const weeklyScheduleSchema = z.strictObject({
  type: z.literal("weekly"),
  timeZone: optional(stringSchema),
  days: z.strictObject({
    mon: windowsSchema,
    tue: windowsSchema,
    wed: windowsSchema,
    thu: windowsSchema,
    fri: windowsSchema,
    sat: windowsSchema,
    sun: windowsSchema,
  }),
});

/**
 * A one-off period with optional ends (ISO date-time or epoch ms).
 *
 * @example
 * periodScheduleSchema.parse({ type: "period", from: "2025-01-01" }) // => the same, copied
 */
export const periodScheduleSchema = z.strictObject({
  type: z.literal("period"),
  from: optional(stringOrNumberSchema),
  to: optional(stringOrNumberSchema),
});

/**
 * A yearly window between two `MM-DD HH:mm` instants.
 *
 * @example
 * annualScheduleSchema.parse({ type: "annual", from: "12-20 00:00", to: "01-05 23:59" }) // => the same, copied
 */
export const annualScheduleSchema = z.strictObject({
  type: z.literal("annual"),
  timeZone: optional(stringSchema),
  from: stringSchema,
  to: stringSchema,
});

/**
 * Any schedule, told apart by `type`, and then checked for sense. Semantics are judged only when the structure has no
 * issue at all (an unknown key included), so a broken schedule reports what is broken and nothing it caused.
 *
 * @example
 * scheduleSchema.safeParse({ type: "daily" }) // fails at ["type"]: expected one of "weekly", "period", "annual"
 * scheduleSchema.safeParse({ type: "period", from: "2025-02-30" }) // fails with code "invalid_date"
 */
export const scheduleSchema = z
  .discriminatedUnion("type", [weeklyScheduleSchema, periodScheduleSchema, annualScheduleSchema])
  .check(
    z.superRefine((schedule, ctx) => {
      if (ctx.issues.length > 0) return;
      for (const issue of checkSchedule(schedule)) reportIssue(ctx, issue.code, issue.message, issue.path);
    }),
  );
