import { describe, expect, it } from "vitest";
import { MAX_CONFIG_LIST_LENGTH } from "../../../src/config/config-limits.js";
import { safeParseEventDefinitions, safeParseInvitations } from "../../../src/index.js";

const issuesOf = (result: { success: boolean; error?: { issues: readonly unknown[] } }): readonly unknown[] => result.error?.issues ?? [];

describe("lists inside configuration", () => {
  it("hold up to 1 000 items", () => {
    const departments = Array.from({ length: MAX_CONFIG_LIST_LENGTH }, (_, i) => i);
    expect(safeParseInvitations([{ id: "a", message: "Hi", departments }]).success).toBe(true);
  });

  it("are too_big past 1 000 items, at their path, whatever they hold, and their items are not read", () => {
    let reads = 0;
    const departments: unknown[] = new Array(16_384).fill([]);
    Object.defineProperty(departments, 5, { enumerable: true, get: () => ++reads });
    const result = safeParseInvitations([{ id: "a", message: "Hi" }, { id: "b", message: "Hi", departments, urls: new Array(1001).fill("/x") }]);
    expect(issuesOf(result)).toEqual([
      { code: "too_big", path: [1, "departments"], message: "expected a list of at most 1000 items, got 16384" },
      { code: "too_big", path: [1, "urls"], message: "expected a list of at most 1000 items, got 1001" },
    ]);
    expect(reads).toBe(0);
  });

  it("include a design's arrays, but not the set itself", () => {
    const design = { steps: new Array(1001).fill(1) };
    expect(issuesOf(safeParseInvitations([{ id: "a", message: "Hi", design }]))).toEqual([
      { code: "too_big", path: [0, "design", "steps"], message: "expected a list of at most 1000 items, got 1001" },
    ]);
    const many = Array.from({ length: 1500 }, (_, i) => ({ id: `i${i}`, message: "Hi" }));
    expect(safeParseInvitations(many).success).toBe(true);
    expect(safeParseEventDefinitions(Array.from({ length: 1500 }, (_, i) => ({ name: `e${i}` }))).success).toBe(true);
  });
});
