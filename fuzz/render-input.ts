import { opaqueLabel } from "./opaque.js";

/** Strings longer than this are shown as their start and their length. */
const LONG = 160;

/** One value as JSON-compatible data, with markers for what JSON cannot say. */
function renderValue(value: unknown, depth: number, seen: Set<object>): unknown {
  if (typeof value === "string") return value.length <= LONG ? value : { $string: value.slice(0, 40), length: value.length };
  if (typeof value === "number") return Number.isFinite(value) && !Object.is(value, -0) ? value : { $number: Object.is(value, -0) ? "-0" : String(value) };
  if (typeof value === "bigint") return { $bigint: String(value) };
  if (typeof value === "symbol") return { $symbol: value.description ?? "" };
  if (value === undefined) return { $undefined: true };
  if (value === null || typeof value === "boolean") return value;
  const label = opaqueLabel(value);
  if (label !== undefined) return { $hostile: label };
  if (typeof value === "function") return { $function: value.name };
  const object = value as object;
  if (seen.has(object)) return { $cycle: true };
  if (depth > 64) return { $deep: "nesting continues" };
  seen.add(object);
  const proto = Object.getPrototypeOf(object) as unknown;
  const out: Record<string, unknown> | unknown[] = Array.isArray(object) ? [] : {};
  const keys = Reflect.ownKeys(object).filter((key) => !(Array.isArray(object) && key === "length"));
  if (Array.isArray(object) && object.length > 64) {
    seen.delete(object);
    return { $array: renderValue(object[0], depth + 1, seen), length: object.length };
  }
  for (const key of keys) {
    const descriptor = Reflect.getOwnPropertyDescriptor(object, key) as PropertyDescriptor;
    const shown = "value" in descriptor ? renderValue(descriptor.value, depth + 1, seen) : { $getter: true };
    const name = typeof key === "symbol" ? `@@${key.description ?? ""}` : key;
    if (Array.isArray(out) && typeof key === "string" && /^\d+$/.test(key)) out[Number(key)] = shown;
    else Object.defineProperty(out, descriptor.enumerable === true ? name : `(hidden) ${name}`, { value: shown, enumerable: true });
  }
  seen.delete(object);
  if (proto === null) return { $nullPrototype: out };
  if (proto !== Object.prototype && proto !== Array.prototype) return { $instance: out };
  return out;
}

/**
 * Renders a fuzz input for a finding file without running any of its hostile code: JSON where JSON can say it, and
 * `$`-markers for the rest (`{ "$hostile": "revoked proxy" }`, `{ "$getter": true }`, `{ "$cycle": true }`, long
 * strings as their start and length, nesting past 64 levels cut).
 *
 * @example
 * renderInput({ id: "v", url: "a".repeat(9000) }) // => '{"id":"v","url":{"$string":"aaaa…","length":9000}}'
 */
export function renderInput(value: unknown): string {
  try {
    return JSON.stringify(renderValue(value, 0, new Set()));
  } catch (error) {
    return JSON.stringify({ $unrenderable: String(error) });
  }
}
