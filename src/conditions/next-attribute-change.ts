import type { CompiledAttributeCondition } from "./compile-attribute-condition.js";
import { numericValue } from "./numeric-value.js";
import { readAttributeValue, type AttributeSource } from "./read-attribute-value.js";
import { testAttribute } from "./test-attribute.js";

/**
 * The first integer epoch ms after `nowMs` at which `testAttribute` gives a different answer while the attributes
 * stay the same, or `null` if that never happens. Only comparisons with a relative time (`{ now: n }`) move: the
 * threshold `nowMs / 1000 + n` grows with time, so the answer flips at most once, around `T = (v − n) × 1000`.
 * The candidates next to `T` are verified by re-testing (floating-point rounding can move the flip by a
 * millisecond); when they do not verify, a binary search over the monotone answer finds the exact instant.
 *
 * @example
 * const recent = compileAttributeCondition({ key: "signedUpAt", op: "gte", value: { now: -60 } });
 * nextAttributeChange(recent, { signedUpAt: 1_000 }, 1_000_000) // => 1_060_001
 */
export function nextAttributeChange(
  condition: CompiledAttributeCondition,
  attributes: AttributeSource | undefined,
  nowMs: number,
): number | null {
  const offset = condition.relativeSeconds;
  if (offset === null || !Number.isFinite(nowMs)) return null;
  const raw = readAttributeValue(attributes, condition.key);
  const value = raw === undefined ? null : numericValue(raw);
  if (value === null) return null;
  const initial = testAttribute(condition, attributes, nowMs);
  const changed = (atMs: number): boolean => testAttribute(condition, attributes, atMs) !== initial;
  return firstChange(changed, nowMs, (value - offset) * 1000);
}

/** `changed` is false then true as time grows; find the first integer instant after `nowMs` where it is true. */
function firstChange(changed: (atMs: number) => boolean, nowMs: number, threshold: number): number | null {
  const first = Math.floor(nowMs) + 1;
  const last = Number.MAX_SAFE_INTEGER;
  if (first > last || !changed(last)) return null;
  if (changed(first)) return first;
  for (const candidate of [Math.ceil(threshold), Math.floor(threshold) + 1]) {
    if (candidate > first && candidate <= last && changed(candidate) && !changed(candidate - 1)) return candidate;
  }
  let before = first;
  let after = last;
  while (after - before > 1) {
    const middle = before + Math.floor((after - before) / 2);
    if (changed(middle)) after = middle;
    else before = middle;
  }
  return after;
}
