// A check that changes nothing writes nothing (docs/storage.md: The service): activity is recorded to the minute, so
// a widget polling a page it already decided for costs storage one read. These tests count the writes, and hold the
// decisions to a host flow that records every check's activity exactly (the reducers called by hand), over journeys
// whose pauses stay clear of the 30-minute session boundary (the only place the minute can show).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  applyDecision,
  compile,
  emptyState,
  evaluate,
  isNewSession,
  recordClosed,
  recordPageView,
  recordShown,
  startSession,
  type Decision,
  type InvitationState,
  type Invitation,
} from "../../src/index.js";
import { createBeckon, createMemoryStorage, type StorageAdapter } from "../../src/storage/index.js";

const invitations: Invitation[] = [
  { id: "pricing-help", position: 1, urls: ["/pricing*"], timeOnSite: 20, message: "Need help choosing a plan?" },
  { id: "short", position: 2, expiresAfterSeconds: 300, cooldownSeconds: 120, message: "Quick question?" },
  { id: "hello", position: 5, hideForSessionAfterClose: true, message: "Hi!" },
];
const ruleset = compile(invitations);
const T0 = Date.UTC(2026, 11, 2, 10);

/** Memory storage that counts its writes. */
function counted(): { storage: StorageAdapter; writes: () => number } {
  const storage = createMemoryStorage();
  let writes = 0;
  return {
    storage: {
      ...storage,
      commitVisitor: (...args: Parameters<StorageAdapter["commitVisitor"]>) => {
        writes++;
        return storage.commitVisitor(...args);
      },
    },
    writes: () => writes,
  };
}

describe("a check that changes nothing", () => {
  it("reads and does not write within a minute of the recorded activity; the next one after it is recorded", async () => {
    const { storage, writes } = counted();
    const beckon = createBeckon({ storage, invitations });
    const visitor = { id: "v1", url: "https://example.com/pricing", timeOnSite: 30 };
    expect((await beckon.check(visitor, { at: T0, pageView: true })).status).toBe("selected");
    expect(writes()).toBe(1);
    const poll = await beckon.check(visitor, { at: T0 + 10_000 });
    expect([poll.status, poll.invitation?.id]).toEqual(["current", "pricing-help"]);
    expect(writes()).toBe(1);
    await beckon.check(visitor, { at: T0 + 59_999 });
    expect(writes()).toBe(1);
    await beckon.check(visitor, { at: T0 + 60_000 });
    expect(writes()).toBe(2);
    expect((await beckon.visitor("v1"))?.lastActivityAt).toBe(T0 + 60_000);
  });

  it("writes when the page changes, when something is counted, or when the state moves", async () => {
    const { storage, writes } = counted();
    const beckon = createBeckon({ storage, invitations });
    await beckon.check({ id: "v2", url: "https://example.com/docs" }, { at: T0 });
    expect(writes()).toBe(1);
    await beckon.check({ id: "v2", url: "https://example.com/docs/install" }, { at: T0 + 1_000 });
    expect(writes()).toBe(2);
    await beckon.closed("v2", T0 + 2_000);
    expect(writes()).toBe(3);
    // The close paused the visitor; a poll during the pause decides "suppressed" and changes nothing.
    expect((await beckon.check({ id: "v2", url: "https://example.com/docs/install" }, { at: T0 + 3_000 })).reason).toBe("suppressed");
    expect(writes()).toBe(3);
  });

  it("keeps a visitor's session while they poll: every decision is the one exact activity gives", async () => {
    const { storage, writes } = counted();
    const beckon = createBeckon({ storage, invitations });
    const host = new ExactHost();
    // Polling one page every 20 s for an hour: invitations expire, pause and come back, the session never ends.
    for (let t = T0; t <= T0 + 3_600_000; t += 20_000) {
      const timeOnSite = (t - T0) / 1_000;
      const got = await beckon.check({ id: "p", url: "https://example.com/blog", timeOnSite }, { at: t });
      expect(got).toEqual(host.check("https://example.com/blog", timeOnSite, false, t));
    }
    expect(writes()).toBeLessThan(181 / 2);
    expect((await beckon.visitor("p"))?.lastActivityAt).toBeGreaterThan(T0 + 3_600_000 - 60_000);
  });
});

type Step = { gapMs: number; action: "poll" | "page" | "shown" | "closed"; page: "/pricing" | "/docs" };

/** Pauses clear of the session boundary: at most 25 minutes, or at least 31. */
const gapArb = fc.oneof(
  fc.integer({ min: 0, max: 120_000 }),
  fc.integer({ min: 120_000, max: 25 * 60_000 }),
  fc.integer({ min: 31 * 60_000, max: 3 * 3_600_000 }),
);
const stepArb: fc.Arbitrary<Step> = fc.record({
  gapMs: gapArb,
  action: fc.constantFrom("poll", "poll", "page", "shown", "closed"),
  page: fc.constantFrom("/pricing", "/docs"),
});

/** The host flow written out by hand with the public reducers, recording every check's activity exactly. */
class ExactHost {
  state: InvitationState = emptyState();
  lastActivityAt: number | undefined;
  lastUrl: string | undefined;

  check(url: string, timeOnSite: number, pageView: boolean, now: number): Decision {
    if (isNewSession(this.lastActivityAt, now) && this.lastActivityAt !== undefined) {
      this.state = startSession(this.state, ruleset, now);
    }
    if (pageView) {
      const previous = this.lastUrl === undefined ? {} : { previousUrl: this.lastUrl };
      this.state = recordPageView(this.state, ruleset, { url, ...previous }, now);
    }
    const decision = evaluate(ruleset, { id: "p", url, timeOnSite, state: this.state }, now);
    this.state = applyDecision(this.state, decision, now, ruleset);
    this.lastActivityAt = Math.max(this.lastActivityAt ?? now, now);
    this.lastUrl = url;
    return decision;
  }
}

describe("decisions with activity recorded to the minute", () => {
  it("equal a host flow that records every check, and every skipped write was a quiet poll", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 1, maxLength: 40 }), async (steps) => {
        const { storage, writes } = counted();
        const beckon = createBeckon({ storage, invitations });
        const host = new ExactHost();
        let now = T0;
        let sessionStart = T0;
        for (const step of steps) {
          now += step.gapMs;
          if (host.lastActivityAt !== undefined && isNewSession(host.lastActivityAt, now)) sessionStart = now;
          const url = `https://example.com${step.page}`;
          const timeOnSite = Math.floor((now - sessionStart) / 1_000);
          if (step.action === "shown") {
            await beckon.shown("p", now);
            host.state = recordShown(host.state, now);
          } else if (step.action === "closed") {
            await beckon.closed("p", now);
            host.state = recordClosed(host.state, ruleset, now);
          } else {
            const before = writes();
            const stateBefore = host.state;
            const stored = await beckon.visitor("p");
            const pageView = step.action === "page";
            const got = await beckon.check({ id: "p", url, timeOnSite }, { at: now, pageView });
            const want = host.check(url, timeOnSite, pageView, now);
            expect(got).toEqual(want);
            if (writes() === before) {
              // Nothing written: the poll changed nothing and came within a minute of the recorded activity.
              expect(host.state).toBe(stateBefore);
              expect(stored?.lastUrl).toBe(url);
              expect(now - (stored?.lastActivityAt ?? Number.NEGATIVE_INFINITY)).toBeLessThan(60_000);
            } else {
              expect((await beckon.visitor("p"))?.lastActivityAt).toBe(now);
            }
          }
        }
      }),
    );
  });
});
