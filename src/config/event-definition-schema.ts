/** Structure of the event definitions (docs/api.md: Events). Unique names are checked by `safeParseEventDefinitions`. */
import * as z from "zod/mini";
import { expected } from "./expected.js";
import { booleanSchema, nonEmptyStringSchema, nonNegativeNumberSchema, optional } from "./field-schemas.js";

/**
 * One event the website may log (LHC "proactive chat variable"), exactly the `EventDefinition` interface.
 *
 * @example
 * eventDefinitionSchema.parse({ name: "login_failed", storeTimeoutSeconds: 1 }) // => the same, copied
 * eventDefinitionSchema.safeParse({ name: "x", storeTimeoutSeconds: -1 }) // fails: "expected a number ≥ 0, got -1"
 */
export const eventDefinitionSchema = z.strictObject(
  {
    name: nonEmptyStringSchema,
    storeTimeoutSeconds: optional(nonNegativeNumberSchema),
    filterByValue: optional(booleanSchema),
  },
  { error: expected("an event definition object") },
);

/**
 * The list of event definitions.
 *
 * @example
 * eventDefinitionsSchema.safeParse({}) // fails: "expected an array of event definitions, got {}"
 */
export const eventDefinitionsSchema = z.array(eventDefinitionSchema, {
  error: expected("an array of event definitions"),
});
