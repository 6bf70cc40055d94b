// The full fuzz run (seed 705332945) found inputs sharing deep parts (a DAG: one object referenced along up to 2²⁴
// paths) that took the parse functions and evaluate 0.3–1.4 s of CPU. Each is replayed here through the harness:
// the probe reports a call over its 50 ms budget in this thread's CPU time as `slow`, so these fail if the walk
// expands the graph again (the calls now take a few ms).
import { describe, expect, it } from "vitest";
import { replayCost, type ReplayedCall } from "../../fuzz/replay-cost.js";
import type { ConfigIssue } from "../../src/index.js";

const SEED = 705332945;

function issuesOf(call: ReplayedCall | undefined): ConfigIssue[] {
  const outcome = call?.outcome;
  if (outcome === undefined || !outcome.ok) throw new Error(`${call?.call ?? "the call"} did not return`);
  const result = outcome.value as { success: boolean; error?: { issues: ConfigIssue[] } };
  expect(result.success).toBe(false);
  return result.error?.issues ?? [];
}

describe("the shared-DAG findings of the full fuzz run", () => {
  it("parseEventDefinitions:87 is refused as too big at its 16 384-item list inside the input (configuration lists hold at most 1 000)", async () => {
    const { calls, findings } = await replayCost(SEED, "parseEventDefinitions", 87);
    expect(findings).toEqual([]);
    const issues = issuesOf(calls.find((c) => c.call === "safeParseEventDefinitions"));
    expect(issues[0]).toEqual({ code: "too_big", path: [0, 1], message: "expected a list of at most 1000 items, got 16384" });
    expect(issues.every((issue) => issue.code === "too_big")).toBe(true);
  });

  it.each([
    ["parseInvitations", 55, "safeParseInvitations", "[0][1]"],
    ["parseEventDefinitions", 964, "safeParseEventDefinitions", "[0][0][0][1]"],
  ] as const)("%s:%i is refused as too big, naming the shared part the count passed the bound at", async (target, index, call, where) => {
    const { calls, findings } = await replayCost(SEED, target, index);
    expect(findings).toEqual([]);
    const issues = issuesOf(calls.find((c) => c.call === call));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: "too_big", path: [] });
    expect(issues[0]?.message).toContain(`the count passed it at ${where}`);
  });

  it("evaluate:14849 (a raw invitation array sharing its parts) answers invalid_config, and explain agrees", async () => {
    const { calls, findings } = await replayCost(SEED, "evaluate", 14849);
    expect(findings).toEqual([]);
    const evaluated = calls.find((c) => c.call === "evaluate")?.outcome;
    expect(evaluated?.ok && evaluated.value).toMatchObject({ status: "none", reason: "invalid_config" });
    expect(calls.map((c) => c.call)).toContain("explain");
  });
});

describe("shared-DAG findings of later runs", () => {
  it("reducers:61 of seed 1209686713 (a shared array as the state's suppressedUntil) is refused by recordChatStarted with a ConfigError naming the field", async () => {
    const { calls, findings } = await replayCost(1209686713, "reducers", 61);
    expect(findings).toEqual([]);
    const chat = calls.filter((c) => c.call === "recordChatStarted").map((c) => c.outcome);
    const refused = chat.find((outcome) => !outcome.ok);
    expect(refused).toBeDefined();
    expect(refused?.ok === false && refused.error).toMatchObject({ name: "ConfigError", issues: [{ code: "invalid_type", path: ["suppressedUntil"] }] });
  });

  it("reducers:42188 of seed 1018698962 (a shared array behind a proxy as recordEvent's now) is refused with a ConfigError naming now", async () => {
    const { calls, findings } = await replayCost(1018698962, "reducers", 42188);
    expect(findings).toEqual([]);
    // Step 1's recordEvent is given no event at all (a TypeError, tolerated); step 7's is the one given the array.
    const refused = calls.filter((c) => c.call === "recordEvent").map((c) => c.outcome).filter((outcome) => !outcome.ok).at(-1);
    expect(refused?.ok === false && refused.error).toMatchObject({ name: "ConfigError", issues: [{ code: "invalid_type", path: ["now"] }] });
  });
});
