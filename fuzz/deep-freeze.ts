import { opaqueLabel } from "./opaque.js";

/**
 * Freezes a value and everything reachable through its own data properties, except the opaque hostile objects (a
 * proxy's target is not ours to freeze, and freezing through a throwing trap would throw here). Any write beckon then
 * attempts fails loudly in strict mode, which is what the "never mutates its arguments" check relies on.
 *
 * @example
 * const visitor = deepFreeze({ id: "v", tags: ["a"] });
 * Object.isFrozen(visitor.tags) // => true
 */
export function deepFreeze<T>(value: T): T {
  const stack: unknown[] = [value];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node !== "object" || node === null || seen.has(node) || opaqueLabel(node) !== undefined) continue;
    seen.add(node);
    Object.freeze(node);
    for (const key of Reflect.ownKeys(node)) {
      const descriptor = Reflect.getOwnPropertyDescriptor(node, key);
      if (descriptor !== undefined && "value" in descriptor) stack.push(descriptor.value);
    }
  }
  return value;
}
