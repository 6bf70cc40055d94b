/**
 * What is wrong with a parse result as data, or `undefined` when nothing is: every object must be an ordinary
 * object or array (or without prototype), hold only data properties (no getters), no own `__proto__` key, no
 * cycle, and share no object with the input it was parsed from (the README promises a fresh deep copy).
 *
 * @example
 * plainDataProblem({ a: [1] }, {}) // => undefined
 * plainDataProblem(input.tags, input) // => "shares an object with the input at [tags]"
 */
export function plainDataProblem(data: unknown, input: unknown): string | undefined {
  const inputObjects = new Set<object>();
  collect(input, inputObjects);
  const stack: [unknown, string][] = [[data, ""]];
  const onPath = new Set<object>();
  let steps = 0;
  while (stack.length > 0 && steps++ < 2_000_000) {
    const [node, path] = stack.pop() as [unknown, string];
    if (typeof node === "function") return `holds a function at ${path || "(root)"}`;
    if (typeof node !== "object" || node === null) continue;
    if (inputObjects.has(node)) return `shares an object with the input at ${path || "(root)"}`;
    if (onPath.has(node)) return `holds an object twice (or a cycle) at ${path || "(root)"}`;
    onPath.add(node);
    const proto = Object.getPrototypeOf(node) as unknown;
    if (proto !== Object.prototype && proto !== Array.prototype && proto !== null) return `holds a non-plain object at ${path || "(root)"}`;
    for (const key of Reflect.ownKeys(node)) {
      if (typeof key === "symbol") return `holds a symbol key at ${path || "(root)"}`;
      const descriptor = Reflect.getOwnPropertyDescriptor(node, key) as PropertyDescriptor;
      if (!("value" in descriptor)) return `holds an accessor at ${path}.${key}`;
      if (key === "__proto__") return `holds an own __proto__ key at ${path || "(root)"}`;
      stack.push([descriptor.value, `${path}[${JSON.stringify(key)}]`]);
    }
  }
  return undefined;
}

/** Every ordinary object reachable in the input through data properties (opaque ones included, by identity). */
function collect(value: unknown, into: Set<object>): void {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node !== "object" || node === null || into.has(node)) continue;
    into.add(node);
    let keys: (string | symbol)[];
    try {
      keys = Reflect.ownKeys(node);
    } catch {
      continue; // a hostile proxy: its identity is recorded, its insides are not ours to read
    }
    for (const key of keys) {
      try {
        const descriptor = Reflect.getOwnPropertyDescriptor(node, key);
        if (descriptor !== undefined && "value" in descriptor) stack.push(descriptor.value);
      } catch {
        break;
      }
    }
  }
}
