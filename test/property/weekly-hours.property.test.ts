// The hour bitsets of large lists (compile/weekly-hours.ts) let a scan pass over candidates whose weekly schedule is
// closed for the whole hour: evaluate must still decide exactly as the naive walk does, recheckAt included, across
// zones, week seams and offset changes.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluate, explain, type Decision, type Invitation, type Schedule } from "../../src/index.js";
import { compiledRuleset } from "../../src/compile/compile.js";
import { walkAll } from "./oracles/walk-all.js";

const DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
const hh = (minutes: number): string => `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;

// A window that ends where it starts is refused by validation; one with `end < start` runs into the next day.
// Mostly short windows, so that most candidates are closed at a given instant.
const windowArb = fc
  .tuple(fc.integer({ min: 0, max: 1439 }), fc.oneof(fc.integer({ min: 1, max: 180 }), fc.integer({ min: 1, max: 1439 })))
  .map(([a, length]) => ({ start: hh(a), end: hh((a + length) % 1440) }));
const weeklyArb = (zones: readonly string[]): fc.Arbitrary<Schedule> =>
  fc.record({
    zone: fc.constantFrom(...zones),
    days: fc.subarray([...DAYS]),
    windows: fc.array(windowArb, { minLength: 1, maxLength: 2 }),
  }).map(({ zone, days, windows }) => ({ type: "weekly", timeZone: zone, days: Object.fromEntries(days.map((d) => [d, windows])) }));

/** 230–300 invitations, most with a weekly schedule in Vilnius (the indexed zone), some in New York or none. */
const setArb: fc.Arbitrary<Invitation[]> = fc.integer({ min: 230, max: 300 }).chain((n) =>
  fc.array(
    fc.record({
      position: fc.integer({ min: 0, max: 6 }),
      // Waits from seconds to hours: the nearest change found so far then falls before, inside or after the hour.
      timeOnSite: fc.constantFrom(0, 0, 30, 900, 2_700, 5_400, 10_000),
      language: fc.constantFrom("", "eng", "lit", "ger"),
      schedule: fc.oneof(
        { weight: 6, arbitrary: weeklyArb(["Europe/Vilnius"]) },
        { weight: 1, arbitrary: weeklyArb(["America/New_York"]) },
        { weight: 1, arbitrary: fc.constant(undefined) },
      ),
      kind: fc.constantFrom("standard", "standard", "standard", "standard", "standard", "standard", "standard", "inject"),
    }),
    { minLength: n, maxLength: n },
  ).map((specs) =>
    specs.map(({ schedule, language, kind, ...rest }, i) => ({
      id: `inv-${i}`,
      message: "Hi",
      ...rest,
      ...(language === "" ? {} : { language }),
      ...(kind === "inject" ? { kind: "inject" as const } : {}),
      ...(schedule === undefined ? {} : { schedule }),
    })),
  ),
);

// Instants across 2026, and near the two offset changes in Vilnius (29 March and 25 October, 01:00 UTC).
const instantArb = fc.oneof(
  fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 0, 1) }),
  fc.integer({ min: -3 * 3_600_000, max: 3 * 3_600_000 }).map((d) => Date.UTC(2026, 2, 29, 1) + d),
  fc.integer({ min: -3 * 3_600_000, max: 3 * 3_600_000 }).map((d) => Date.UTC(2026, 9, 25, 1) + d),
);

const visitorArb = fc.record({ timeOnSite: fc.constantFrom(0, 60, 1_000, 3_000, 20_000), language: fc.constantFrom("eng", "lit", "ger", "rus") });

function outcome(d: Decision): unknown {
  return { status: d.status, reason: d.reason, invitationId: d.invitation?.id ?? null, inject: d.inject, recheckAt: d.recheckAt };
}

describe("weekly hour bitsets", () => {
  it("are built for a large list whose schedules mostly share a zone", () => {
    const set = fc.sample(setArb, { numRuns: 1, seed: 7 })[0] as Invitation[];
    expect(compiledRuleset(set).standard.weeklyHours?.zone).toBe("Europe/Vilnius");
  });

  it("leave evaluate's decision and recheckAt those of the naive walk", () => {
    fc.assert(
      fc.property(setArb, visitorArb, instantArb, (invitations, fields, now) => {
        const visitor = { id: "v1", ...fields };
        expect(outcome(evaluate(invitations, visitor, now))).toEqual(outcome(walkAll(invitations, visitor, now, {})));
      }),
      { numRuns: 200 },
    );
  });

  // 13:20 in Vilnius on a Monday: "soon" opens at 14:00 (the end of this hour), "later" at 14:30, "open" is open.
  // A scan whose nearest change so far is 14:30 must still look at "soon", closed all this hour but opening before.
  it("passes over no candidate that opens before the nearest change found so far", () => {
    const now = Date.UTC(2026, 5, 1, 10, 20);
    const at = (start: string, end: string): Schedule => ({ type: "weekly", timeZone: "Europe/Vilnius", days: { mon: [{ start, end }] } });
    const fillers: Invitation[] = Array.from({ length: 200 }, (_, i) => ({ id: `filler-${i}`, message: "x", language: "xx", schedule: at("01:00", "02:00") }));
    const set: Invitation[] = [
      { id: "later", message: "x", position: 0, schedule: at("14:30", "15:00") },
      { id: "soon", message: "x", position: 1, schedule: at("14:00", "14:10") },
      { id: "open", message: "x", position: 2, schedule: at("13:00", "16:00") },
      ...fillers,
    ];
    expect(compiledRuleset(set).standard.weeklyHours?.zone).toBe("Europe/Vilnius");
    const visitor = { id: "v1", language: "eng" };
    const decision = evaluate(set, visitor, now);
    expect(decision.invitation?.id).toBe("open");
    expect(decision.recheckAt).toBe(Date.UTC(2026, 5, 1, 11, 0));
    expect(decision).toEqual(explain(set, visitor, now).decision);
  });

  // 13:20 in Vilnius on a Monday: "in-ten" opens at 13:30, so the nearest change is inside this hour; "now-only" is
  // open until 13:45 and closed all the next hour, which must not count.
  it("looks up the hour the instant falls in", () => {
    const now = Date.UTC(2026, 5, 1, 10, 20);
    const at = (start: string, end: string): Schedule => ({ type: "weekly", timeZone: "Europe/Vilnius", days: { mon: [{ start, end }] } });
    const fillers: Invitation[] = Array.from({ length: 200 }, (_, i) => ({ id: `filler-${i}`, message: "x", language: "xx", schedule: at("01:00", "02:00") }));
    const set: Invitation[] = [
      { id: "in-ten", message: "x", position: 0, schedule: at("13:30", "13:40") },
      { id: "now-only", message: "x", position: 1, schedule: at("13:00", "13:45") },
      { id: "open", message: "x", position: 2, schedule: at("13:00", "16:00") },
      ...fillers,
    ];
    const visitor = { id: "v1", language: "eng" };
    const decision = evaluate(set, visitor, now);
    expect(decision.invitation?.id).toBe("now-only");
    expect(decision.recheckAt).toBe(Date.UTC(2026, 5, 1, 10, 30));
    expect(decision).toEqual(explain(set, visitor, now).decision);
  });
});
