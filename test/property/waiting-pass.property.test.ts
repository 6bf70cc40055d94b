// The waiting pass of a scan that finds no winner (src/evaluate/closed-slots.ts, soonestWaiting) against the naive
// full walk: lists long enough for the index (160 or more), a visitor who has just arrived, so that most candidates
// still wait on their time-on-site minimum, and minimums spread over hundreds of values at every place of the list.
// Every candidate the visitor could already have fails a static condition (its language), so there is no winner and
// recheckAt is the soonest of the waiting ones — found only if the pass looks at every word of the list and takes the
// waiting ones in the order their minimums are met. Half the sets give every invitation a weekly schedule in one zone,
// so the scan skips by week slot (the waiting ones then noted as it goes), half give none.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluate, type Invitation, type Schedule } from "../../src/index.js";
import { walkAll } from "./oracles/walk-all.js";

/** Open all week but for the first hour of Monday, or shut on Sundays: either way weekly and on the wall clock. */
const SCHEDULES: readonly Schedule[] = [
  {
    type: "weekly",
    timeZone: "Europe/Vilnius",
    days: Object.fromEntries(["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map((d) => [d, [{ start: d === "mon" ? "01:00" : "00:00", end: "23:59" }]])),
  },
  { type: "weekly", timeZone: "Europe/Vilnius", days: Object.fromEntries(["mon", "tue", "wed", "thu", "fri", "sat"].map((d) => [d, [{ start: "00:00", end: "23:59" }]])) },
];

const candidateArb = fc.record({
  position: fc.integer({ min: 0, max: 40 }),
  // Ready candidates (minimum 0) speak another language: none of them can win.
  ready: fc.boolean(),
  minimum: fc.integer({ min: 1, max: 900 }),
  language: fc.constantFrom("eng", "lit", "ger"),
  schedule: fc.nat({ max: SCHEDULES.length - 1 }),
});

const setArb = fc.tuple(fc.array(candidateArb, { minLength: 160, maxLength: 400 }), fc.boolean()).map(([shapes, scheduled]) =>
  shapes.map(
    ({ position, ready, minimum, language, schedule }, i): Invitation => ({
      id: `inv-${i}`,
      message: "Hi",
      position,
      timeOnSite: ready ? 0 : minimum,
      language: ready ? "rus" : language,
      ...(scheduled ? { schedule: SCHEDULES[schedule] as Schedule } : {}),
    }),
  ),
);

describe("the waiting pass of a scan without a winner", () => {
  it("gives the naive walk's recheckAt whatever words hold the waiting candidates", () => {
    fc.assert(
      fc.property(
        setArb,
        fc.constantFrom("eng", "lit", "ger"),
        fc.integer({ min: Date.UTC(2026, 10, 23), max: Date.UTC(2026, 10, 30) - 1 }),
        (invitations, language, now) => {
          const visitor = { id: "v1", timeOnSite: 0, language };
          const decision = evaluate(invitations, visitor, now);
          const naive = walkAll(invitations, visitor, now, {});
          expect(decision.status).toBe("none");
          expect({ invitationId: decision.invitation?.id ?? null, recheckAt: decision.recheckAt }).toEqual({
            invitationId: naive.invitation?.id ?? null,
            recheckAt: naive.recheckAt,
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});
