/**
 * DECISIONS: see test/unit/events/record-event.test.ts for the event log. For definitions in particular:
 * - Names must be non-blank; they are kept as written (never trimmed) and are unique after trimming and lower-casing
 *   (the rule evaluation and `recordEvent` compare names by). Only the later duplicate is reported, as `duplicate_id`.
 * - `storeTimeoutSeconds` is any finite number ≥ 0 (fractions allowed: 0.5 collapses bursts within half a second).
 */
import { describe, expect, it } from "vitest";
import { eventDefinitionSchema } from "../../../src/config/schemas.js";
import { parseEventDefinitions } from "../../../src/config/parse-event-definitions.js";
import { safeParseEventDefinitions } from "../../../src/config/safe-parse-event-definitions.js";
import { isConfigError } from "../../../src/config/config-error.js";
import type { EventDefinition } from "../../../src/types.js";
import { copy, sharedObjects } from "./examples.js";

type CodeAndPath = [string, (string | number)[]];

const TIMEOUT = "storeTimeoutSeconds";

function codesAndPaths(input: unknown): CodeAndPath[] {
  const result = safeParseEventDefinitions(input);
  expect(result.success).toBe(false);
  return result.success ? [] : result.error.issues.map((issue) => [issue.code, issue.path]);
}

const seedDefinitions: EventDefinition[] = [
  { name: "birthday", storeTimeoutSeconds: 0 },
  { name: "login_failed", storeTimeoutSeconds: 1, filterByValue: false },
  { name: "viewed_product", filterByValue: true },
];

describe("safeParseEventDefinitions", () => {
  it("returns a deep copy equal to valid definitions, filling in no default", () => {
    const input = copy(seedDefinitions);
    const result = safeParseEventDefinitions(input);
    expect(result).toEqual({ success: true, data: seedDefinitions });
    expect(result.success && sharedObjects(input, result.data)).toEqual([]);
  });

  it("sets every definition field in the example", () => {
    const keys = new Set(seedDefinitions.flatMap((definition) => Object.keys(definition)));
    expect([...keys].sort()).toEqual(Object.keys(eventDefinitionSchema.shape).sort());
  });

  it("accepts an empty list and keeps names as written", () => {
    expect(safeParseEventDefinitions([])).toEqual({ success: true, data: [] });
    const spaced = [{ name: " Birthday " }];
    expect(safeParseEventDefinitions(spaced)).toEqual({ success: true, data: spaced });
  });

  it.each<[string, unknown, CodeAndPath[]]>([
    ["something that is not a list", { name: "birthday" }, [["invalid_type", []]]],
    ["a definition that is not an object", ["birthday"], [["invalid_type", [0]]]],
    ["a missing name", [{ storeTimeoutSeconds: 0 }], [["required", [0, "name"]]]],
    ["a blank name", [{ name: "  " }], [["empty_string", [0, "name"]]]],
    ["a numeric name", [{ name: 7 }], [["invalid_type", [0, "name"]]]],
    ["a negative store timeout", [{ name: "x", storeTimeoutSeconds: -1 }], [["negative_number", [0, TIMEOUT]]]],
    ["an infinite store timeout", [{ name: "x", storeTimeoutSeconds: Infinity }], [["invalid_type", [0, TIMEOUT]]]],
    ["a string store timeout", [{ name: "x", storeTimeoutSeconds: "1" }], [["invalid_type", [0, TIMEOUT]]]],
    ["a string filterByValue", [{ name: "x", filterByValue: "yes" }], [["invalid_type", [0, "filterByValue"]]]],
    ["an unknown key", [{ name: "x", storeTimeout: 1 }], [["unknown_key", [0, "storeTimeout"]]]],
    ["a key holding undefined", [{ name: "x", filterByValue: undefined }], [["invalid_type", [0, "filterByValue"]]]],
  ])("reports %s", (_name, input, expected) => {
    expect(codesAndPaths(input)).toEqual(expected);
  });

  it("reports a name equal to an earlier one after trimming and lower-casing, on the later one", () => {
    const input = [{ name: "birthday" }, { name: "login_failed" }, { name: " BirthDay " }, { name: "Login_Failed" }];
    expect(codesAndPaths(input)).toEqual([
      ["duplicate_id", [2, "name"]],
      ["duplicate_id", [3, "name"]],
    ]);
  });

  it("lists a duplicate together with the structural problems of other definitions, ordered by path", () => {
    const input = [{ name: "x", storeTimeoutSeconds: -1 }, { name: "y", colour: "red" }, { name: "X" }];
    expect(codesAndPaths(input)).toEqual([
      ["negative_number", [0, "storeTimeoutSeconds"]],
      ["unknown_key", [1, "colour"]],
      ["duplicate_id", [2, "name"]],
    ]);
  });

  it("does not call a blank name a duplicate of another blank name", () => {
    expect(codesAndPaths([{ name: "" }, { name: " " }])).toEqual([
      ["empty_string", [0, "name"]],
      ["empty_string", [1, "name"]],
    ]);
  });
});

describe("parseEventDefinitions", () => {
  it("returns the definitions when they are valid", () => {
    expect(parseEventDefinitions(copy(seedDefinitions))).toEqual(seedDefinitions);
  });

  it("throws a ConfigError naming event definitions and listing every issue", () => {
    let thrown: unknown;
    try {
      parseEventDefinitions([{ name: "" }, { name: "a", storeTimeoutSeconds: -2 }]);
    } catch (error) {
      thrown = error;
    }
    expect(isConfigError(thrown)).toBe(true);
    const codes = isConfigError(thrown) ? thrown.issues.map((issue) => issue.code) : [];
    expect(codes).toEqual(["empty_string", "negative_number"]);
    expect(isConfigError(thrown) && thrown.message).toMatch(/^Invalid event definitions, 2 problems:/);
  });
});
