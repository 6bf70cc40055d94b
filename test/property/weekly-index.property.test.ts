// The weekly and referrer indexes against no index at all: candidates whose schedule is off for the visitor's whole
// hour are left out of the scan and only watched for when they wake, and those whose referrer rule is no prefix of
// the visitor's referrer host are left out; selection must pick the same winner and the same changeAt. Sets have
// weekly windows in several zones (DST in Europe and America, Lord Howe's half-hour DST, Kathmandu's 5:45 offset,
// the evaluation's default zone), decided at instants around their offset changes.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compiledRuleset } from "../../src/compile/compile.js";
import type { CheckEnv } from "../../src/evaluate/check-candidate.js";
import { selectWinner } from "../../src/evaluate/select-winner.js";
import type { CompiledInvitation } from "../../src/compile/compile-invitation.js";
import { compile, type Invitation, type ScheduleWindow, type Trigger, type Visitor, type Weekday } from "../../src/index.js";
import { viewVisitor, type VisitorView } from "../../src/visitor/view-visitor.js";

const ZONES = ["UTC", "Europe/Vilnius", "America/New_York", "Australia/Lord_Howe", "Asia/Kathmandu"] as const;
const DAYS: readonly Weekday[] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/** Offset changes of 2026 in those zones (and one ordinary Thursday), as instants. */
const AROUND = [
  Date.UTC(2026, 2, 8, 7), // America/New_York springs forward
  Date.UTC(2026, 2, 29, 1), // Europe/Vilnius springs forward
  Date.UTC(2026, 3, 4, 15), // Australia/Lord_Howe falls back half an hour
  Date.UTC(2026, 9, 3, 15, 30), // Australia/Lord_Howe springs forward half an hour
  Date.UTC(2026, 9, 25, 1), // Europe/Vilnius falls back
  Date.UTC(2026, 10, 1, 6), // America/New_York falls back
  Date.UTC(2026, 10, 26, 10), // no change anywhere near
];

const clock = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 1, 29, 30, 31, 45, 59))
  .map(([h, m]) => `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`);
const windowArb: fc.Arbitrary<ScheduleWindow> = fc
  .tuple(clock, clock)
  .filter(([start, end]) => start !== end)
  .map(([start, end]) => ({ start, end }));
const daysArb = fc
  .subarray([...DAYS], { minLength: 0 })
  .chain((days) => fc.tuple(...days.map((day) => fc.array(windowArb, { minLength: 1, maxLength: 2 }).map((w) => [day, w] as const))))
  .map((entries) => Object.fromEntries(entries));

const scheduleArb: fc.Arbitrary<Invitation["schedule"]> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ type: fc.constant("weekly" as const), timeZone: fc.option(fc.constantFrom(...ZONES), { nil: undefined }), days: daysArb }).map(({ timeZone, ...rest }) => (timeZone === undefined ? rest : { ...rest, timeZone })) },
  { weight: 1, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: fc.integer({ min: -72, max: 72 }).map((h) => ({ type: "period" as const, from: AROUND[1] as number + h * 3_600_000 })) },
);

function invitationArb(i: number): fc.Arbitrary<Invitation> {
  return fc
    .record({
      position: fc.integer({ min: 0, max: 6 }),
      timeOnSite: fc.constantFrom(0, 0, 10, 30),
      language: fc.constantFrom("", "", "eng", "lit"),
      referrer: fc.constantFrom("", "", "", "google", "google.co", "bing.com", "g"),
      schedule: scheduleArb,
      events: fc.integer({ min: 0, max: 3 }).map((n) => (n === 0 ? [{ event: "login_failed", minCount: 1, withinSeconds: 1800 }] : undefined)),
      kind: fc.constantFrom("standard", "standard", "standard", "dynamic"),
      enabled: fc.constantFrom(true, true, true, true, false),
    })
    .map(({ schedule, events, kind, ...rest }) => ({
      id: `i${i}`,
      message: "Hi",
      ...rest,
      ...(schedule === undefined ? {} : { schedule }),
      // Events and dynamic invitations do not go together.
      ...(kind === "dynamic" ? { kind: "dynamic" as const, trigger: { type: "exitIntent" as const } } : events === undefined ? {} : { events }),
    }));
}

const setArb: fc.Arbitrary<Invitation[]> = fc
  .integer({ min: 1, max: 90 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => invitationArb(i))));

const caseArb = fc.record({
  invitations: setArb,
  now: fc.tuple(fc.constantFrom(...AROUND), fc.integer({ min: -3 * 24 * 60, max: 3 * 24 * 60 }), fc.integer({ min: 0, max: 59_999 })).map(([at, minutes, ms]) => at + minutes * 60_000 + ms),
  timeZone: fc.constantFrom(...ZONES),
  visitor: fc.record({
    timeOnSite: fc.constantFrom(0, 5, 20, 40),
    language: fc.constantFrom("eng", "lit", ""),
    referrer: fc.constantFrom("", "https://www.google.com/x", "google.co.uk", "bing.com", "https://go.example"),
    events: fc.array(fc.integer({ min: 0, max: 3600 }), { maxLength: 2 }),
  }),
  seed: fc.constantFrom("", "s"),
});

function select(list: ReturnType<typeof compiledRuleset>["standard"], accepts: ((c: CompiledInvitation) => boolean) | null, view: VisitorView, env: CheckEnv, seed: string, indexFrom: number) {
  const { winner, changeAt } = selectWinner(list, accepts, view, env, seed, indexFrom);
  return { winner: winner?.id ?? null, changeAt };
}

describe("weekly index", () => {
  it("selects the same winner and changeAt with the index as without", () => {
    fc.assert(
      fc.property(caseArb, ({ invitations, now, timeZone, visitor, seed }) => {
        const ruleset = compiledRuleset(compile(invitations));
        const snapshot: Visitor = { id: "v1", ...visitor, events: visitor.events.map((s) => ({ name: "login_failed", at: now - s * 1000 })) };
        const view = viewVisitor(snapshot, ruleset.eventNames) as VisitorView;
        const env: CheckEnv = { atMs: now, timeZone, operatorsOnline: undefined };
        const exit: Trigger = { type: "exitIntent" };
        const fires = (c: CompiledInvitation): boolean => c.trigger?.type === exit.type;
        for (const [list, accepts] of [[ruleset.standard, null], [ruleset.dynamic, fires]] as const) {
          expect(select(list, accepts, view, env, seed, 0)).toEqual(select(list, accepts, view, env, seed, Number.POSITIVE_INFINITY));
        }
      }),
      { numRuns: 600 },
    );
  });

  it("leaves asleep only candidates whose schedule is off now, and finds when the first of them wakes", () => {
    // Sixty invitations, each on for one hour of Monday in Vilnius, ranked before one with no schedule.
    const hourly: Invitation[] = Array.from({ length: 60 }, (_, i) => {
      const hour = String(i % 24).padStart(2, "0");
      return { id: `h${i}`, position: i, message: "x", schedule: { type: "weekly", timeZone: "Europe/Vilnius", days: { mon: [{ start: `${hour}:00`, end: `${hour}:59` }] } } };
    });
    const invitations: Invitation[] = [...hourly, { id: "always", position: 60, message: "x" }];
    const ruleset = compiledRuleset(compile(invitations));
    // Monday 2026-11-23 10:30 in Vilnius (UTC+2).
    const now = Date.UTC(2026, 10, 23, 8, 30);
    const view = viewVisitor({ id: "v1" }) as VisitorView;
    const env: CheckEnv = { atMs: now, timeZone: "UTC", operatorsOnline: undefined };
    const withIndex = selectWinner(ruleset.standard, null, view, env, "", 0);
    expect(withIndex.winner?.id).toBe("h10");
    expect(withIndex.changeAt).toBe(Date.UTC(2026, 10, 23, 9, 0)); // 11:00 in Vilnius, when h10 ends
    const later = selectWinner(ruleset.standard, null, view, { ...env, atMs: Date.UTC(2026, 10, 23, 22, 30) }, "", 0);
    // 00:30 on Tuesday: nothing on until next Monday 00:00, so "always" wins and the change is that Monday.
    expect(later.winner?.id).toBe("always");
    expect(later.changeAt).toBe(Date.UTC(2026, 10, 29, 22, 0));
  });

  it("checks the sleepers one by one past an offset change, where hours of the week move", () => {
    // Vilnius springs forward on 2026-03-29 at 03:00 local (01:00 UTC). At 02:30 local "later" is asleep; it wakes
    // at 05:00 local, which is 02:00 UTC after the change (03:00 UTC by the offset before it). "now" holds until
    // 05:30 local, 02:30 UTC: between the two, so reading hours with the old offset would miss "later" waking.
    const invitations: Invitation[] = [
      { id: "later", position: 0, message: "x", schedule: { type: "weekly", timeZone: "Europe/Vilnius", days: { sun: [{ start: "05:00", end: "06:00" }] } } },
      { id: "now", position: 1, message: "x", schedule: { type: "weekly", timeZone: "Europe/Vilnius", days: { sun: [{ start: "00:00", end: "05:29" }] } } },
    ];
    const ruleset = compiledRuleset(compile(invitations));
    const view = viewVisitor({ id: "v1" }) as VisitorView;
    const env: CheckEnv = { atMs: Date.UTC(2026, 2, 29, 0, 30), timeZone: "UTC", operatorsOnline: undefined };
    const selection = selectWinner(ruleset.standard, null, view, env, "", 0);
    expect(selection.winner?.id).toBe("now");
    expect(selection.changeAt).toBe(Date.UTC(2026, 2, 29, 2, 0));
  });
});
