/**
 * DECISIONS: see parse-invitations.test.ts. For state in particular:
 * - Only `v: 1` is read; any other value (2, "1", …) is `invalid_value` naming the supported version, a missing `v`
 *   is `required`. There is no migration yet.
 * - `current.shownPageviews` is an integer ≥ 0; ids inside the state are plain strings (they were validated when the
 *   invitations were parsed).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseState } from "../../../src/config/parse-state.js";
import { safeParseState } from "../../../src/config/safe-parse-state.js";
import { ConfigError, type ConfigIssue } from "../../../src/config/config-error.js";
import { copy, fullState, sharedObjects } from "./examples.js";

const empty = { v: 1, sessionExcluded: [], seenOnce: [], conversions: [] };

function issuesOf(input: unknown): ConfigIssue[] {
  const result = safeParseState(input);
  expect(result.success).toBe(false);
  return result.success ? [] : [...result.error.issues];
}

function codesAndPaths(input: unknown): [string, (string | number)[]][] {
  return issuesOf(input).map((issue) => [issue.code, issue.path]);
}

describe("safeParseState", () => {
  it("returns a deep copy equal to a state with every field set", () => {
    const input = copy(fullState);
    const result = safeParseState(input);
    expect(result).toEqual({ success: true, data: fullState });
    expect(result.success && sharedObjects(input, result.data)).toEqual([]);
  });

  it("accepts the empty state", () => {
    expect(safeParseState(empty)).toEqual({ success: true, data: empty });
  });

  it.each([2, 0, "1", null])("refuses version %j and says which versions are supported", (v) => {
    expect(issuesOf({ ...empty, v })).toEqual([
      { code: "invalid_value", path: ["v"], message: expect.stringContaining("reads version 1") },
    ]);
  });

  it("reports every missing required field", () => {
    expect(codesAndPaths({})).toEqual([
      ["required", ["conversions"]],
      ["required", ["seenOnce"]],
      ["required", ["sessionExcluded"]],
      ["required", ["v"]],
    ]);
  });

  it("checks the current invitation", () => {
    const current = {
      invitationId: "a",
      variationId: "a",
      assignedAt: "now",
      shownPageviews: -1,
      closedAt: Number.NaN,
    };
    expect(codesAndPaths({ ...empty, current })).toEqual([
      ["invalid_type", ["current", "assignedAt"]],
      ["invalid_type", ["current", "closedAt"]],
      ["negative_number", ["current", "shownPageviews"]],
    ]);
  });

  it("checks conversion records", () => {
    const record = {
      invitationId: "a",
      variationId: "a",
      campaign: "",
      status: "converted",
      sentAt: 1,
      event: "buy",
      expiresAt: 2,
    };
    expect(codesAndPaths({ ...empty, conversions: [record, { ...record, status: "sent", extra: 1 }] })).toEqual([
      ["invalid_value", ["conversions", 0, "status"]],
      ["unknown_key", ["conversions", 1, "extra"]],
    ]);
  });

  it("never throws, and a failure always lists at least one issue", () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        const result = safeParseState(input);
        return result.success || result.error.issues.length > 0;
      }),
    );
  });
});

describe("parseState", () => {
  it("returns the parsed state", () => {
    expect(parseState(copy(fullState))).toEqual(fullState);
  });

  it("throws a ConfigError for another version", () => {
    expect(() => parseState({ ...empty, v: 2 })).toThrow(ConfigError);
    expect(() => parseState({ ...empty, v: 2 })).toThrow(
      "Invalid state, 1 problem:\n  - v: unsupported state version 2: this version of beckon reads version 1 (invalid_value)",
    );
  });
});
