import type { AttributeScalar } from "../types.js";

// A plain decimal literal: sign, digits, fraction, exponent. Hex, thousands separators and trailing text are not
// numbers here (unlike PHP's numeric-prefix parsing in LHC, where "12abc" is 12).
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

/**
 * Reads a scalar as a number for numeric comparison: a finite number, or a string (trimmed) holding a plain decimal
 * literal whose value is finite. Anything else, booleans included, gives `null`.
 *
 * @example
 * numericValue("1.0")  // => 1
 * numericValue(" -2 ") // => -2
 * numericValue("1e3")  // => 1000
 * numericValue("0x10") // => null
 * numericValue(true)   // => null
 */
export function numericValue(value: AttributeScalar): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value !== "string") return null;
  const text = value.trim();
  if (!DECIMAL.test(text)) return null;
  const number = Number(text);
  return Number.isFinite(number) ? number : null;
}
