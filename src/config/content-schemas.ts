/** Structure of what an invitation says and who says it (docs/api.md: Invitation fields; docs/semantics.md: Variations, Rendering). Templates are checked for placeholders. */
import * as z from "zod/mini";
import {
  booleanSchema,
  nonEmptyStringSchema,
  nonNegativeNumberSchema,
  optional,
  stringListSchema,
  stringSchema,
  templateSchema,
} from "./field-schemas.js";

/**
 * Translated texts for one locale. Locale keys are checked by `checkLocales`.
 *
 * @example
 * translationSchema.parse({ message: "Sveiki!" }) // => { message: "Sveiki!" }
 */
export const translationSchema = z.strictObject({
  message: optional(templateSchema),
  returningMessage: optional(templateSchema),
  returningNick: optional(templateSchema),
  operatorName: optional(templateSchema),
});

/**
 * Locale → translation. Plain `z.record`: every key, `__proto__` included, is judged by `checkLocales`.
 *
 * @example
 * translationsSchema.parse({ lt: { message: "Sveiki!" } }) // => { lt: { message: "Sveiki!" } }
 */
export const translationsSchema = z.record(stringSchema, translationSchema);

/**
 * The sender of an invitation.
 *
 * @example
 * operatorSchema.parse({ random: true, operatorIds: ["op-1"] }) // => { random: true, operatorIds: ["op-1"] }
 */
export const operatorSchema = z.strictObject({
  name: optional(templateSchema),
  random: optional(booleanSchema),
  operatorIds: optional(stringListSchema),
});

/**
 * An A/B content variation; id collisions are checked by `checkVariationIds`.
 *
 * @example
 * variationSchema.parse({ id: "b", weight: 2, message: "Hi {nick}" }) // => the same, copied
 */
export const variationSchema = z.strictObject({
  id: nonEmptyStringSchema,
  weight: optional(nonNegativeNumberSchema),
  message: optional(templateSchema),
  returningMessage: optional(templateSchema),
  returningNick: optional(templateSchema),
  operator: optional(operatorSchema),
  translations: optional(translationsSchema),
});
