import type { AttributeScalar, AttributeValue } from "../types.js";

// Names that reach Object.prototype machinery; a visitor must never be able to address them, even as own keys.
const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/**
 * Reads the visitor variable an attribute condition looks at. Only own properties count; `__proto__`,
 * `constructor` and `prototype` never resolve. A missing key, `null`, or anything that is not a string, number or
 * boolean (snapshots may arrive unvalidated) gives `undefined`.
 *
 * @example
 * readAttributeValue({ plan: "pro" }, "plan")     // => "pro"
 * readAttributeValue({ plan: null }, "plan")      // => undefined
 * readAttributeValue({}, "constructor")           // => undefined
 */
export function readAttributeValue(
  attributes: Readonly<Record<string, AttributeValue>> | undefined,
  key: string,
): AttributeScalar | undefined {
  if (attributes === undefined || FORBIDDEN_KEYS.has(key) || !Object.hasOwn(attributes, key)) return undefined;
  const value: unknown = attributes[key];
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? value : undefined;
}
