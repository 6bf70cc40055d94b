/** Structure of an invitation (docs/api.md: Invitation fields). Rules that span several fields live in `checkInvitationSet`. */
import * as z from "zod/mini";
import { checkGlob } from "../conditions/url-glob.js";
import { attributeConditionSchema } from "./attribute-condition-schema.js";
import { operatorSchema, translationsSchema, variationSchema } from "./content-schemas.js";
import { expected } from "./expected.js";
import {
  booleanSchema,
  deviceSchema,
  integerSchema,
  nonEmptyStringSchema,
  nonNegativeIntegerSchema,
  nonNegativeNumberSchema,
  optional,
  positiveIntegerSchema,
  positiveNumberSchema,
  requiredTemplateSchema,
  stringListSchema,
  stringOrNumberSchema,
  stringSchema,
  templateSchema,
} from "./field-schemas.js";
import { jsonObjectSchema } from "./json-value-schema.js";
import { reportIssue } from "./report-issue.js";
import { scheduleSchema } from "./schedule-schema.js";

const DEVICES = 'a non-empty list of "desktop", "mobile", "tablet" (leave devices out for all three)';

/**
 * A dynamic invitation's widget trigger.
 *
 * @example
 * triggerSchema.safeParse({ type: "idle", seconds: 0 }) // fails: "expected a number > 0, got 0"
 */
export const triggerSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("exitIntent") }),
  z.strictObject({ type: z.literal("idle"), seconds: positiveNumberSchema }),
]);

/**
 * A condition on the visitor's event log (docs/semantics.md: Events).
 *
 * @example
 * eventConditionSchema.parse({ event: "login_failed", minCount: 5, withinSeconds: 1800 }) // => the same, copied
 */
export const eventConditionSchema = z.strictObject({
  event: nonEmptyStringSchema,
  minCount: positiveIntegerSchema,
  withinSeconds: optional(nonNegativeNumberSchema),
});

/** A URL pattern: any string micromatch can compile (docs/semantics.md: URL patterns). */
const urlPatternSchema = stringSchema.check(
  z.superRefine((pattern, ctx) => {
    const problem = checkGlob(pattern);
    if (problem === null) return;
    reportIssue(ctx, "invalid_glob", `invalid URL pattern ${JSON.stringify(pattern)}: ${problem}`);
  }),
);

/**
 * Texts shown while the visitor waits for an operator.
 *
 * @example
 * waitSchema.parse({ timeoutSeconds: 60, repeat: 2 }) // => { timeoutSeconds: 60, repeat: 2 }
 */
export const waitSchema = z.strictObject({
  message: optional(stringSchema),
  timeoutSeconds: optional(nonNegativeNumberSchema),
  timeoutMessage: optional(stringSchema),
  repeat: optional(nonNegativeIntegerSchema),
});

/**
 * Fields the chat form must ask for.
 *
 * @example
 * requiresSchema.parse({ email: true }) // => { email: true }
 */
export const requiresSchema = z.strictObject({
  email: optional(booleanSchema),
  username: optional(booleanSchema),
  phone: optional(booleanSchema),
});

/**
 * A custom conversion goal (docs/api.md: Conversions); a zero window could never convert.
 *
 * @example
 * conversionSchema.safeParse({ event: "buy", withinSeconds: 0 }) // fails with code "too_small"
 */
export const conversionSchema = z.strictObject({ event: nonEmptyStringSchema, withinSeconds: positiveNumberSchema });

/**
 * One invitation, exactly the `Invitation` interface: nothing defaulted, unknown keys refused.
 *
 * @example
 * invitationSchema.parse({ id: "help", message: "Need help?" }) // => { id: "help", message: "Need help?" }
 */
export const invitationSchema = z.strictObject({
  id: nonEmptyStringSchema,
  name: optional(stringSchema),
  position: optional(integerSchema),
  enabled: optional(booleanSchema),
  kind: optional(z.enum(["standard", "dynamic", "inject"])),
  timeOnSite: optional(nonNegativeNumberSchema),
  pageviews: optional(nonNegativeIntegerSchema),
  language: optional(stringSchema),
  identifier: optional(stringSchema),
  tag: optional(stringSchema),
  departments: optional(z.array(stringOrNumberSchema)),
  referrer: optional(stringSchema),
  devices: optional(
    z
      .array(deviceSchema, { error: expected(DEVICES) })
      .check(z.minLength(1, { error: expected(DEVICES) })),
  ),
  urls: optional(z.array(urlPatternSchema)),
  schedule: optional(scheduleSchema),
  attributes: optional(z.array(attributeConditionSchema)),
  events: optional(z.array(eventConditionSchema)),
  trigger: optional(triggerSchema),
  requireOperatorIds: optional(stringListSchema),
  minSecondsSinceLastVisit: optional(nonNegativeNumberSchema),
  minSecondsSinceLastChat: optional(nonNegativeNumberSchema),
  oncePerVisitor: optional(booleanSchema),
  showLimit: optional(nonNegativeIntegerSchema),
  urlBound: optional(booleanSchema),
  hideForSessionAfterClose: optional(booleanSchema),
  nextOnUrlChange: optional(booleanSchema),
  cooldownSeconds: optional(nonNegativeNumberSchema),
  expiresAfterSeconds: optional(nonNegativeNumberSchema),
  message: requiredTemplateSchema,
  returningMessage: optional(templateSchema),
  returningNick: optional(templateSchema),
  translations: optional(translationsSchema),
  operator: optional(operatorSchema),
  wait: optional(waitSchema),
  requires: optional(requiresSchema),
  variations: optional(z.array(variationSchema)),
  conversion: optional(conversionSchema),
  campaign: optional(stringSchema),
  design: optional(jsonObjectSchema),
});

/**
 * A set of invitations; ids must be unique (checked by `checkInvitationSet`).
 *
 * @example
 * invitationsSchema.safeParse(null) // fails: "expected an array of invitations, got null"
 */
export const invitationsSchema = z.array(invitationSchema, { error: expected("an array of invitations") });
