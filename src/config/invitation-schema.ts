/** Structure of an invitation (SPEC §2). Rules that span several fields live in `checkInvitationSet`. */
import { z } from "zod";
import { checkGlob } from "../conditions/url-glob.js";
import { attributeConditionSchema } from "./attribute-condition-schema.js";
import { operatorSchema, translationsSchema, variationSchema } from "./content-schemas.js";
import { expected } from "./expected.js";
import {
  booleanSchema,
  integerSchema,
  nonEmptyStringSchema,
  nonNegativeIntegerSchema,
  nonNegativeNumberSchema,
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
 * A condition on the visitor's event log (SPEC §7).
 *
 * @example
 * eventConditionSchema.parse({ event: "login_failed", minCount: 5, withinSeconds: 1800 }) // => the same, copied
 */
export const eventConditionSchema = z.strictObject({
  event: nonEmptyStringSchema,
  minCount: positiveIntegerSchema,
  withinSeconds: nonNegativeNumberSchema.exactOptional(),
});

/** A URL pattern: any string micromatch can compile (SPEC §4.3). */
const urlPatternSchema = z.string().superRefine((pattern, ctx) => {
  const problem = checkGlob(pattern);
  if (problem !== null) reportIssue(ctx, "invalid_glob", `invalid URL pattern ${JSON.stringify(pattern)}: ${problem}`);
});

/**
 * Texts shown while the visitor waits for an operator.
 *
 * @example
 * waitSchema.parse({ timeoutSeconds: 60, repeat: 2 }) // => { timeoutSeconds: 60, repeat: 2 }
 */
export const waitSchema = z.strictObject({
  message: stringSchema.exactOptional(),
  timeoutSeconds: nonNegativeNumberSchema.exactOptional(),
  timeoutMessage: stringSchema.exactOptional(),
  repeat: nonNegativeIntegerSchema.exactOptional(),
});

/**
 * Fields the chat form must ask for.
 *
 * @example
 * requiresSchema.parse({ email: true }) // => { email: true }
 */
export const requiresSchema = z.strictObject({
  email: booleanSchema.exactOptional(),
  username: booleanSchema.exactOptional(),
  phone: booleanSchema.exactOptional(),
});

/**
 * A custom conversion goal (SPEC §8.4); a zero window could never convert.
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
  name: stringSchema.exactOptional(),
  position: integerSchema.exactOptional(),
  enabled: booleanSchema.exactOptional(),
  kind: z.enum(["standard", "dynamic", "inject"]).exactOptional(),
  timeOnSite: nonNegativeNumberSchema.exactOptional(),
  pageviews: nonNegativeIntegerSchema.exactOptional(),
  language: stringSchema.exactOptional(),
  identifier: stringSchema.exactOptional(),
  tag: stringSchema.exactOptional(),
  departments: z.array(stringOrNumberSchema).exactOptional(),
  referrer: stringSchema.exactOptional(),
  devices: z
    .array(z.enum(["desktop", "mobile", "tablet"]), { error: expected(DEVICES) })
    .min(1, { error: expected(DEVICES) })
    .exactOptional(),
  urls: z.array(urlPatternSchema).exactOptional(),
  schedule: scheduleSchema.exactOptional(),
  attributes: z.array(attributeConditionSchema).exactOptional(),
  events: z.array(eventConditionSchema).exactOptional(),
  trigger: triggerSchema.exactOptional(),
  requireOperatorIds: stringListSchema.exactOptional(),
  minSecondsSinceLastVisit: nonNegativeNumberSchema.exactOptional(),
  minSecondsSinceLastChat: nonNegativeNumberSchema.exactOptional(),
  oncePerVisitor: booleanSchema.exactOptional(),
  showLimit: nonNegativeIntegerSchema.exactOptional(),
  urlBound: booleanSchema.exactOptional(),
  hideForSessionAfterClose: booleanSchema.exactOptional(),
  nextOnUrlChange: booleanSchema.exactOptional(),
  cooldownSeconds: nonNegativeNumberSchema.exactOptional(),
  expiresAfterSeconds: nonNegativeNumberSchema.exactOptional(),
  message: requiredTemplateSchema,
  returningMessage: templateSchema.exactOptional(),
  returningNick: templateSchema.exactOptional(),
  translations: translationsSchema.exactOptional(),
  operator: operatorSchema.exactOptional(),
  wait: waitSchema.exactOptional(),
  requires: requiresSchema.exactOptional(),
  variations: z.array(variationSchema).exactOptional(),
  conversion: conversionSchema.exactOptional(),
  campaign: stringSchema.exactOptional(),
  design: jsonObjectSchema.exactOptional(),
});

/**
 * A set of invitations; ids must be unique (checked by `checkInvitationSet`).
 *
 * @example
 * invitationsSchema.safeParse(null) // fails: "expected an array of invitations, got null"
 */
export const invitationsSchema = z.array(invitationSchema, { error: expected("an array of invitations") });
