import { describe, expect, it } from "vitest";
import { compileAttributeCondition } from "../../../src/conditions/compile-attribute-condition.js";
import { nextAttributeChange } from "../../../src/conditions/next-attribute-change.js";
import { testAttribute } from "../../../src/conditions/test-attribute.js";
import type { AttributeCondition, AttributeValue } from "../../../src/types.js";

function next(condition: AttributeCondition, attributes: Record<string, AttributeValue>, nowMs: number) {
  return nextAttributeChange(compileAttributeCondition(condition), attributes, nowMs);
}

describe("nextAttributeChange", () => {
  it.each([
    ["gt", 1_060_000],
    ["gte", 1_060_001],
    ["lt", 1_060_001],
    ["lte", 1_060_000],
  ] as const)("finds the first instant %s { now: -60 } flips for a value of 1000 s → %j", (op, expected) => {
    expect(next({ key: "at", op, value: { now: -60 } }, { at: 1000 }, 1_000_000)).toBe(expected);
  });

  it("finds a flip at a fractional threshold", () => {
    // 1000.0005 s − (−60 s) → T = 1 060 000.5 ms
    expect(next({ key: "at", op: "gt", value: { now: -60 } }, { at: 1000.0005 }, 1_000_000)).toBe(1_060_001);
    expect(next({ key: "at", op: "gte", value: { now: -60 } }, { at: "1000.0005" }, 1_000_000)).toBe(1_060_001);
  });

  it("answers exactly for realistic epoch values despite floating-point rounding", () => {
    const condition = compileAttributeCondition({ key: "at", op: "gte", value: { now: -259_200 } });
    const attributes = { at: 1_704_067_200.123 };
    const nowMs = 1_704_000_000_000;
    const at = nextAttributeChange(condition, attributes, nowMs);
    expect(at).not.toBeNull();
    expect(testAttribute(condition, attributes, at!)).not.toBe(testAttribute(condition, attributes, nowMs));
    expect(testAttribute(condition, attributes, at! - 1)).toBe(testAttribute(condition, attributes, nowMs));
  });

  it("returns the next millisecond when the flip is immediate", () => {
    expect(next({ key: "at", op: "gte", value: { now: 0 } }, { at: 1000 }, 1_000_000)).toBe(1_000_001);
  });

  it("works from a fractional instant", () => {
    expect(next({ key: "at", op: "gt", value: { now: 0 } }, { at: 1000 }, 999_999.5)).toBe(1_000_000);
  });

  it("returns null once the flip has happened", () => {
    expect(next({ key: "at", op: "gt", value: { now: -60 } }, { at: 1000 }, 2_000_000)).toBeNull();
    expect(next({ key: "at", op: "lt", value: { now: -60 } }, { at: 1000 }, 2_000_000)).toBeNull();
  });

  it.each<[string, Record<string, AttributeValue>]>([
    ["a missing key", {}],
    ["null", { at: null }],
    ["a non-numeric value", { at: "soon" }],
  ])("returns null for %s", (_label, attributes) => {
    expect(next({ key: "at", op: "gt", value: { now: -60 } }, attributes, 1_000_000)).toBeNull();
  });

  it.each<AttributeCondition>([
    { key: "at", op: "gt", value: 1000 },
    { key: "at", op: "eq", value: 1000 },
    { key: "at", op: "exists" },
    { key: "at", op: "like", value: "1000" },
  ])("returns null for %j, which does not depend on time", (condition) => {
    expect(next(condition, { at: 1000 }, 1_000_000)).toBeNull();
  });

  it("returns null when the flip lies beyond the last safe integer millisecond", () => {
    expect(next({ key: "at", op: "gt", value: { now: -1e300 } }, { at: 1000 }, 1_000_000)).toBeNull();
  });
});
