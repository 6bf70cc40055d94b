// evaluate's week slots (src/compile/week-slots.ts, src/evaluate/closed-slots.ts) against the naive full walk: sets
// of 160 or more invitations, so the index and its slots are used, most with weekly windows all over the week in a
// few zones (a schedule's own or the option's), at instants around a DST change of Vilnius or New York (either way)
// as well as in a plain week. Ties on (position, time on site), waiting time on site, triggers and visitor states all occur.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluate, type Decision, type Invitation, type Schedule, type Visitor } from "../../src/index.js";
import { TIME_ZONES } from "../../src/testing/vocabulary.js";
import { instantArb, invitationArb, optionsArb, stateArb, visitorArb } from "./arbitraries/engine.js";
import { walkAll } from "./oracles/walk-all.js";

const DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

const clockArb = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 0, 0, 1, 29, 30, 59))
  .map(([h, m]) => `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`);

/**
 * Weekly windows in `zone` (none: the option's) or another, overnight ones included: on `day` alone when set (a
 * set's schedules then all open on one day, and are closed for long stretches), else on a few days or most.
 */
const weeklyArb = (zone: string | undefined, day: (typeof DAYS)[number] | undefined): fc.Arbitrary<Schedule> =>
  fc
    .record({
      zone: fc.oneof({ weight: 4, arbitrary: fc.constant(zone) }, { weight: 1, arbitrary: fc.constantFrom(undefined, ...TIME_ZONES) }),
      days:
        day === undefined
          ? fc.oneof(fc.uniqueArray(fc.constantFrom(...DAYS), { maxLength: 2 }), fc.uniqueArray(fc.constantFrom(...DAYS), { maxLength: 7 }))
          : fc.constant<(typeof DAYS)[number][]>([day]),
      start: clockArb,
      end: clockArb,
    })
    .filter(({ start, end }) => start !== end)
    .map(({ zone: own, days, start, end }) => ({
      type: "weekly" as const,
      ...(own === undefined ? {} : { timeZone: own }),
      days: Object.fromEntries(days.map((d) => [d, [{ start, end }]])),
    }));

/** What the walk takes from a template: its kind, trigger and conditions, with a rank and a weekly schedule of its own. */
const shapeArb = (zone: string | undefined, day: (typeof DAYS)[number] | undefined, waits: boolean) =>
  fc.record({
    position: fc.integer({ min: 0, max: 6 }),
    timeOnSite: waits ? fc.constantFrom(0, 0, 10, 40, 90) : fc.constant(0),
    schedule: waits ? fc.oneof({ weight: 12, arbitrary: weeklyArb(zone, day) }, { weight: 1, arbitrary: fc.constant(undefined) }) : weeklyArb(zone, day),
    template: fc.nat(),
    plain: fc.boolean(),
  });

/**
 * 160 to 220 invitations from a few templates (half keep the template's conditions, half only its kind), most of
 * their schedules in one zone, sometimes all on one day (Vilnius and New York change offset on a Sunday); sometimes
 * every invitation has a schedule and no time-on-site minimum, so nothing but schedules sets recheckAt.
 */
const largeSetArb: fc.Arbitrary<Invitation[]> = fc
  .tuple(fc.constantFrom(undefined, ...TIME_ZONES), fc.constantFrom(undefined, "sat" as const, "sun" as const, "mon" as const), fc.boolean())
  .chain(([zone, day, waits]) =>
    fc.tuple(
      fc.array(invitationArb("t"), { minLength: 1, maxLength: 3 }),
      fc.array(shapeArb(zone, day, waits), { minLength: 160, maxLength: 220 }),
    ),
  )
  .map(([templates, shapes]) =>
    shapes.map(({ position, timeOnSite, schedule, template, plain }, i): Invitation => {
      const base = templates[template % templates.length] as Invitation;
      const kind = Object.fromEntries(Object.entries(base).filter(([key]) => key === "kind" || key === "trigger" || key === "design"));
      const own = { id: `inv-${i}`, position, timeOnSite, ...(schedule === undefined ? {} : { schedule }) };
      const shape = plain ? ({ message: "Hi", ...kind } as Invitation) : { ...base };
      const { schedule: _, ...rest } = shape;
      return { ...rest, ...own } as Invitation;
    }),
  );

/** Vilnius's and New York's DST changes of 2026 (spring and autumn), and the middle of the other properties' instants. */
const PIVOTS = [Date.UTC(2026, 2, 29, 1), Date.UTC(2026, 2, 8, 7), Date.UTC(2026, 9, 25, 1), Date.UTC(2026, 10, 1, 6), Date.UTC(2026, 10, 26, 10)];

/**
 * An instant in the plain week of the other properties, within a day of a DST change, or within two minutes of a
 * whole hour near either (slots start on whole hours).
 */
const nowArb = fc.oneof(
  instantArb,
  fc.tuple(fc.constantFrom(...PIVOTS), fc.integer({ min: -86_400, max: 86_400 })).map(([pivot, s]) => pivot + s * 1000),
  fc
    .tuple(fc.constantFrom(...PIVOTS), fc.integer({ min: -30, max: 30 }), fc.integer({ min: -120, max: 120 }))
    .map(([pivot, h, s]) => pivot + h * 3_600_000 + s * 1000),
);

const visitorsArb: fc.Arbitrary<Visitor> = fc.oneof(
  { weight: 3, arbitrary: visitorArb },
  { weight: 1, arbitrary: fc.tuple(visitorArb, stateArb).map(([visitor, state]) => ({ ...visitor, state })) },
);

/** What selection decides: the outcome, the winner, the armed and inject lists, when to ask again. */
function outcome(d: Decision): Pick<Decision, "status" | "reason" | "armed" | "inject" | "recheckAt"> & { invitationId: string | null } {
  const { status, reason, armed, inject, recheckAt } = d;
  return { status, reason, invitationId: d.invitation?.id ?? null, armed, inject, recheckAt };
}

describe("week slots against the naive walk", () => {
  it("large sets with weekly windows in several zones: the naive walk's winner and recheckAt", () => {
    fc.assert(
      fc.property(largeSetArb, visitorsArb, nowArb, optionsArb, (invitations, visitor, now, options) => {
        expect(outcome(evaluate(invitations, visitor, now, options))).toEqual(outcome(walkAll(invitations, visitor, now, options)));
      }),
      { numRuns: 400 },
    );
  });
});
