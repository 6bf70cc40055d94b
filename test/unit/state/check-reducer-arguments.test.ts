import { describe, expect, it } from "vitest";
import {
  applyDecision,
  compile,
  emptyState,
  evaluate,
  isConfigError,
  MAX_VISITOR_LIST_LENGTH,
  recordChatStarted,
  recordClosed,
  recordConversion,
  recordShown,
  startSession,
  summarize,
  type InvitationState,
} from "../../../src/index.js";

const invitations = [{ id: "a", message: "x" }];
const sparse = (length: number): never => {
  const list: unknown[] = [];
  list.length = length;
  return list as never;
};

const decision = evaluate(invitations, { id: "v" }, 0);
/** Every reducer that takes a state, each with the fewest arguments it needs besides. */
const reducers: [string, (state: InvitationState) => unknown][] = [
  ["applyDecision", (s) => applyDecision(s, decision, 0, invitations)],
  ["recordShown", (s) => recordShown(s, 0)],
  ["recordClosed", (s) => recordClosed(s, invitations, 0)],
  ["recordChatStarted", (s) => recordChatStarted(s, invitations, 0)],
  ["startSession", (s) => startSession(s, invitations, 0)],
  ["recordConversion", (s) => recordConversion(s, "ordered", 0)],
  ["summarize", (s) => summarize(s)],
];

describe("reducers and a state past its bounds", () => {
  const states: [InvitationState, string][] = [
    [{ ...emptyState(), conversions: sparse(2 ** 32 - 1) }, "conversions"],
    [{ ...emptyState(), seenOnce: sparse(MAX_VISITOR_LIST_LENGTH + 1) }, "seenOnce"],
    [{ ...emptyState(), sessionExcluded: sparse(2 ** 32 - 1) }, "sessionExcluded"],
    [{ ...emptyState(), conversionTallies: sparse(2 ** 32 - 1) }, "conversionTallies"],
  ];

  it.each(reducers)("%s refuses it at once with a ConfigError naming the list", (_name, reduce) => {
    for (const [state, key] of states) {
      expect(() => reduce(state)).toThrow(expect.objectContaining({ name: "ConfigError", issues: [expect.objectContaining({ code: "too_big", path: [key] })] }));
    }
  });

  it.each(reducers)("%s never walks a state that is no object at all: it returns, or throws ConfigError", (_name, reduce) => {
    for (const state of ["x".repeat(1_000_000), null, [], 5]) {
      let thrown: unknown = null;
      try {
        const out = reduce(state as never);
        // Handing the same value back is fine; building something from a million-character string is not.
        if (typeof out === "object" && out !== null && !Array.isArray(out)) expect(Object.keys(out).length).toBeLessThan(20);
      } catch (error) {
        thrown = error;
      }
      if (thrown !== null) expect(isConfigError(thrown)).toBe(true);
    }
  });

  it("refuses an instant that is not a number, however long it would take to write out", () => {
    const now = new Array<number>(1_000_000).fill(1) as never;
    for (const reduce of [
      () => recordShown(emptyState(), now),
      () => recordClosed(emptyState(), invitations, now),
      () => recordChatStarted(emptyState(), invitations, now),
      () => startSession(emptyState(), invitations, now),
      () => recordConversion(emptyState(), "ordered", now),
    ]) {
      expect(reduce).toThrow(expect.objectContaining({ issues: [expect.objectContaining({ path: ["now"] })] }));
    }
  });

  it("applyDecision without invitations refuses it too, before copying the list", () => {
    for (const [state, key] of states) {
      expect(() => applyDecision(state, decision, 0)).toThrow(expect.objectContaining({ issues: [expect.objectContaining({ code: "too_big", path: [key] })] }));
    }
  });

  it("leaves a state within its bounds alone", () => {
    const full = { ...emptyState(), seenOnce: new Array<string>(MAX_VISITOR_LIST_LENGTH).fill("b") };
    expect(recordShown(full, 0)).toBe(full);
  });
});

describe("the pause options the reducers read", () => {
  // An array that records being converted (as `* 1000` would convert it, through its toString): a shared array of
  // 2^40 elements would take for ever, and a synchronous loop cannot be stopped by a test timeout.
  const convertible = (): { value: never; converted: () => boolean } => {
    let converted = false;
    const value = Object.assign([60], { toString: () => ((converted = true), "60") });
    return { value: value as never, converted: () => converted };
  };

  it("refuses anything but a number with a ConfigError naming the option, without converting it", () => {
    const ruleset = compile(invitations);
    const current = applyDecision(emptyState(), evaluate(ruleset, { id: "v" }, 0), 0, ruleset);
    const close = convertible();
    const closing = (): unknown => recordClosed(current, ruleset, 0, { suppressAfterCloseSeconds: close.value });
    expect(closing).toThrow(expect.objectContaining({ issues: [expect.objectContaining({ code: "invalid_type", path: ["suppressAfterCloseSeconds"] })] }));
    expect(close.converted()).toBe(false);
    const chatting = (): unknown => recordChatStarted(current, ruleset, 0, { suppressAfterChatSeconds: "60" as never });
    expect(chatting).toThrow(expect.objectContaining({ issues: [expect.objectContaining({ path: ["suppressAfterChatSeconds"] })] }));
    expect(recordClosed(current, ruleset, 0, { suppressAfterCloseSeconds: 60 }).suppressedUntil).toBe(60_000);
  });

  it("evaluate answers invalid_options for such an option, without converting it", () => {
    for (const key of ["suppressAfterCloseSeconds", "suppressAfterChatSeconds"] as const) {
      const option = convertible();
      expect(evaluate(invitations, { id: "v" }, 0, { [key]: option.value }).reason).toBe("invalid_options");
      expect(option.converted()).toBe(false);
    }
  });
});

describe("reducers and a state holding something other than a number in a number field", () => {
  // Arrays that record being converted (as a comparison or `Math.max` would convert them, through their toString):
  // one shared along 2^24 paths would take exponentially long to write out, and a loop cannot be cut off by a timeout.
  const made: { converted: boolean }[] = [];
  const convertible = (): never => {
    const seen = { converted: false };
    made.push(seen);
    return Object.assign([60], { toString: () => ((seen.converted = true), "60") }) as never;
  };
  const record = { invitationId: "a", variationId: "a", campaign: "", status: "sent", sentAt: 0, event: "ordered", expiresAt: 10 } as const;
  const tally = { invitationId: "a", variationId: "a", sent: 1, shown: 0, closed: 0, chatStarted: 0, converted: 0 };
  const bad = (): InvitationState => ({
    ...emptyState(),
    suppressedUntil: convertible(),
    current: { invitationId: "a", variationId: "a", assignedAt: 0, shownPageviews: 1, expiresAt: convertible() },
    conversions: [record, { ...record, sentAt: convertible(), convertedAt: "5" as never }],
    conversionTallies: [{ ...tally, converted: convertible() }],
  });
  const paths = [["suppressedUntil"], ["current", "expiresAt"], ["conversions", 1, "sentAt"], ["conversions", 1, "convertedAt"], ["conversionTallies", 0, "converted"]];
  const everyReducer: typeof reducers = [...reducers, ["applyDecision without invitations", (s) => applyDecision(s, decision, 0)]];

  it.each(everyReducer)("%s refuses it with a ConfigError listing every such field by its path, converting none", (_name, reduce) => {
    made.length = 0;
    let thrown: unknown = null;
    try {
      reduce(bad());
    } catch (error) {
      thrown = error;
    }
    expect(isConfigError(thrown)).toBe(true);
    const issues = (thrown as { issues: { code: string; path: unknown[] }[] }).issues;
    expect(issues.map((issue) => issue.path)).toEqual(paths);
    expect(issues.every((issue) => issue.code === "invalid_type")).toBe(true);
    expect(made).toHaveLength(4);
    expect(made.some((seen) => seen.converted)).toBe(false);
  });

  it("takes NaN and absent optional fields as they are", () => {
    const state = { ...emptyState(), suppressedUntil: Number.NaN, conversions: [record], conversionTallies: [tally] };
    expect(recordShown(state, 0)).toBe(state);
    expect(summarize(state)).toHaveLength(1);
  });
});
