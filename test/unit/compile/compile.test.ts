import { describe, expect, it } from "vitest";
import { compile, explain, isConfigError, isRuleset, parseInvitations, safeParseInvitations, type Invitation } from "../../../src/index.js";

describe("compile", () => {
  it("builds a ruleset that keeps the invitations it was given", () => {
    const invitations: Invitation[] = [{ id: "a", message: "A" }];
    const ruleset = compile(invitations);
    expect(isRuleset(ruleset)).toBe(true);
    expect(ruleset.invitations).toBe(invitations);
    expect(Object.isFrozen(ruleset)).toBe(true);
  });

  it("throws a ConfigError listing every problem of an invalid set", () => {
    const invalid = [
      { id: "a", message: "A", timeOnSite: -1 },
      { id: "a", message: "B", urls: ["[x"] },
    ] as Invitation[];
    let thrown: unknown;
    try {
      compile(invalid);
    } catch (error) {
      thrown = error;
    }
    expect(isConfigError(thrown)).toBe(true);
    const codes = isConfigError(thrown) ? thrown.issues.map((issue) => issue.code) : [];
    expect(codes).toEqual(expect.arrayContaining(["negative_number", "duplicate_id", "invalid_glob"]));
  });

  it("reports what parseInvitations reports for a set that only the rules across fields refuse, wherever the problem is", () => {
    const valid = (i: number): Invitation => ({ id: `inv-${i}`, message: "Hi", tag: `tag${i}`, urls: [`host${i}.example.com/*`] });
    const sets: Invitation[][] = [
      [valid(0), valid(1), valid(0)],
      [valid(0), valid(1), { id: "d", message: "Hi", kind: "dynamic" }],
      [{ ...valid(0), translations: { xx_YY_: { message: "x" } } }, valid(1)],
      [valid(0), { ...valid(1), variations: [{ id: "inv-1", message: "Yo" }] }],
    ];
    for (const set of sets) {
      const expected = safeParseInvitations(set);
      expect(expected.success).toBe(false);
      expect(() => compile(set)).toThrow(expect.objectContaining({ issues: expected.success ? [] : expected.error.issues }));
    }
  });

  it("accepts what parseInvitations returned", () => {
    const parsed = parseInvitations([{ id: "a", message: "A" }]);
    expect(compile(parsed).invitations).toBe(parsed);
  });

  it("ranks a parsed array that repeats an id after it was parsed, as a sorted one", () => {
    const parsed = parseInvitations([
      { id: "a", message: "A", position: 2 },
      { id: "b", message: "B", position: 1 },
    ]);
    parsed.push({ id: "a", message: "again", position: 0 });
    const { decision, candidates } = explain(compile(parsed), { id: "v1" }, 0);
    expect(decision.message).toBe("again");
    expect(candidates.map((c) => c.invitationId)).toEqual(["a", "b", "a"]);
  });

  it("tells a ruleset from anything else", () => {
    expect(isRuleset([])).toBe(false);
    expect(isRuleset({ invitations: [] })).toBe(false);
    expect(isRuleset(null)).toBe(false);
  });
});
