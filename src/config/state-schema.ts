/** Structure of the persisted visitor state (docs/api.md: The visitor's life), versioned with `v`. */
import * as z from "zod/mini";
import { describeValue } from "./describe-value.js";
import { nonNegativeIntegerSchema, numberSchema, optional, stringSchema, visitorStringListSchema } from "./field-schemas.js";
import { MAX_VISITOR_LIST_LENGTH } from "./visitor-limits.js";

/**
 * The state format versions this beckon reads.
 *
 * @example
 * STATE_VERSIONS.includes(1) // => true
 */
export const STATE_VERSIONS = [1] as const;

const SUPPORTED = STATE_VERSIONS.join(", ");

const versionSchema = z.literal(1, {
  error: (issue) =>
    issue.input === undefined
      ? "missing, expected the state format version 1"
      : `unsupported state version ${describeValue(issue.input)}: this version of beckon reads version ${SUPPORTED}`,
});

/**
 * The invitation currently assigned to the visitor.
 *
 * @example
 * currentInvitationSchema.safeParse({ invitationId: "a", variationId: "a", assignedAt: 0, shownPageviews: -1 })
 * // fails: "expected an integer ≥ 0, got -1"
 */
export const currentInvitationSchema = z.strictObject({
  invitationId: stringSchema,
  variationId: stringSchema,
  assignedAt: numberSchema,
  shownPageviews: nonNegativeIntegerSchema,
  closedAt: optional(numberSchema),
  expiresAt: optional(numberSchema),
});

/**
 * One sent invitation and where it got to.
 *
 * @example
 * conversionRecordSchema.safeParse({ status: "converted" }) // fails: status is one of "sent", "shown", …
 */
export const conversionRecordSchema = z.strictObject({
  invitationId: stringSchema,
  variationId: stringSchema,
  campaign: stringSchema,
  status: z.enum(["sent", "shown", "closed", "chatStarted"]),
  sentAt: numberSchema,
  event: stringSchema,
  expiresAt: numberSchema,
  convertedAt: optional(numberSchema),
});

/**
 * The counts left by conversion records pruned from the state.
 *
 * @example
 * conversionTallySchema.safeParse({ invitationId: "a", variationId: "a", sent: 1.5, … }) // fails: "expected an integer ≥ 0, got 1.5"
 */
export const conversionTallySchema = z.strictObject({
  invitationId: stringSchema,
  variationId: stringSchema,
  sent: nonNegativeIntegerSchema,
  shown: nonNegativeIntegerSchema,
  closed: nonNegativeIntegerSchema,
  chatStarted: nonNegativeIntegerSchema,
  converted: nonNegativeIntegerSchema,
});

/**
 * `InvitationState`, exactly as stored.
 *
 * @example
 * stateSchema.parse({ v: 1, sessionExcluded: [], seenOnce: [], conversions: [] }) // => the same, copied
 */
export const stateSchema = z.strictObject({
  v: versionSchema,
  current: optional(currentInvitationSchema),
  suppressedUntil: optional(numberSchema),
  sessionExcluded: visitorStringListSchema,
  seenOnce: visitorStringListSchema,
  conversions: z.array(conversionRecordSchema).check(z.maxLength(MAX_VISITOR_LIST_LENGTH)),
  // Optional, so documents written before pruning existed still read as version 1.
  conversionTallies: optional(z.array(conversionTallySchema).check(z.maxLength(MAX_VISITOR_LIST_LENGTH))),
});
