/** Structure of a visitor snapshot (SPEC §3). */
import { z } from "zod";
import { expected } from "./expected.js";
import {
  booleanSchema,
  nonEmptyStringSchema,
  nonNegativeIntegerSchema,
  nonNegativeNumberSchema,
  numberSchema,
  recordOf,
  stringListSchema,
  stringOrNumberSchema,
  stringSchema,
} from "./field-schemas.js";
import { stateSchema } from "./state-schema.js";

const attributeValueSchema = z.union([z.string(), numberSchema, z.boolean(), z.null()], {
  error: expected("a string, number, boolean or null"),
});

/**
 * One record of the visitor's event log.
 *
 * @example
 * visitorEventSchema.parse({ name: "birthday", at: 1700000000000 }) // => the same, copied
 */
export const visitorEventSchema = z.strictObject({
  name: nonEmptyStringSchema,
  at: numberSchema,
  value: stringSchema.exactOptional(),
});

/**
 * What the visitor's chat history says.
 *
 * @example
 * chatHistorySchema.parse({ active: false, nick: "Ana" }) // => the same, copied
 */
export const chatHistorySchema = z.strictObject({
  active: booleanSchema.exactOptional(),
  lastStartedAt: numberSchema.exactOptional(),
  nick: stringSchema.exactOptional(),
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
    timeOnSite: nonNegativeNumberSchema.exactOptional(),
    pageviews: nonNegativeIntegerSchema.exactOptional(),
    visits: nonNegativeIntegerSchema.exactOptional(),
    url: stringSchema.exactOptional(),
    previousUrl: stringSchema.exactOptional(),
    referrer: stringSchema.exactOptional(),
    language: stringSchema.exactOptional(),
    locale: stringSchema.exactOptional(),
    identifier: stringSchema.exactOptional(),
    department: stringOrNumberSchema.exactOptional(),
    tags: stringListSchema.exactOptional(),
    device: z.enum(["desktop", "mobile", "tablet"]).exactOptional(),
    attributes: recordOf(attributeValueSchema).exactOptional(),
    visibleAttributes: recordOf(attributeValueSchema).exactOptional(),
    events: z.array(visitorEventSchema).exactOptional(),
    chat: chatHistorySchema.exactOptional(),
    lastVisitAt: numberSchema.exactOptional(),
    state: stateSchema.exactOptional(),
  },
  { error: expected("a visitor object") },
);
