/**
 * A deep-frozen version of validated JSON-like configuration (`design`, `wait`, `trigger`), for the parts of a
 * decision that come from the compiled set: every decision hands out the same object, so no caller may be able to
 * change what the next decision shows. With `copy` the value is copied first and the caller's object is left as it
 * was (never frozen, never changed); without it the value is beckon's own (a fresh parse) and is frozen in place.
 *
 * @example
 * const design = frozenJson({ w: 300, css: { color: "red" } }, true);
 * Object.isFrozen(design.css) // => true
 */
export function frozenJson<T>(value: T, copy: boolean): T {
  const own = copy ? cloneJson(value) : value;
  freezeDeep(own);
  return own;
}

function cloneJson<T>(value: T): T {
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) return value.map(cloneJson) as T;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const item = cloneJson((value as Record<string, unknown>)[key]);
    // Assigning `__proto__` would set the copy's prototype (validated configuration has no such key, but still).
    if (key === "__proto__") Object.defineProperty(copy, key, { value: item, enumerable: true, writable: true, configurable: true });
    else copy[key] = item;
  }
  return copy as T;
}

function freezeDeep(value: unknown): void {
  // Validated JSON is a finite tree (no cycles, at most 64 levels), so this always ends.
  if (typeof value !== "object" || value === null) return;
  Object.freeze(value);
  for (const item of Object.values(value)) freezeDeep(item);
}
