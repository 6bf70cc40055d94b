import type { CompiledAttributeCondition } from "./compile-attribute-condition.js";
import { readAttributeValue, type AttributeSource } from "./read-attribute-value.js";

/**
 * Tells whether a visitor's attributes satisfy a compiled attribute condition at `nowMs` (epoch ms, used only by
 * relative times). A missing key or `null` value fails every operator except `notExists`, negated ones included.
 * Never throws.
 *
 * @example
 * const vip = compileAttributeCondition({ key: "plan", op: "eq", value: "VIP" });
 * testAttribute(vip, { plan: " vip " }, 0) // => true
 * testAttribute(vip, {}, 0)                // => false
 */
export function testAttribute(
  condition: CompiledAttributeCondition,
  attributes: AttributeSource | undefined,
  nowMs: number,
): boolean {
  const value = readAttributeValue(attributes, condition.key);
  return value === undefined ? condition.whenMissing : condition.holds(value, nowMs);
}
