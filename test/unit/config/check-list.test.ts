import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { checkList, listElement } from "../../../src/config/check-list.js";
import type { ConfigIssue } from "../../../src/config/config-error.js";
import { eventDefinitionSchema, eventDefinitionsSchema } from "../../../src/config/event-definition-schema.js";
import { parseWithSchema } from "../../../src/config/parse-with-schema.js";
import { safeParseEventDefinitions } from "../../../src/index.js";

const none = (): ConfigIssue[] => [];

describe("listElement", () => {
  it("is the element schema of a plain array schema", () => {
    expect(listElement(eventDefinitionsSchema)).toBe(eventDefinitionSchema);
  });

  it("is null for an array with checks of its own, and for anything but an array", () => {
    expect(listElement(z.array(z.string()).check(z.minLength(1)))).toBeNull();
    expect(listElement(eventDefinitionSchema)).toBeNull();
  });
});

describe("checkList", () => {
  it("gives the data of a valid list, item for item", () => {
    const found = checkList(eventDefinitionsSchema, [{ name: "a" }, { name: "b", storeTimeoutSeconds: 1 }], none, 1000);
    expect(found).toEqual({ data: [{ name: "a" }, { name: "b", storeTimeoutSeconds: 1 }], issues: [], last: 1 });
  });

  it("stops at the item whose issues pass `enough`, and keeps no issue past it", () => {
    const found = checkList(eventDefinitionsSchema, new Array(50).fill([]), none, 10);
    expect(found.last).toBe(10);
    expect(found.data).toBeUndefined();
    expect(found.issues.map((issue) => issue.path)).toEqual(Array.from({ length: 11 }, (_, i) => [i]));
  });

  it("checks every item when the issues never pass `enough`", () => {
    const items = [{ name: "a" }, [], { name: "b" }, 7];
    const found = checkList(eventDefinitionsSchema, items, none, 10);
    expect(found.last).toBe(3);
    expect(found.issues.map((issue) => issue.path)).toEqual([[1], [3]]);
  });

  it("stops the rules too when they alone pass `enough`, and runs them on a prefix only", () => {
    const lengths: number[] = [];
    const everyOneAfterTheFirst = (input: unknown): ConfigIssue[] => {
      const items = input as unknown[];
      lengths.push(items.length);
      return items.slice(1).map((_, i) => ({ code: "duplicate_id", path: [i + 1, "name"], message: "again" }));
    };
    const items = new Array(100_000).fill({ name: "a" });
    const found = checkList(eventDefinitionsSchema, items, everyOneAfterTheFirst, 1000);
    expect(found.last).toBe(1001);
    expect(found.issues).toHaveLength(1001);
    expect(found.issues.at(-1)?.path).toEqual([1001, "name"]);
    expect(Math.max(...lengths)).toBeLessThan(items.length);
  });
});

describe("a flood of issues in a list", () => {
  it("says how far checking went", () => {
    const result = safeParseEventDefinitions([...new Array(1001).fill([]), { name: "a" }]);
    const issues = result.success ? [] : result.error.issues;
    expect(issues).toHaveLength(1001);
    expect(issues.at(-1)?.message).toBe("1 more problems not listed (at most 1000 are), and item 1001 was not checked");
  });

  it("is listed in full when repeats leave no more issues than are listed", () => {
    // The rule repeats the schema's own issue at every item: twice as many issues found as there are problems.
    const schema = z.array(z.string());
    const once = parseWithSchema(schema, [1], "texts");
    const issue = once.success ? undefined : once.error.issues[0];
    const repeat = (input: unknown): ConfigIssue[] => (input as unknown[]).map((_, i) => ({ ...(issue as ConfigIssue), path: [i] }));
    const result = parseWithSchema(schema, new Array(700).fill(1), "texts", repeat);
    const issues = result.success ? [] : result.error.issues;
    expect(issues).toHaveLength(700);
    expect(issues.every((found, i) => found.code === "invalid_type" && found.path[0] === i)).toBe(true);
  });
});
