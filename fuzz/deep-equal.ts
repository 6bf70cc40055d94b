/**
 * Structural equality of two results the way a test's `toEqual` sees them: the same enumerable own keys holding
 * equal values, primitives by `Object.is`; the same object on both sides is equal without a walk (a decision carries
 * the configured invitation itself, which may nest thousands of levels). Iterative, so depth cannot overflow.
 *
 * @example
 * deepEqual({ a: [1, NaN] }, { a: [1, NaN] }) // => true
 */
export function deepEqual(left: unknown, right: unknown): boolean {
  const stack: [unknown, unknown][] = [[left, right]];
  while (stack.length > 0) {
    const [a, b] = stack.pop() as [unknown, unknown];
    if (Object.is(a, b)) continue;
    if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
    if (Array.isArray(a) !== Array.isArray(b)) return false;
    const keysA = Object.keys(a);
    const keysB = Object.keys(b);
    if (keysA.length !== keysB.length) return false;
    for (const key of keysA) {
      if (!Object.prototype.hasOwnProperty.call(b, key)) return false;
      stack.push([(a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]]);
    }
  }
  return true;
}
