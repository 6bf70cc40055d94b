// beckon/testing's own laws: what it generates is valid, and a visitor aimed at an invitation meets the conditions
// it aims at. The oracles are beckon's parsers and explain, which the arbitraries know nothing of.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { explain, safeParseInvitations, safeParseState, safeParseVisitor, type Invitation, type ReasonCode } from "../../src/index.js";
import {
  aimVisitor,
  arbitraryInstant,
  arbitraryInvitation,
  arbitraryInvitations,
  arbitraryJourney,
  arbitraryState,
  arbitraryVisitor,
  pageForPattern,
  TESTING_BASE_MS,
} from "../../src/testing/index.js";
import { safeParseJourney } from "../../src/config/safe-parse-journey.js";

/** Conditions on the visitor that aimVisitor meets. */
const AIMED: readonly ReasonCode[] = [
  "time_on_site", "pageviews", "language", "identifier", "tag", "department", "referrer", "device", "url",
  "attribute", "event", "last_visit_too_recent", "last_chat_too_recent", "session_excluded", "once_per_visitor",
];

/** What aiming may leave failing on purpose: two conditions on one attribute can contradict, a regex is left to chance, a list of exclusions names no page. */
function excused(invitation: Invitation): ReasonCode[] {
  const keys = (invitation.attributes ?? []).map((condition) => condition.key);
  const attribute = new Set(keys).size < keys.length || (invitation.attributes ?? []).some((c) => c.op === "regex");
  const url = (invitation.urls ?? []).length > 0 && (invitation.urls ?? []).every((pattern) => pattern.startsWith("!"));
  return [...(attribute ? (["attribute"] as const) : []), ...(url ? (["url"] as const) : [])];
}

describe("beckon/testing", () => {
  it("generates invitation sets parseInvitations accepts", () => {
    fc.assert(fc.property(arbitraryInvitations({ around: Date.UTC(2030, 0, 1) }), (set) => {
      expect(safeParseInvitations(set)).toMatchObject({ success: true });
    }));
  });

  it("generates visitors parseVisitor accepts, aimed or not, and states parseState accepts", () => {
    const aimed = arbitraryInvitations({ maxLength: 4 }).chain((set) => arbitraryVisitor({ aimedAt: set }));
    fc.assert(fc.property(fc.oneof(arbitraryVisitor(), aimed), arbitraryState(), (visitor, state) => {
      expect(safeParseVisitor(visitor)).toMatchObject({ success: true });
      expect(safeParseState(state)).toMatchObject({ success: true });
    }));
  });

  it("generates journeys safeParseJourney accepts, aimed or not", () => {
    const aimed = arbitraryInvitations({ maxLength: 4 }).chain((set) => arbitraryJourney({ aimedAt: set }));
    fc.assert(fc.property(fc.oneof(arbitraryJourney(), aimed), (journey) => {
      expect(safeParseJourney(journey)).toMatchObject({ success: true });
    }));
  });

  it("generates instants within the window asked for, in whole seconds", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1e12 }), fc.integer({ min: 0, max: 1e6 }), (around, withinSeconds) => {
      fc.assert(fc.property(arbitraryInstant({ around, withinSeconds }), (at) => {
        expect(Math.abs(at - around)).toBeLessThanOrEqual(withinSeconds * 1000);
        expect(Number.isInteger((at - around) / 1000)).toBe(true);
      }), { numRuns: 5 });
    }), { numRuns: 20 });
  });

  it("aims a visitor at an invitation: every visitor condition it aims at holds at the instant aimed at", () => {
    const aimed = arbitraryInvitation("target")
      .filter((invitation) => invitation.enabled !== false)
      .chain((invitation) => fc.tuple(fc.constant(invitation), aimVisitor(invitation, TESTING_BASE_MS)));
    fc.assert(
      fc.property(aimed, ([invitation, fields]) => {
        const [candidate] = explain([invitation], { id: "v", ...fields }, TESTING_BASE_MS).candidates;
        const failing = (candidate?.reasons ?? []).filter((reason) => AIMED.includes(reason) && !excused(invitation).includes(reason));
        expect(failing, JSON.stringify({ invitation, fields })).toEqual([]);
      }),
    );
  });

  it("an ordinary visitor misses the same conditions often: aiming is what makes them hold", () => {
    let missed = 0;
    fc.assert(fc.property(arbitraryInvitation("target"), arbitraryVisitor(), (invitation, { state: _state, ...visitor }) => {
      const [candidate] = explain([invitation], visitor, TESTING_BASE_MS).candidates;
      if ((candidate?.reasons ?? []).some((reason) => AIMED.includes(reason))) missed += 1;
    }), { numRuns: 200 });
    expect(missed).toBeGreaterThan(50);
  });

  it("gives a page each URL pattern matches, and none for an exclusion", () => {
    expect(pageForPattern("example.com/{docs,admin}/*")).toBe("https://example.com/docs/x");
    expect(pageForPattern("/pricing")).toBe("https://example.com/pricing");
    expect(pageForPattern("!example.com/admin/**")).toBeUndefined();
    const patterns = ["*", "example.com/pricing*", "/docs/**", "*.example.com/docs/*", "shop.example.com/strategy/*", "/Docs/*", "/doc?", "example.com/[ab]x"];
    for (const pattern of patterns) {
      const url = pageForPattern(pattern) ?? "";
      const [candidate] = explain([{ id: "p", message: "Hi", urls: [pattern] }], { id: "v", url }, TESTING_BASE_MS).candidates;
      expect([pattern, url, candidate?.eligible]).toEqual([pattern, url, true]);
    }
  });
});
