import type { AttributeValue } from "../types.js";

// Names that reach Object.prototype machinery; a visitor must never be able to address them.
const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/**
 * Reads a visitor variable as the text a placeholder shows: strings as they are, numbers with `String(n)`,
 * booleans as `"true"`/`"false"`. Only own properties count, and `__proto__`, `constructor`, `prototype` never
 * resolve. `null`, a missing key or any other kind of value gives `undefined` (the placeholder is unresolved).
 *
 * @example
 * readAttribute({ plan: "pro", seats: 5 }, "seats") // => "5"
 * readAttribute({ plan: null }, "plan")             // => undefined
 */
export function readAttribute(
  attributes: Readonly<Record<string, AttributeValue>>,
  key: string,
): string | undefined {
  if (FORBIDDEN_KEYS.has(key) || !Object.prototype.hasOwnProperty.call(attributes, key)) return undefined;
  const value: unknown = attributes[key];
  switch (typeof value) {
    case "string":
      return value;
    case "number":
    case "boolean":
      return String(value);
    default:
      return undefined;
  }
}
