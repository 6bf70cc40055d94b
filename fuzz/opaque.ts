/**
 * The hostile objects the mutator builds (proxies, throwing getters, promises…) are registered here, so the
 * harness's own walks (snapshot, freeze, render) never touch their insides: reading a revoked proxy would throw in
 * the harness, not in beckon, and a finding must always be beckon's.
 */
const opaque = new WeakMap<object, string>();

/**
 * Registers `value` as opaque under a label (the label is what a finding's rendering shows in its place).
 *
 * @example
 * const p = markOpaque(Proxy.revocable({}, {}).proxy, "revoked proxy");
 * opaqueLabel(p) // => "revoked proxy"
 */
export function markOpaque<T extends object>(value: T, label: string): T {
  opaque.set(value, label);
  return value;
}

/**
 * The label of a registered opaque object, or `undefined` for ordinary data.
 *
 * @example
 * opaqueLabel({}) // => undefined
 */
export function opaqueLabel(value: unknown): string | undefined {
  return (typeof value === "object" && value !== null) || typeof value === "function" ? opaque.get(value as object) : undefined;
}
