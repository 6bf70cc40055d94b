import { describe, expect, it } from "vitest";
import { applyDecision, compile, emptyState, evaluate, parseState, recordClosed, safeParseState, summarize } from "../../../../src/index.js";
import { pruneConversions } from "../../../../src/state/prune-conversions.js";
import type { ConversionRecord, InvitationState } from "../../../../src/types.js";

const t = Date.UTC(2024, 4, 1, 12);

function record(invitationId: string, sentAt: number, event = "ordered", extra: Partial<ConversionRecord> = {}): ConversionRecord {
  return { invitationId, variationId: invitationId, campaign: "", status: "sent", sentAt, event, expiresAt: sentAt + 60_000, ...extra };
}

function state(conversions: ConversionRecord[], extra: Partial<InvitationState> = {}): InvitationState {
  return { v: 1, sessionExcluded: [], seenOnce: [], conversions, ...extra };
}

describe("pruneConversions", () => {
  it("keeps only the newest record of each event and tallies the others", () => {
    const older = record("a", t, "ordered", { status: "closed", convertedAt: t + 1 });
    const newer = record("b", t + 10, " ORDERED ");
    const signup = record("a", t + 5, "signup");
    const pruned = pruneConversions(state([older, signup, newer]));
    expect(pruned.conversions).toEqual([signup, newer]);
    expect(pruned.conversionTallies).toEqual([
      { invitationId: "a", variationId: "a", sent: 1, shown: 1, closed: 1, chatStarted: 0, converted: 1 },
    ]);
  });

  it("keeps the later of two records of one event sent in the same millisecond", () => {
    const first = record("a", t);
    const second = record("b", t);
    expect(pruneConversions(state([first, second])).conversions).toEqual([second]);
  });

  it("keeps the record of the assignment on screen even when a newer record of its event exists", () => {
    const own = record("a", t);
    const newer = record("b", t + 10);
    const current = { invitationId: "a", variationId: "a", assignedAt: t, shownPageviews: 1 };
    expect(pruneConversions(state([own, newer], { current })).conversions).toEqual([own, newer]);
  });

  it("lets a closed assignment's record go: no reducer moves it any more", () => {
    const own = record("a", t);
    const newer = record("b", t + 10);
    const current = { invitationId: "a", variationId: "a", assignedAt: t, shownPageviews: 1, closedAt: t + 1 };
    expect(pruneConversions(state([own, newer], { current })).conversions).toEqual([newer]);
  });

  it("adds to the tallies already in the state", () => {
    const tallies = [{ invitationId: "a", variationId: "a", sent: 2, shown: 1, closed: 0, chatStarted: 1, converted: 1 }];
    const pruned = pruneConversions(state([record("a", t), record("a", t + 1)], { conversionTallies: tallies }));
    expect(pruned.conversionTallies).toEqual([{ ...tallies[0], sent: 3 }]);
  });

  it("returns the same state when every record may still matter", () => {
    const given = state([record("a", t), record("a", t, "signup")]);
    expect(pruneConversions(given)).toBe(given);
  });

  it("prunes nothing when a sentAt is not a finite number: which record is newest then depends on the order", () => {
    const given = state([record("a", t), record("a", Number.NaN), record("a", t - 1)]);
    expect(pruneConversions(given)).toBe(given);
  });
});

describe("the state of a visitor assigned invitation after invitation", () => {
  it("stays the same size over 1 000 assign and close cycles, and still counts every assignment", () => {
    const set = compile([{ id: "sale", message: "Hi", conversion: { event: "ordered", withinSeconds: 60 }, cooldownSeconds: 1 }]);
    let current: InvitationState = emptyState();
    const sizes: number[] = [];
    for (let cycle = 0; cycle < 1000; cycle++) {
      const now = t + cycle * 10_000;
      current = applyDecision(current, evaluate(set, { id: "v", state: current }, now), now, set);
      current = recordClosed(current, set, now + 1);
      if (cycle === 9 || cycle === 999) sizes.push(JSON.stringify(current).length);
    }
    expect(current.conversions).toHaveLength(1);
    expect(sizes[1]).toBeLessThanOrEqual((sizes[0] ?? 0) + 10);
    expect(summarize(current)).toMatchObject([{ invitationId: "sale", sent: 1000, closed: 1000 }]);
  });
});

describe("a stored state with tallies", () => {
  const tallies = [{ invitationId: "a", variationId: "a", sent: 2, shown: 1, closed: 0, chatStarted: 1, converted: 1 }];

  it("reads as version 1, with or without conversionTallies", () => {
    expect(parseState({ v: 1, sessionExcluded: [], seenOnce: [], conversions: [], conversionTallies: tallies }).conversionTallies).toEqual(tallies);
    expect(parseState({ v: 1, sessionExcluded: [], seenOnce: [], conversions: [] })).not.toHaveProperty("conversionTallies");
  });

  it("refuses a tally count that is not an integer ≥ 0, with its path", () => {
    const result = safeParseState({ v: 1, sessionExcluded: [], seenOnce: [], conversions: [], conversionTallies: [{ ...tallies[0], sent: -1 }] });
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.issues[0]?.path).toEqual(["conversionTallies", 0, "sent"]);
  });
});
