/**
 * Tells whether a value is a plain JSON-like object (not null, not an array, prototype `Object.prototype` or null).
 *
 * @example
 * isRecord({ a: 1 })  // => true
 * isRecord([1])       // => false
 * isRecord(new Date()) // => false
 */
export function isRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
