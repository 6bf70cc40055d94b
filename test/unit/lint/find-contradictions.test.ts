import { describe, expect, it } from "vitest";
import { findContradictions } from "../../../src/lint/find-contradictions.js";
import type { AttributeCondition } from "../../../src/types.js";

const contradicts = (...attributes: AttributeCondition[]): boolean =>
  findContradictions([{ id: "a", message: "Hi", attributes }]).some((f) => f.code === "contradictory_conditions");

describe("findContradictions", () => {
  it("finds numeric bounds with nothing between them, and accepts those with something", () => {
    expect(contradicts({ key: "n", op: "gt", value: 10 }, { key: "n", op: "lt", value: 5 })).toBe(true);
    expect(contradicts({ key: "n", op: "gt", value: 5 }, { key: "n", op: "lte", value: "5" })).toBe(true);
    expect(contradicts({ key: "n", op: "gte", value: 5 }, { key: "n", op: "lte", value: 5 })).toBe(false);
    expect(contradicts({ key: "n", op: "gt", value: 5 }, { key: "n", op: "lt", value: 5.5 })).toBe(false);
  });

  it("compares relative times by their offsets, and never mixes them with fixed numbers", () => {
    expect(contradicts({ key: "t", op: "gt", value: { now: 0 } }, { key: "t", op: "lt", value: { now: -60 } })).toBe(true);
    expect(contradicts({ key: "t", op: "gt", value: { now: -60 } }, { key: "t", op: "lt", value: { now: 0 } })).toBe(false);
    expect(contradicts({ key: "t", op: "gt", value: { now: 0 } }, { key: "t", op: "lt", value: 5 })).toBe(false);
  });

  it("finds eq/in values with none equal between them, equality as evaluation compares", () => {
    expect(contradicts({ key: "p", op: "eq", value: "pro" }, { key: "p", op: "eq", value: "basic" })).toBe(true);
    expect(contradicts({ key: "p", op: "eq", value: " PRO " }, { key: "p", op: "eq", value: "pro" })).toBe(false);
    expect(contradicts({ key: "p", op: "eq", value: "1.0" }, { key: "p", op: "in", value: [1, 2] })).toBe(false);
    expect(contradicts({ key: "p", op: "in", value: ["a", "b"] }, { key: "p", op: "in", value: ["c"] })).toBe(true);
  });

  it("finds a test and its negation on the same value, and every accepted value excluded", () => {
    expect(contradicts({ key: "p", op: "eq", value: "pro" }, { key: "p", op: "neq", value: "pro" })).toBe(true);
    expect(contradicts({ key: "q", op: "like", value: "help*" }, { key: "q", op: "notLike", value: "help*" })).toBe(true);
    expect(contradicts({ key: "q", op: "contains", value: "a" }, { key: "q", op: "notContains", value: "b" })).toBe(false);
    expect(contradicts({ key: "p", op: "in", value: ["a", "B"] }, { key: "p", op: "notIn", value: ["b", "A"] })).toBe(true);
    expect(contradicts({ key: "p", op: "in", value: ["a", "c"] }, { key: "p", op: "notIn", value: ["a"] })).toBe(false);
  });

  it("compares contains and like values as evaluation reads them: case and spacing folded, like by its words", () => {
    expect(contradicts({ key: "q", op: "contains", value: "A" }, { key: "q", op: "notContains", value: " a" })).toBe(true);
    expect(contradicts({ key: "q", op: "contains", value: 1 }, { key: "q", op: "notContains", value: "1" })).toBe(true);
    expect(contradicts({ key: "q", op: "like", value: "Help" }, { key: "q", op: "notLike", value: "help" })).toBe(true);
    expect(contradicts({ key: "q", op: "like", value: "live  chat, Help*" }, { key: "q", op: "notLike", value: "Live chat,help*" })).toBe(true);
    // Not the same test: a visitor can satisfy both.
    expect(contradicts({ key: "q", op: "like", value: "help*" }, { key: "q", op: "notLike", value: "help" })).toBe(false);
    expect(contradicts({ key: "q", op: "contains", value: "ab" }, { key: "q", op: "notContains", value: "a b" })).toBe(false);
  });

  it("finds notExists with any test that needs a value, and eq values outside the bounds", () => {
    expect(contradicts({ key: "p", op: "notExists" }, { key: "p", op: "neq", value: "x" })).toBe(true);
    expect(contradicts({ key: "p", op: "notExists" }, { key: "q", op: "exists" })).toBe(false);
    expect(contradicts({ key: "n", op: "eq", value: 3 }, { key: "n", op: "gt", value: 5 })).toBe(true);
    expect(contradicts({ key: "n", op: "eq", value: "pro" }, { key: "n", op: "gt", value: { now: 0 } })).toBe(true);
    expect(contradicts({ key: "n", op: "in", value: [3, 7] }, { key: "n", op: "gt", value: 5 })).toBe(false);
  });

  it("names the key, and leaves disabled invitations alone", () => {
    const [found] = findContradictions([{ id: "a", message: "Hi", attributes: [{ key: "seats", op: "exists" }, { key: "seats", op: "notExists" }] }]);
    expect(found).toMatchObject({ code: "contradictory_conditions", severity: "error", path: [0, "attributes"] });
    expect(found?.message).toContain('"seats"');
    expect(findContradictions([{ id: "a", message: "Hi", enabled: false, attributes: [{ key: "s", op: "exists" }, { key: "s", op: "notExists" }] }])).toEqual([]);
  });
});
