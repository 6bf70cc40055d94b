/** Structure of a visitor snapshot (SPEC §3). */
import * as z from "zod/mini";
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
  value: z.exactOptional(stringSchema),
});

/**
 * What the visitor's chat history says.
 *
 * @example
 * chatHistorySchema.parse({ active: false, nick: "Ana" }) // => the same, copied
 */
export const chatHistorySchema = z.strictObject({
  active: z.exactOptional(booleanSchema),
  lastStartedAt: z.exactOptional(numberSchema),
  nick: z.exactOptional(stringSchema),
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
    timeOnSite: z.exactOptional(nonNegativeNumberSchema),
    pageviews: z.exactOptional(nonNegativeIntegerSchema),
    visits: z.exactOptional(nonNegativeIntegerSchema),
    url: z.exactOptional(stringSchema),
    previousUrl: z.exactOptional(stringSchema),
    referrer: z.exactOptional(stringSchema),
    language: z.exactOptional(stringSchema),
    locale: z.exactOptional(stringSchema),
    identifier: z.exactOptional(stringSchema),
    department: z.exactOptional(stringOrNumberSchema),
    tags: z.exactOptional(stringListSchema),
    device: z.exactOptional(z.enum(["desktop", "mobile", "tablet"])),
    attributes: z.exactOptional(recordOf(attributeValueSchema)),
    visibleAttributes: z.exactOptional(recordOf(attributeValueSchema)),
    events: z.exactOptional(z.array(visitorEventSchema)),
    chat: z.exactOptional(chatHistorySchema),
    lastVisitAt: z.exactOptional(numberSchema),
    state: z.exactOptional(stateSchema),
  },
  { error: expected("a visitor object") },
);
