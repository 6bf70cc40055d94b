import { opaqueLabel } from "./opaque.js";

/** Strings longer than this are shown as their start and their length. */
const LONG = 160;

/** Objects rendered at most: past this, `{ "$more": true }` (a rendering is for reading, not a copy). */
const MAX_OBJECTS = 5000;

/** What one rendering remembers: where each object was first shown, which are open now, how many were shown. */
interface Walk {
  shownAt: Map<object, string>;
  open: Set<object>;
  objects: number;
}

/** One value as JSON-compatible data, with markers for what JSON cannot say. */
function renderValue(value: unknown, depth: number, path: string, walk: Walk): unknown {
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
  if (walk.open.has(object)) return { $cycle: walk.shownAt.get(object) ?? "" };
  // A shared part (a DAG of 2^24 paths through 25 objects) is shown once; a tree walk of it would never end.
  const first = walk.shownAt.get(object);
  if (first !== undefined) return { $shared: first };
  if (depth > 64) return { $deep: "nesting continues" };
  if (++walk.objects > MAX_OBJECTS) return { $more: true };
  walk.shownAt.set(object, path);
  if (Array.isArray(object) && object.length > 64) return { $array: renderValue(object[0], depth + 1, `${path}/0`, walk), length: object.length };
  walk.open.add(object);
  const proto = Object.getPrototypeOf(object) as unknown;
  const out: Record<string, unknown> | unknown[] = Array.isArray(object) ? [] : {};
  const keys = Reflect.ownKeys(object).filter((key) => !(Array.isArray(object) && key === "length"));
  for (const key of keys) {
    const descriptor = Reflect.getOwnPropertyDescriptor(object, key) as PropertyDescriptor;
    const name = typeof key === "symbol" ? `@@${key.description ?? ""}` : key;
    const shown = "value" in descriptor ? renderValue(descriptor.value, depth + 1, `${path}/${name}`, walk) : { $getter: true };
    if (Array.isArray(out) && typeof key === "string" && /^\d+$/.test(key)) out[Number(key)] = shown;
    else Object.defineProperty(out, descriptor.enumerable === true ? name : `(hidden) ${name}`, { value: shown, enumerable: true });
  }
  walk.open.delete(object);
  if (proto === null) return { $nullPrototype: out };
  if (proto !== Object.prototype && proto !== Array.prototype) return { $instance: out };
  return out;
}

/**
 * Renders a fuzz input for a finding file without running any of its hostile code: JSON where JSON can say it, and
 * `$`-markers for the rest (`{ "$hostile": "revoked proxy" }`, `{ "$getter": true }`, `{ "$cycle": "/path" }`, an
 * object met again as `{ "$shared": "/path where it was shown" }`, long strings as their start and length, nesting
 * past 64 levels cut, at most 5 000 objects). It takes time linear in the objects, whatever their paths.
 *
 * @example
 * renderInput({ id: "v", url: "a".repeat(9000) }) // => '{"id":"v","url":{"$string":"aaaa…","length":9000}}'
 * renderInput([[1], [1]].map(() => shared)) // => '[[1],{"$shared":"/0"}]' for one array `shared` held twice
 */
export function renderInput(value: unknown): string {
  try {
    return JSON.stringify(renderValue(value, 0, "", { shownAt: new Map(), open: new Set(), objects: 0 }));
  } catch (error) {
    return JSON.stringify({ $unrenderable: String(error) });
  }
}
