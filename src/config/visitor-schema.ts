/** Structure of a visitor snapshot (docs/api.md: Visitor snapshot). */
import * as z from "zod/mini";
import { expected } from "./expected.js";
import {
  booleanSchema,
  deviceSchema,
  nonEmptyStringSchema,
  nonNegativeIntegerSchema,
  nonNegativeNumberSchema,
  numberSchema,
  optional,
  recordOf,
  visitorStringListSchema,
  stringOrNumberSchema,
  stringSchema,
} from "./field-schemas.js";
import { inspectFirst, NO_ISSUES } from "./inspect-first.js";
import { customIssue } from "./report-issue.js";
import { stateSchema } from "./state-schema.js";
import { MAX_VISITOR_EVENTS, MAX_VISITOR_LIST_LENGTH } from "./visitor-limits.js";

const attributeValueSchema = z.union([stringSchema, numberSchema, booleanSchema, z.null()], {
  error: expected("a string, number, boolean or null"),
});

/** `attributes` and `visibleAttributes`: one schema for both, at most `MAX_VISITOR_LIST_LENGTH` keys. */
const attributesSchema = inspectFirst((value) => {
  if (typeof value !== "object" || value === null || Object.keys(value).length <= MAX_VISITOR_LIST_LENGTH) return NO_ISSUES;
  return [customIssue("too_big", `expected at most ${MAX_VISITOR_LIST_LENGTH} keys, got ${Object.keys(value).length}`)];
}, recordOf(attributeValueSchema));

/**
 * One record of the visitor's event log.
 *
 * @example
 * visitorEventSchema.parse({ name: "birthday", at: 1700000000000 }) // => the same, copied
 */
export const visitorEventSchema = z.strictObject({
  name: nonEmptyStringSchema,
  at: numberSchema,
  value: optional(stringSchema),
});

/**
 * What the visitor's chat history says.
 *
 * @example
 * chatHistorySchema.parse({ active: false, nick: "Ana" }) // => the same, copied
 */
export const chatHistorySchema = z.strictObject({
  active: optional(booleanSchema),
  lastStartedAt: optional(numberSchema),
  nick: optional(stringSchema),
});

/**
 * A visitor snapshot, exactly the `Visitor` interface: nothing defaulted, unknown keys refused.
 *
 * @example
 * visitorSchema.parse({ id: "v1", pageviews: 2 }) // => { id: "v1", pageviews: 2 }
 */
export const visitorSchema = z.strictObject(
  {
    id: nonEmptyStringSchema,
    timeOnSite: optional(nonNegativeNumberSchema),
    pageviews: optional(nonNegativeIntegerSchema),
    visits: optional(nonNegativeIntegerSchema),
    url: optional(stringSchema),
    previousUrl: optional(stringSchema),
    referrer: optional(stringSchema),
    language: optional(stringSchema),
    locale: optional(stringSchema),
    identifier: optional(stringSchema),
    department: optional(stringOrNumberSchema),
    tags: optional(visitorStringListSchema),
    device: optional(deviceSchema),
    attributes: optional(attributesSchema),
    visibleAttributes: optional(attributesSchema),
    events: optional(z.array(visitorEventSchema).check(z.maxLength(MAX_VISITOR_EVENTS))),
    chat: optional(chatHistorySchema),
    lastVisitAt: optional(numberSchema),
    state: optional(stateSchema),
  },
  { error: expected("a visitor object") },
);
