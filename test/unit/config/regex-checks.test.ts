import { afterEach, describe, expect, it, vi } from "vitest";
import { checkRegex } from "../../../src/conditions/regex.js";
import { safeParseInvitations } from "../../../src/config/safe-parse-invitations.js";
import { evaluate, explain } from "../../../src/index.js";

// The real check, counted: what the schema asks of it is what this file is about.
vi.mock("../../../src/conditions/regex.js", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../../src/conditions/regex.js")>();
  return { ...real, checkRegex: vi.fn(real.checkRegex) };
});

const checks = vi.mocked(checkRegex);
const COSTLY = "a{1,100}a*\\s*=(a+)+";
const withRegex = (value: string) => [{ id: "a", message: "Hi", attributes: [{ key: "q", op: "regex", value }] }];
/** The issues of a set holding one `regex` condition with this pattern (none when it validates). */
const issuesOf = (value: string) => {
  const parsed = safeParseInvitations(withRegex(value));
  return parsed.success ? [] : parsed.error.issues;
};
const callsFor = (pattern: string) => checks.mock.calls.filter(([called]) => called === pattern).length;

afterEach(() => checks.mockClear());

describe("regex patterns read by the invitation schema", () => {
  it("prices a costly pattern once, however many times the sets holding it are read", () => {
    // Fuzz seed 2011721526, evaluate:48622: refusing such a pattern works out its automaton (≈ 10 ms), and an invalid
    // set is read by the fast reader and then by the schema that lists every issue, and every new array again.
    const unique = `${COSTLY}(?:)`;
    const first = issuesOf(unique);
    expect(first).toEqual([
      { code: "unsafe_regex", path: [0, "attributes", 0, "value"], message: expect.stringMatching(/^regex is too costly to match/) },
    ]);
    expect(issuesOf(unique)).toEqual(first);
    expect(evaluate(withRegex(unique) as never, { id: "v1" }, 0).reason).toBe("invalid_config");
    expect(explain(withRegex(unique) as never, { id: "v1" }, 0).decision.reason).toBe("invalid_config");
    expect(callsFor(unique)).toBe(1);
  });

  it("answers right for patterns it has let go of", () => {
    const verdicts = () =>
      Array.from({ length: 400 }, (_, n) => [issuesOf(`^p${n}$`).length, issuesOf(`(p${n})\\1`)[0]?.code]);
    const first = verdicts();
    expect(first.every(([count, refused]) => count === 0 && refused === "unsafe_regex")).toBe(true);
    // 800 patterns read: the last ones are still known, the first was let go and is checked again.
    expect(issuesOf("^p399$")).toEqual([]);
    expect(callsFor("^p399$")).toBe(1);
    expect(issuesOf("^p0$")).toEqual([]);
    expect(callsFor("^p0$")).toBe(2);
    expect(verdicts()).toEqual(first);
  });

  it("keeps no pattern past the length cap", () => {
    const long = `^${"a".repeat(300)}$`;
    const refusal = () => issuesOf(long)[0]?.message;
    expect(refusal()).toBe("regex is longer than 256 characters");
    const once = callsFor(long);
    expect(refusal()).toBe("regex is longer than 256 characters");
    expect(callsFor(long)).toBe(2 * once);
  });
});
