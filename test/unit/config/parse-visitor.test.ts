/**
 * DECISIONS: see parse-invitations.test.ts. For visitors in particular:
 * - Event names must be non-blank; attribute keys may be any string, except `__proto__` (`invalid_value`: zod would
 *   drop it silently, and docs/semantics.md: Attribute conditions says it never resolves anyway).
 * - A nested `state` is judged by the same rules as `parseState` (version 1 only).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ISSUE_CODES } from "../../../src/config/issue-codes.js";
import { parseVisitor } from "../../../src/config/parse-visitor.js";
import { safeParseVisitor } from "../../../src/config/safe-parse-visitor.js";
import { stateSchema, visitorSchema } from "../../../src/config/schemas.js";
import { isConfigError, type ConfigIssue } from "../../../src/config/config-error.js";
import { copy, fullVisitor, sharedObjects } from "./examples.js";

function codesAndPaths(input: unknown): [string, (string | number)[]][] {
  const result = safeParseVisitor(input);
  expect(result.success).toBe(false);
  return result.success ? [] : result.error.issues.map((issue: ConfigIssue) => [issue.code, issue.path]);
}

describe("safeParseVisitor", () => {
  it("returns a deep copy equal to a visitor with every field set", () => {
    const input = copy(fullVisitor);
    const result = safeParseVisitor(input);
    expect(result).toEqual({ success: true, data: fullVisitor });
    expect(result.success && sharedObjects(input, result.data)).toEqual([]);
  });

  it("sets every visitor and state field in the example", () => {
    expect(Object.keys(fullVisitor).sort()).toEqual(Object.keys(visitorSchema.shape).sort());
    expect(Object.keys(fullVisitor.state ?? {}).sort()).toEqual(Object.keys(stateSchema.shape).sort());
  });

  it("accepts a visitor with only an id and fills in no default", () => {
    expect(safeParseVisitor({ id: "v" })).toEqual({ success: true, data: { id: "v" } });
  });

  it.each<[string, unknown, [string, (string | number)[]][]]>([
    ["a missing id", { url: "x" }, [["required", ["id"]]]],
    ["a blank id", { id: " " }, [["empty_string", ["id"]]]],
    ["a negative time on site", { id: "v", timeOnSite: -1 }, [["negative_number", ["timeOnSite"]]]],
    ["fractional visits", { id: "v", visits: 1.5 }, [["not_integer", ["visits"]]]],
    ["an unknown device", { id: "v", device: "watch" }, [["invalid_value", ["device"]]]],
    ["a boolean department", { id: "v", department: true }, [["invalid_type", ["department"]]]],
    ["an object attribute value", { id: "v", attributes: { a: { b: 1 } } }, [["invalid_type", ["attributes", "a"]]]],
    [
      "an infinite visible attribute",
      { id: "v", visibleAttributes: { n: Infinity } },
      [["invalid_type", ["visibleAttributes", "n"]]],
    ],
    ["a blank event name", { id: "v", events: [{ name: "", at: 1 }] }, [["empty_string", ["events", 0, "name"]]]],
    ["an event without time", { id: "v", events: [{ name: "x" }] }, [["required", ["events", 0, "at"]]]],
    [
      "a numeric event value",
      { id: "v", events: [{ name: "x", at: 1, value: 5 }] },
      [["invalid_type", ["events", 0, "value"]]],
    ],
    [
      "a string lastStartedAt",
      { id: "v", chat: { lastStartedAt: "yesterday" } },
      [["invalid_type", ["chat", "lastStartedAt"]]],
    ],
    [
      "a state of another version",
      { id: "v", state: { v: 2, sessionExcluded: [], seenOnce: [], conversions: [] } },
      [["invalid_value", ["state", "v"]]],
    ],
  ])("reports %s", (_name, input, expected) => {
    expect(codesAndPaths(input)).toEqual(expected);
  });

  it("reports unknown keys at every depth", () => {
    const input = {
      id: "v",
      userAgent: "x",
      chat: { open: true },
      events: [{ name: "x", at: 1, count: 2 }],
      state: {
        v: 1,
        sessionExcluded: [],
        seenOnce: [],
        conversions: [],
        current: { invitationId: "a", variationId: "a", assignedAt: 1, shownPageviews: 1, seen: true },
      },
    };
    expect(codesAndPaths(input)).toEqual([
      ["unknown_key", ["chat", "open"]],
      ["unknown_key", ["events", 0, "count"]],
      ["unknown_key", ["state", "current", "seen"]],
      ["unknown_key", ["userAgent"]],
    ]);
  });

  it("reports a __proto__ attribute instead of dropping it", () => {
    const input = { id: "v", attributes: JSON.parse('{"__proto__": 1, "plan": "free"}') as unknown };
    expect(codesAndPaths(input)).toEqual([["invalid_value", ["attributes", "__proto__"]]]);
  });

  it.each([null, 1, "v", [], [{ id: "v" }], { id: 1, events: {}, chat: [] }])(
    "reports issues for %o instead of crashing",
    (input) => {
      for (const [code] of codesAndPaths(input)) expect(ISSUE_CODES).toContain(code);
    },
  );

  it("never throws, and a failure always lists at least one issue", () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withDate: true }), (input) => {
        const result = safeParseVisitor(input);
        return result.success || result.error.issues.length > 0;
      }),
    );
  });
});

describe("parseVisitor", () => {
  it("returns the parsed visitor", () => {
    expect(parseVisitor({ id: "v", pageviews: 2 })).toEqual({ id: "v", pageviews: 2 });
  });

  it("throws a ConfigError naming the visitor and every path", () => {
    expect(() => parseVisitor({ pageviews: -1 })).toThrow(
      "Invalid visitor, 2 problems:\n  - id: missing, expected a string (required)\n" +
        "  - pageviews: expected an integer ≥ 0, got -1 (negative_number)",
    );
    try {
      parseVisitor(null);
    } catch (error) {
      expect(isConfigError(error)).toBe(true);
    }
  });
});
