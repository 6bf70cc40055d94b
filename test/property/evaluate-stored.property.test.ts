// evaluateStored (the service's evaluation: the visitor's state and event log kept apart from the snapshot) must decide
// exactly as evaluate does on the snapshot with that state and log put in its place. The oracle is evaluate itself, on
// a copy of the snapshot made by a spread, whatever the snapshot held under those keys.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compile, evaluate, type Visitor } from "../../src/index.js";
import { evaluateStored } from "../../src/evaluate/evaluate.js";
import { instantArb, invitationsArb, optionsArb, stateArb, visitorArb } from "./arbitraries/engine.js";

/** What a stored record may hold in its place: a valid state and log, or (read from elsewhere) anything at all. */
const storedArb = fc.record({
  state: fc.oneof({ weight: 4, arbitrary: stateArb }, { weight: 1, arbitrary: fc.anything() }),
  events: fc.oneof(
    { weight: 4, arbitrary: visitorArb.map((visitor) => visitor.events ?? []) },
    { weight: 1, arbitrary: fc.anything() },
  ),
});

describe("evaluateStored", () => {
  it("decides as evaluate does on the snapshot with the stored state and log in place of its own", () => {
    fc.assert(
      fc.property(invitationsArb, visitorArb, stateArb, storedArb, instantArb, optionsArb, (invitations, visitor, own, stored, now, options) => {
        const ruleset = compile(invitations);
        // The snapshot sometimes brings a state and log of its own: the stored ones stand instead.
        const snapshot: Visitor = own.current === undefined ? visitor : { ...visitor, state: own };
        const spread = { ...snapshot, state: stored.state, events: stored.events } as Visitor;
        const parts = stored as unknown as Parameters<typeof evaluateStored>[2];
        expect(evaluateStored(ruleset, snapshot, parts, now, options)).toStrictEqual(evaluate(ruleset, spread, now, options));
      }),
      { numRuns: 400 },
    );
  });

  it("refuses what evaluate refuses: a stored part over the bounds makes the visitor invalid", () => {
    const ruleset = compile([{ id: "hi", message: "Hi" }]);
    const events = Array.from({ length: 100_000 }, (_, i) => ({ name: "e", at: i }));
    const parts = { state: { conversions: [], conversionTallies: [] }, events } as unknown as Parameters<typeof evaluateStored>[2];
    const decision = evaluateStored(ruleset, { id: "v1" }, parts, 0);
    expect(decision.reason).toBe("invalid_visitor");
    expect(evaluate(ruleset, { id: "v1", events }, 0).reason).toBe("invalid_visitor");
  });
});
