/**
 * Reads an own property of an object or array, or `undefined`: inherited members (`__proto__`, `constructor`, …)
 * never count, so raw input is inspected exactly as it was written.
 *
 * @example
 * ownProperty({ a: 1 }, "a")           // => 1
 * ownProperty({}, "constructor")       // => undefined
 * ownProperty([7, 8], 1)               // => 8
 */
export function ownProperty(value: unknown, key: string | number): unknown {
  if (typeof value !== "object" || value === null || !Object.hasOwn(value, key)) return undefined;
  return (value as Record<string | number, unknown>)[key];
}
