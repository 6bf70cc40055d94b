// evaluate's one selection path (index, cursor, resolveTie, laterChange, pruning) against the naive full walk of
// test/property/oracles/walk-all.ts, on sets where ties on (position, time on site) are common and visitors often
// carry a current invitation, a suppression or conversion records.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluate, type Decision, type Invitation, type Visitor } from "../../src/index.js";
import { instantArb, invitationsArb, optionsArb, stateArb, visitorArb } from "./arbitraries/engine.js";
import { walkAll } from "./oracles/walk-all.js";

/** Half the time every invitation sits at position 0 with a time on site of 0 or 10: most sets then tie. */
const tiedSetsArb: fc.Arbitrary<Invitation[]> = fc.oneof(
  invitationsArb,
  invitationsArb.map((set) => set.map((inv, i) => ({ ...inv, position: 0, timeOnSite: i % 3 === 0 ? 10 : 0 }))),
);

/** Visitors that half the time carry a lifecycle state (current invitation, suppression, conversions, exclusions). */
const visitorsArb: fc.Arbitrary<Visitor> = fc.oneof(
  visitorArb,
  fc.tuple(visitorArb, stateArb).map(([visitor, state]) => ({ ...visitor, state })),
);

/** What selection decides: the outcome, the winner, its variation, the armed and inject lists, when to ask again. */
function outcome(d: Decision): Pick<Decision, "status" | "reason" | "variationId" | "armed" | "inject" | "recheckAt"> & { invitationId: string | null } {
  const { status, reason, variationId, armed, inject, recheckAt } = d;
  return { status, reason, invitationId: d.invitation?.id ?? null, variationId, armed, inject, recheckAt };
}

describe("evaluate against the naive walk", () => {
  it("picks the naive walk's winner, variation, armed and inject lists, and recheckAt", () => {
    fc.assert(
      fc.property(tiedSetsArb, visitorsArb, instantArb, optionsArb, (invitations, visitor, now, options) => {
        expect(outcome(evaluate(invitations, visitor, now, options))).toEqual(outcome(walkAll(invitations, visitor, now, options)));
      }),
      { numRuns: 1000 },
    );
  });
});
