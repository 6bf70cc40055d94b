import { readAttributeValue } from "../conditions/read-attribute-value.js";
import type { AttributeValue } from "../types.js";

/**
 * Reads a visitor variable as the text a placeholder shows: strings as they are, numbers with `String(n)`,
 * booleans as `"true"`/`"false"`. Which values resolve is the rule attribute conditions use
 * (`readAttributeValue`): own properties only, `__proto__`, `constructor`, `prototype` never, `null` or any other
 * kind of value gives `undefined` (the placeholder is unresolved).
 *
 * @example
 * readAttribute({ plan: "pro", seats: 5 }, "seats") // => "5"
 * readAttribute({ plan: null }, "plan")             // => undefined
 */
export function readAttribute(
  attributes: Readonly<Record<string, AttributeValue>>,
  key: string,
): string | undefined {
  const value = readAttributeValue(attributes, key);
  return value === undefined ? undefined : String(value);
}
