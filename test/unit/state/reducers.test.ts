import { describe, expect, it } from "vitest";
import {
  applyDecision,
  compile,
  emptyState,
  evaluate,
  isNewSession,
  recordChatStarted,
  recordClosed,
  recordPageView,
  recordShown,
  startSession,
  summarize,
  type Invitation,
  type InvitationState,
} from "../../../src/index.js";

const now = Date.UTC(2026, 10, 26, 10);
const seconds = (s: number): number => now + s * 1000;

function assigned(invitations: Invitation[], url = "https://example.com/pricing"): InvitationState {
  const decision = evaluate(invitations, { id: "v1", url }, now);
  expect(decision.status).toBe("selected");
  return applyDecision(undefined, decision, now);
}

describe("applyDecision", () => {
  it("makes a selected invitation current on its first page view, with its expiry", () => {
    const state = assigned([{ id: "a", message: "A", expiresAfterSeconds: 60 }]);
    expect(state).toEqual({
      v: 1,
      current: { invitationId: "a", variationId: "a", assignedAt: now, shownPageviews: 1, expiresAt: seconds(60) },
      sessionExcluded: [],
      seenOnce: [],
      conversions: [],
    });
  });

  it("records the expiry of the invitation it replaces when given the invitations", () => {
    const set: Invitation[] = [
      { id: "x", message: "X", expiresAfterSeconds: 60, cooldownSeconds: 0, hideForSessionAfterClose: true },
      { id: "y", position: 1, message: "Y" },
    ];
    const first = assigned(set);
    const later = evaluate(set, { id: "v1", state: first }, seconds(70));
    expect(later.invitation?.id).toBe("y");
    expect(applyDecision(first, later, seconds(70), set).sessionExcluded).toEqual(["x"]);
    expect(applyDecision(first, later, seconds(70)).sessionExcluded).toEqual([]);
  });

  it("adds a conversion record when the invitation has a goal", () => {
    const state = assigned([{ id: "a", message: "A", campaign: "q4", conversion: { event: "ordered", withinSeconds: 3600 } }]);
    expect(state.conversions).toEqual([
      { invitationId: "a", variationId: "a", campaign: "q4", status: "sent", sentAt: now, event: "ordered", expiresAt: seconds(3600) },
    ]);
  });

  it("changes nothing for a decision that selected nothing", () => {
    const state = emptyState();
    const none = evaluate([{ id: "a", message: "A", language: "lit" }], { id: "v1" }, now);
    expect(applyDecision(state, none, now)).toBe(state);
  });
});

describe("recordShown", () => {
  it("moves the current invitation's conversion record to shown", () => {
    const state = assigned([{ id: "a", message: "A", conversion: { event: "ordered", withinSeconds: 3600 } }]);
    expect(recordShown(state, now).conversions[0]?.status).toBe("shown");
  });

  it("returns the state as it was without a current invitation", () => {
    const state = emptyState();
    expect(recordShown(state, now)).toBe(state);
  });

  it("does not mark an invitation shown after it expired", () => {
    const state = assigned([{ id: "a", message: "A", expiresAfterSeconds: 60, conversion: { event: "ordered", withinSeconds: 3600 } }]);
    expect(recordShown(state, seconds(120))).toBe(state);
  });

  it("moves only the record of the assignment on screen, not an older one of the same invitation", () => {
    const set: Invitation[] = [{ id: "a", message: "A", conversion: { event: "ordered", withinSeconds: 3600 } }];
    const first = assigned(set);
    const withdrawn = { ...first, current: undefined } as unknown as InvitationState;
    const { current: _gone, ...clean } = withdrawn;
    const again = applyDecision(clean, evaluate(set, { id: "v1" }, seconds(10)), seconds(10));
    const shownTwice = recordShown(recordShown(again, seconds(11)), seconds(12));
    // The first assignment's record was pruned into a tally when the second was made: it stays unshown there.
    expect(shownTwice.conversions.map((c) => [c.sentAt, c.status])).toEqual([[seconds(10), "shown"]]);
    expect(summarize(shownTwice)).toMatchObject([{ invitationId: "a", sent: 2, shown: 1 }]);
  });
});

describe("recordClosed", () => {
  const invitations: Invitation[] = [
    { id: "a", message: "A", hideForSessionAfterClose: true, oncePerVisitor: true, conversion: { event: "ordered", withinSeconds: 3600 } },
  ];

  it("closes, suppresses for suppressAfterCloseSeconds, excludes for the session and for ever", () => {
    const closed = recordClosed(assigned(invitations), invitations, seconds(30), { suppressAfterCloseSeconds: 600 });
    expect(closed).toMatchObject({
      current: { invitationId: "a", closedAt: seconds(30) },
      suppressedUntil: seconds(630),
      sessionExcluded: ["a"],
      seenOnce: ["a"],
    });
    expect(closed.conversions[0]?.status).toBe("closed");
  });

  it("uses the invitation's cooldownSeconds over the global pause", () => {
    const withCooldown: Invitation[] = [{ id: "a", message: "A", cooldownSeconds: 60 }];
    expect(recordClosed(assigned(withCooldown), withCooldown, now, { suppressAfterCloseSeconds: 600 }).suppressedUntil).toBe(seconds(60));
  });

  it("never shortens a longer pause already running", () => {
    const set: Invitation[] = [{ id: "a", message: "A", cooldownSeconds: 60 }];
    const paused = { ...assigned(set), suppressedUntil: seconds(5000) };
    expect(recordClosed(paused, set, now).suppressedUntil).toBe(seconds(5000));
  });

  it("leaves an invitation that had already expired as expired (its pause runs from the expiry)", () => {
    const set: Invitation[] = [{ id: "a", message: "A", expiresAfterSeconds: 60, cooldownSeconds: 100, oncePerVisitor: true }];
    const closed = recordClosed(assigned(set), set, seconds(90));
    expect(closed).toMatchObject({ current: { closedAt: seconds(60) }, suppressedUntil: seconds(160), seenOnce: [] });
  });

  it("does not touch an invitation already closed", () => {
    const set: Invitation[] = [{ id: "a", message: "A" }];
    const once = recordClosed(assigned(set), set, seconds(1));
    expect(recordClosed(once, set, seconds(2))).toBe(once);
  });

  it("accepts a compiled ruleset", () => {
    const set: Invitation[] = [{ id: "a", message: "A", cooldownSeconds: 5 }];
    expect(recordClosed(assigned(set), compile(set), now).suppressedUntil).toBe(seconds(5));
  });
});

describe("recordChatStarted", () => {
  it("pauses for suppressAfterChatSeconds and consumes the current invitation", () => {
    const set: Invitation[] = [{ id: "a", message: "A", oncePerVisitor: true, conversion: { event: "ordered", withinSeconds: 60 } }];
    const chatted = recordChatStarted(assigned(set), set, seconds(10), { suppressAfterChatSeconds: 3600 });
    expect(chatted).toMatchObject({ suppressedUntil: seconds(3610), seenOnce: ["a"] });
    expect(chatted.current).toBeUndefined();
    expect(chatted.conversions[0]?.status).toBe("chatStarted");
  });

  it("keeps the chat's pause when the visitor then leaves a closed nextOnUrlChange invitation's pages", () => {
    const set: Invitation[] = [
      { id: "x", message: "X", urls: ["/pricing*"], urlBound: true, nextOnUrlChange: true, cooldownSeconds: 600 },
    ];
    const closed = recordClosed(assigned(set), set, seconds(1));
    const chatted = recordChatStarted(closed, set, seconds(2), { suppressAfterChatSeconds: 60 });
    const page = { url: "https://example.com/blog", previousUrl: "https://example.com/pricing" };
    expect(recordPageView(chatted, set, page, seconds(3)).suppressedUntil).toBe(seconds(601));
  });

  it("pauses even without a current invitation", () => {
    expect(recordChatStarted(emptyState(), [], now, {}).suppressedUntil).toBe(now + 86_400_000);
  });
});

describe("recordPageView", () => {
  it("counts page views and hides the invitation on the page view past showLimit", () => {
    const set: Invitation[] = [{ id: "a", message: "A", showLimit: 2, hideForSessionAfterClose: true, cooldownSeconds: 30 }];
    const second = recordPageView(assigned(set), set, { url: "https://example.com/b" }, seconds(10));
    expect(second.current).toMatchObject({ shownPageviews: 2 });
    expect(second.current?.closedAt).toBeUndefined();
    const third = recordPageView(second, set, { url: "https://example.com/c" }, seconds(20));
    expect(third).toMatchObject({ current: { shownPageviews: 3, closedAt: seconds(20) }, suppressedUntil: seconds(50), sessionExcluded: ["a"] });
  });

  it("withdraws a urlBound invitation when the visitor leaves its pages", () => {
    const set: Invitation[] = [{ id: "a", message: "A", urls: ["/pricing*"], urlBound: true }];
    const page = { url: "https://example.com/blog", previousUrl: "https://example.com/pricing" };
    const state = recordPageView(assigned(set), set, page, seconds(5));
    expect(state.current).toBeUndefined();
    expect(state.suppressedUntil).toBeUndefined();
  });

  it("keeps an invitation that is not urlBound on other pages", () => {
    const set: Invitation[] = [{ id: "a", message: "A", urls: ["/pricing*"] }];
    expect(recordPageView(assigned(set), set, { url: "https://example.com/blog" }, seconds(5)).current).toMatchObject({ shownPageviews: 2 });
  });

  it("frees the visitor at once when a closed urlBound invitation with nextOnUrlChange stops matching", () => {
    const set: Invitation[] = [{ id: "a", message: "A", urls: ["/pricing*"], urlBound: true, nextOnUrlChange: true }];
    const closed = recordClosed(assigned(set), set, seconds(1), { suppressAfterCloseSeconds: 600 });
    const freed = recordPageView(closed, set, { url: "https://example.com/blog", previousUrl: "https://example.com/pricing" }, seconds(2));
    expect(freed.current).toBeUndefined();
    expect(freed.suppressedUntil).toBeUndefined();
  });

  it("keeps a longer pause that did not come from the close when freeing", () => {
    const set: Invitation[] = [{ id: "a", message: "A", urls: ["/pricing*"], urlBound: true, nextOnUrlChange: true, cooldownSeconds: 60 }];
    const closed = recordClosed(assigned(set), set, seconds(1));
    const chatted = { ...closed, suppressedUntil: seconds(9999) };
    expect(recordPageView(chatted, set, { url: "https://example.com/blog" }, seconds(2)).suppressedUntil).toBe(seconds(9999));
  });

  it("does not free a closed invitation without nextOnUrlChange", () => {
    const set: Invitation[] = [{ id: "a", message: "A", urls: ["/pricing*"], urlBound: true }];
    const closed = recordClosed(assigned(set), set, seconds(1));
    expect(recordPageView(closed, set, { url: "https://example.com/blog" }, seconds(2))).toBe(closed);
  });

  it("does not treat a reload as navigation", () => {
    const set: Invitation[] = [{ id: "a", message: "A", urls: ["/pricing*"], urlBound: true }];
    const page = { url: "https://example.com/blog", previousUrl: "https://example.com/blog" };
    expect(recordPageView(assigned(set), set, page, seconds(5)).current).toMatchObject({ shownPageviews: 2 });
  });
});

describe("startSession and isNewSession", () => {
  it("clears the session exclusions and withdraws an invitation still on screen", () => {
    const set: Invitation[] = [{ id: "a", message: "A" }];
    const state = { ...assigned(set), sessionExcluded: ["b"] };
    expect(startSession(state)).toEqual({ v: 1, sessionExcluded: [], seenOnce: [], conversions: [] });
  });

  it("keeps an invitation with an expiry until it expires, so its pause still applies", () => {
    const set: Invitation[] = [{ id: "a", message: "A", expiresAfterSeconds: 60, cooldownSeconds: 7200 }];
    const started = startSession(assigned(set));
    expect(started.current).toMatchObject({ invitationId: "a", expiresAt: seconds(60) });
    expect(evaluate(set, { id: "v1", url: "https://example.com/pricing", state: started }, seconds(31 * 60))).toMatchObject({
      status: "none",
      reason: "suppressed",
      recheckAt: seconds(60 + 7200),
    });
  });

  it("given the invitations and the instant, records a passed expiry first: its pause stays, its exclusion goes", () => {
    const set: Invitation[] = [{ id: "a", message: "A", expiresAfterSeconds: 60, cooldownSeconds: 7200, hideForSessionAfterClose: true }];
    const started = startSession(assigned(set), set, seconds(31 * 60));
    expect(started).toMatchObject({ current: { closedAt: seconds(60) }, suppressedUntil: seconds(60 + 7200), sessionExcluded: [] });
  });

  it("given the instant, withdraws an open invitation even when it has an expiry still to come", () => {
    const set: Invitation[] = [{ id: "a", message: "A", expiresAfterSeconds: 3600 }];
    expect(startSession(assigned(set), set, seconds(31 * 60)).current).toBeUndefined();
  });

  it("keeps a closed invitation and its pause", () => {
    const set: Invitation[] = [{ id: "a", message: "A" }];
    const closed = recordClosed(assigned(set), set, seconds(1));
    expect(startSession(closed)).toMatchObject({ current: { closedAt: seconds(1) }, suppressedUntil: closed.suppressedUntil });
  });

  it("starts a new session after more than 30 minutes without activity", () => {
    expect(isNewSession(undefined, now)).toBe(true);
    expect(isNewSession(now - 30 * 60_000, now)).toBe(false);
    expect(isNewSession(now - 30 * 60_000 - 1, now)).toBe(true);
  });
});
