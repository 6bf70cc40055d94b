import type { AttributeScalar, AttributeValue } from "../types.js";
import { AttributeIndex, attributeScalar, FORBIDDEN_ATTRIBUTE_KEYS } from "./attribute-index.js";

/** A visitor's attributes as conditions read them: the record as given, or a large one indexed (`indexAttributes`). */
export type AttributeSource = Readonly<Record<string, AttributeValue>> | AttributeIndex;

/**
 * Reads the visitor variable an attribute condition looks at. Only own properties count; `__proto__`,
 * `constructor` and `prototype` never resolve. A missing key, `null`, or anything that is not a string, number or
 * boolean (snapshots may arrive unvalidated) gives `undefined`. An {@link AttributeIndex} answers the same.
 *
 * @example
 * readAttributeValue({ plan: "pro" }, "plan")     // => "pro"
 * readAttributeValue({ plan: null }, "plan")      // => undefined
 * readAttributeValue({}, "constructor")           // => undefined
 */
export function readAttributeValue(attributes: AttributeSource | undefined, key: string): AttributeScalar | undefined {
  if (attributes === undefined) return undefined;
  if (attributes instanceof AttributeIndex) return attributes.get(key);
  return FORBIDDEN_ATTRIBUTE_KEYS.has(key) || !Object.hasOwn(attributes, key) ? undefined : attributeScalar(attributes[key]);
}
