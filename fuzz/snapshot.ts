import { opaqueLabel } from "./opaque.js";

/** A value flattened to a list of tokens; two snapshots are equal when their tokens are, one by one. */
export type Snapshot = readonly unknown[];

/** A property's attributes as one number (enumerable 1, configurable 2, writable 4, accessor 8). */
function flags(descriptor: PropertyDescriptor): number {
  return (
    (descriptor.enumerable === true ? 1 : 0) |
    (descriptor.configurable === true ? 2 : 0) |
    (descriptor.writable === true ? 4 : 0) |
    ("value" in descriptor ? 0 : 8)
  );
}

/**
 * Flattens a value into tokens with an explicit stack (inputs nest 20 000 levels deep). Objects contribute their
 * prototype, extensibility and every own property (symbols and non-enumerable ones too); accessors are recorded,
 * never called; cycles become back-references; opaque objects (proxies, promises…) and functions are tokens of
 * their identity. So any write, deletion, freeze or re-prototyping of the input shows up as a difference.
 *
 * @example
 * sameSnapshot(snapshot({ a: [1] }), snapshot({ a: [1] })) // => true
 */
export function snapshot(value: unknown, maxTokens = 20_000_000): Snapshot {
  const tokens: unknown[] = [];
  const seen = new Map<object, number>();
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    if (tokens.length > maxTokens) {
      tokens.push("…truncated");
      break;
    }
    const node = stack.pop();
    if ((typeof node !== "object" || node === null) && typeof node !== "function") {
      tokens.push(typeof node, node);
      continue;
    }
    const object = node as object;
    if (typeof node === "function" || opaqueLabel(node) !== undefined) {
      tokens.push("opaque", object);
      continue;
    }
    const seenAt = seen.get(object);
    if (seenAt !== undefined) {
      tokens.push("ref", seenAt);
      continue;
    }
    seen.set(object, seen.size);
    const proto = Object.getPrototypeOf(object) as object | null;
    const keys = Reflect.ownKeys(object);
    tokens.push("object", proto, Object.isExtensible(object), keys.length);
    // Pushed in reverse so the children come out in key order.
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i] as string | symbol;
      const descriptor = Reflect.getOwnPropertyDescriptor(object, key) as PropertyDescriptor;
      tokens.push(key, flags(descriptor));
      if ("value" in descriptor) stack.push(descriptor.value);
      else tokens.push(descriptor.get, descriptor.set);
    }
  }
  return tokens;
}
