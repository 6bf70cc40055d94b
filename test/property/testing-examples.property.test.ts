// The properties docs/testing.md shows users, run as written there: they hold on beckon itself, and they are not
// vacuous (the invitation they are about does win for some generated visitors).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compile, evaluate, lintInvitations, parseInvitations } from "../../src/index.js";
import {
  arbitraryEvaluateOptions,
  arbitraryInstant,
  arbitraryInvitations,
  arbitraryVisitor,
  TESTING_BASE_MS,
} from "../../src/testing/index.js";

describe("docs/testing.md", () => {
  it("no visitor outside /pricing ever gets pricing-help", () => {
    const invitations = parseInvitations([
      { id: "pricing-help", message: "Questions about our plans?", urls: ["/pricing*"], timeOnSite: 20 },
      { id: "welcome", message: "Hi! Can we help?", position: 10, timeOnSite: 5 },
    ]);
    const ruleset = compile(invitations);
    let won = 0;
    fc.assert(
      fc.property(arbitraryVisitor({ aimedAt: invitations }), arbitraryInstant({ withinSeconds: 3600 }), (visitor, at) => {
        const decision = evaluate(ruleset, visitor, at);
        if (decision.status !== "selected" || decision.invitation.id !== "pricing-help") return true;
        won += 1;
        return visitor.url?.toLowerCase().includes("/pricing") === true;
      }),
    );
    expect(won).toBeGreaterThan(0);
  });

  it("lint's shadowed invitations never win", () => {
    const cases = arbitraryInvitations().chain((set) =>
      fc.tuple(fc.constant(set), arbitraryVisitor({ aimedAt: set }), arbitraryInstant(), arbitraryEvaluateOptions()),
    );
    fc.assert(
      fc.property(cases, ([set, visitor, at, options]) => {
        const shadowed = new Set(
          lintInvitations(set)
            .filter((finding) => finding.code === "shadowed")
            .map((finding) => set[finding.path[0] as number]?.id),
        );
        const decision = evaluate(set, visitor, at, options);
        return decision.status !== "selected" || !shadowed.has(decision.invitation.id);
      }),
    );
  });

  it("aiming matters: aimed visitors get an invitation of the set far more often than ordinary ones", () => {
    const share = (aim: boolean): number => {
      const sets = fc.sample(arbitraryInvitations({ maxLength: 3 }).filter((set) => set.length > 0), { numRuns: 300, seed: 7 });
      const selected = sets.filter((set) => {
        const [visitor] = fc.sample(arbitraryVisitor(aim ? { aimedAt: set } : {}), { numRuns: 1, seed: 7 });
        return visitor !== undefined && evaluate(set, { ...visitor, state: { v: 1, sessionExcluded: [], seenOnce: [], conversions: [] } }, TESTING_BASE_MS).status === "selected";
      });
      return selected.length / sets.length;
    };
    expect(share(true)).toBeGreaterThan(share(false) + 0.1);
  });
});
