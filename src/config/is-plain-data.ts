import { MAX_READ_DEPTH, MAX_READ_VALUES } from "./read-plain.js";

/**
 * Tells, without copying anything, whether an input is plain data that `readPlain` would read without a single
 * issue: only primitives, arrays and objects whose prototype is `Object.prototype` or null, nested at most
 * {@link MAX_READ_DEPTH} levels (a circular reference never ends, so it fails here too), at most
 * {@link MAX_READ_VALUES} values, no string or key longer than `maxStringLength`, and every property readable. It
 * is the parse functions' fast path: checking is a tenth of the cost of copying, and nearly every input passes.
 * It never throws; a getter or proxy trap that throws makes the answer `false`.
 *
 * @example
 * isPlainData({ id: "v", tags: ["a"] })             // => true
 * isPlainData({ id: "v", chat: new Date() })        // => false (not plain data)
 * isPlainData({ id: "v", url: "abc" }, 2)           // => false (a string over the limit)
 */
export function isPlainData(input: unknown, maxStringLength = Number.POSITIVE_INFINITY): boolean {
  const budget = { left: MAX_READ_VALUES };
  try {
    return walk(input, 0, maxStringLength, budget);
  } catch {
    return false;
  }
}

const OBJECT_PROTOTYPE: unknown = Object.prototype;

function walk(value: unknown, depth: number, max: number, budget: { left: number }): boolean {
  if (--budget.left < 0) return false;
  if (typeof value === "string") return value.length <= max;
  if (typeof value !== "object" || value === null) return true;
  if (depth >= MAX_READ_DEPTH) return false;
  if (Array.isArray(value)) {
    const array = value as readonly unknown[];
    for (let i = 0; i < array.length; i++) if (!walk(array[i], depth + 1, max, budget)) return false;
    return true;
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== OBJECT_PROTOTYPE && proto !== null) return false;
  const keys = Object.keys(value);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    if (key.length > max || !walk((value as Record<string, unknown>)[key], depth + 1, max, budget)) return false;
  }
  return true;
}
