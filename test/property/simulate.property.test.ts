/*
 * Laws of simulateJourney (docs/journey.md):
 *
 * 1. It decides as production does: for generated journeys, every entry's decision equals the one createBeckon (memory
 *    storage) gives when the journey's calls are made by hand, one by one with an explicit `at`. The oracle below
 *    drives the service from docs/journey.md's rules (the snapshot a host sends, checks after each step, rechecks at
 *    each recheckAt while waiting); it shares no code with src/simulate.
 * 2. The timeline's instants: a recheck stands exactly at the previous entry's recheckAt and strictly after it; time
 *    never goes back; nothing lies past the end; no recheckAt inside a wait (or, with `untilMs`, before the end) is
 *    skipped; with `untilMs` the end is the start plus it.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Journey, JourneyStep } from "../../src/config/journey-schema.js";
import { simulateJourney } from "../../src/simulate/simulate-journey.js";
import type { TimelineHappening } from "../../src/simulate/timeline.js";
import { createBeckon, createMemoryStorage } from "../../src/storage/index.js";
import type { Decision, EvaluateOptions, Invitation, Visitor } from "../../src/types.js";
import { lifecycleWorldArb, PAGES, type LifecycleWorld } from "./arbitraries/lifecycle.js";

const MINUTE = 60_000;

/**
 * Sometimes a dynamic invitation too, so trigger steps have something to fire, and one that reads what only the
 * host's snapshot carries (page views, the last visit, the last chat), so a snapshot kept wrongly shows.
 */
const worldArb: fc.Arbitrary<LifecycleWorld> = fc
  .tuple(lifecycleWorldArb, fc.boolean(), fc.constantFrom(0, 3), fc.option(fc.record({ pageviews: fc.constantFrom(0, 2), visitGap: fc.constantFrom(0, 3600), chatGap: fc.constantFrom(0, 600) }), { nil: undefined }))
  .map(([world, dynamic, position, snapshotRules]) => {
    const extra: Invitation[] = [];
    if (dynamic) extra.push({ id: "x", kind: "dynamic", position, trigger: { type: "idle", seconds: 20 }, message: "Still there?" });
    if (snapshotRules !== undefined) {
      const { pageviews, visitGap, chatGap } = snapshotRules;
      extra.push({ id: "p", position: 1, pageviews, minSecondsSinceLastVisit: visitGap, minSecondsSinceLastChat: chatGap, message: "Hi", returningMessage: "Welcome back" });
    }
    return { ...world, invitations: [...world.invitations, ...extra] };
  });

const durationArb: fc.Arbitrary<number | string> = fc.oneof(
  fc.integer({ min: 0, max: 120 }),
  fc.integer({ min: 1, max: 40 }).map((minutes) => `${minutes}m`),
  fc.constantFrom("30m", "30m1ms", "1h", "90s"),
);

const stepArb: fc.Arbitrary<JourneyStep> = fc.oneof(
  { arbitrary: durationArb.map((d) => ({ do: "wait", for: d }) as const), weight: 4 },
  { arbitrary: fc.record({ url: fc.constantFrom(...PAGES.map((p) => p.url)), title: fc.constant("A page") }, { requiredKeys: ["url"] }).map((p) => ({ do: "page", ...p }) as const), weight: 3 },
  {
    arbitrary: fc.record({ name: fc.constantFrom("viewed", "ordered", "unknown"), value: fc.constantFrom("a", "b") }, { requiredKeys: ["name"] }).map((e) => ({ do: "event", ...e }) as const),
    weight: 2,
  },
  { arbitrary: fc.constant({ do: "shown" } as const), weight: 2 },
  { arbitrary: fc.constant({ do: "closed" } as const), weight: 2 },
  { arbitrary: fc.constant({ do: "chatStarted" } as const), weight: 1 },
  { arbitrary: fc.constantFrom("ordered", "signup").map((event) => ({ do: "conversion", event }) as const), weight: 1 },
  {
    arbitrary: fc.record({ after: fc.constantFrom("31m", "2h", 86_400), url: fc.constantFrom(...PAGES.map((p) => p.url)) }, { requiredKeys: [] }).map((s) => ({ do: "newSession", ...s }) as const),
    weight: 1,
  },
  {
    arbitrary: fc.constantFrom({ type: "exitIntent" } as const, { type: "idle", seconds: 30 } as const).map((trigger) => ({ do: "trigger", trigger }) as const),
    weight: 1,
  },
);

const journeyArb = (world: LifecycleWorld): fc.Arbitrary<Journey> =>
  fc
    .record({
      steps: fc.array(stepArb, { maxLength: 14 }),
      timeOnSite: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
      pageviews: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
      viewedBefore: fc.boolean(),
    })
    .map(({ steps, timeOnSite, pageviews, viewedBefore }) => ({
      start: new Date(world.start).toISOString(),
      visitor: {
        id: world.visitorId,
        url: world.startUrl,
        ...(timeOnSite === undefined ? {} : { timeOnSite }),
        ...(pageviews === undefined ? {} : { pageviews }),
        ...(viewedBefore ? { events: [{ name: "viewed", at: world.start - MINUTE }] } : {}),
      },
      steps,
    }));

const untilArb: fc.Arbitrary<number | undefined> = fc.option(fc.integer({ min: 0, max: 180 }).map((minutes) => minutes * MINUTE + 7), { nil: undefined });

/** What the oracle and the simulation are compared on. */
interface Seen {
  at: number;
  /** What the service call of the step answered (event and conversion outcomes, shown / closed / chat flags). */
  result: unknown;
  newSession: boolean;
  status: string;
  invitationId: string | null;
  variationId: string | null;
  message: string | null;
  reason: string | null;
  recheckAt: number | null;
}

const SESSION_GAP = 30 * MINUTE;
const RECHECKS = 1000;

/** Milliseconds of a duration as docs/journey.md defines it (a number is seconds). */
function ms(duration: number | string): number {
  if (typeof duration === "number") return duration * 1000;
  const unit: Record<string, number> = { ms: 1, s: 1000, m: MINUTE, h: 60 * MINUTE, d: 24 * 60 * MINUTE };
  return [...duration.matchAll(/(\d+)(ms|s|m|h|d)/g)].reduce((sum, [, n, u]) => sum + Number(n) * (unit[u as string] as number), 0);
}

/** What a step's service call answered, as the timeline tells it. */
function resultOf(what: TimelineHappening): unknown {
  switch (what.kind) {
    case "event":
    case "conversion":
      return what.outcome;
    case "shown":
      return what.counted;
    case "closed":
      return what.onScreen;
    case "chatStarted":
      return what.fromInvitation;
    default:
      return undefined;
  }
}

/** The journey played by hand against createBeckon with memory storage. */
async function byHand(world: LifecycleWorld, journey: Journey, untilMs: number | undefined): Promise<Seen[]> {
  const storage = createMemoryStorage();
  const { state, events, ...rest } = journey.visitor;
  await storage.commitVisitor(journey.visitor.id, { state: state ?? { v: 1, sessionExcluded: [], seenOnce: [], conversions: [] }, events: events ?? [] }, 0);
  const service = createBeckon({ storage, invitations: world.invitations, events: world.definitions, options: world.options });
  const start = Date.parse(journey.start as string);
  const spans = journey.steps.map((s) => (s.do === "wait" ? ms(s.for) : s.do === "newSession" ? ms(s.after ?? "1h") : 0));
  const end = untilMs === undefined ? start + spans.reduce((a, b) => a + b, 0) : start + untilMs;
  const seen: Seen[] = [];
  let snapshot: Visitor = rest;
  let now = start;
  let sessionStart = start;
  let secondsBefore = snapshot.timeOnSite ?? 0;
  let lastCheck: number | undefined;
  let last: Decision | undefined;
  let rechecks = 0;

  const check = async (pageView: boolean, first = false, options?: EvaluateOptions, result?: unknown): Promise<void> => {
    const fresh = lastCheck !== undefined && now - lastCheck > SESSION_GAP;
    if (fresh) {
      snapshot = { ...snapshot, visits: (snapshot.visits ?? 1) + 1, lastVisitAt: lastCheck as number, pageviews: 1 };
      sessionStart = now;
      secondsBefore = 0;
    } else if (pageView && !first) snapshot = { ...snapshot, pageviews: (snapshot.pageviews ?? 1) + 1 };
    lastCheck = now;
    snapshot = { ...snapshot, timeOnSite: secondsBefore + (now - sessionStart) / 1000 };
    last = await service.check(snapshot, { pageView, at: now, ...(options === undefined ? {} : { options }) });
    seen.push({
      at: now,
      result,
      newSession: fresh,
      status: last.status,
      invitationId: last.invitation?.id ?? null,
      variationId: last.variationId,
      message: last.message,
      reason: last.reason,
      recheckAt: last.recheckAt,
    });
  };
  const recheckUntil = async (limit: number): Promise<boolean> => {
    while (last?.recheckAt != null && last.recheckAt > now && last.recheckAt <= limit) {
      if (rechecks === RECHECKS) return false;
      rechecks += 1;
      now = last.recheckAt;
      await check(false);
    }
    return true;
  };
  const goTo = (url: string | undefined, referrer: string | undefined, keepPrevious: boolean): void => {
    const { previousUrl: _dropped, ...kept } = snapshot;
    snapshot = { ...kept, ...(keepPrevious && snapshot.url !== undefined ? { previousUrl: snapshot.url } : {}), ...(url === undefined ? {} : { url }), ...(referrer === undefined ? {} : { referrer }) };
  };

  await check(true, true);
  let done = 0;
  for (const [index, step] of journey.steps.entries()) {
    if (step.do === "wait") {
      const until = now + (spans[index] as number);
      if (!(await recheckUntil(Math.min(until, end))) || until > end) break;
      now = until;
    } else if (step.do === "newSession") {
      if (now + (spans[index] as number) > end) break;
      now += spans[index] as number;
      goTo(step.url, step.referrer, false);
      await check(true);
    } else if (step.do === "page") {
      goTo(step.url, step.referrer, true);
      await check(true);
    } else {
      const id = journey.visitor.id;
      let result: unknown;
      if (step.do === "event") result = await service.logEvent(id, { name: step.name, ...(step.value === undefined ? {} : { value: step.value }) }, now);
      if (step.do === "shown") result = await service.shown(id, now);
      if (step.do === "closed") result = await service.closed(id, now);
      if (step.do === "chatStarted") {
        result = await service.chatStarted(id, now);
        snapshot = { ...snapshot, chat: { ...snapshot.chat, lastStartedAt: now } };
      }
      if (step.do === "conversion") result = await service.convert(id, step.event, now);
      await check(false, false, step.do === "trigger" ? { trigger: step.trigger } : undefined, result);
    }
    done += 1;
  }
  if (untilMs !== undefined && done === journey.steps.length) await recheckUntil(end);
  await service.close();
  return seen;
}

describe("simulateJourney", () => {
  it("decides at every entry as createBeckon does when the journey's calls are made by hand", async () => {
    await fc.assert(
      fc.asyncProperty(
        worldArb.chain((world) => fc.tuple(fc.constant(world), journeyArb(world), untilArb)),
        async ([world, journey, untilMs]) => {
          const timeline = simulateJourney(world.invitations, journey, { options: world.options, events: world.definitions, ...(untilMs === undefined ? {} : { untilMs }) });
          const simulated: Seen[] = timeline.entries.map(({ at, what, newSession, decision: { armed: _armed, ...decision } }) => ({ at, result: resultOf(what), newSession, ...decision }));
          expect(simulated).toEqual(await byHand(world, journey, untilMs));
        },
      ),
      { numRuns: Number(process.env.FC_NUM_RUNS ?? 100) },
    );
  });

  it("reports each recheck at the previous entry's recheckAt, never goes back in time, skips no recheckAt and never passes the end", () => {
    fc.assert(
      fc.property(
        worldArb.chain((world) => fc.tuple(fc.constant(world), journeyArb(world), untilArb)),
        ([world, journey, untilMs]) => {
          const timeline = simulateJourney(world.invitations, journey, { options: world.options, events: world.definitions, ...(untilMs === undefined ? {} : { untilMs }) });
          const start = Date.parse(journey.start as string);
          if (untilMs !== undefined) expect(timeline.end).toBe(start + untilMs);
          expect(timeline.entries[0]).toMatchObject({ at: start, what: { kind: "start" } });
          timeline.entries.forEach((entry, i) => {
            expect(entry.at).toBeLessThanOrEqual(timeline.end);
            const previous = timeline.entries[i - 1];
            if (previous === undefined) return;
            expect(entry.at).toBeGreaterThanOrEqual(previous.at);
            if (entry.what.kind === "recheck") {
              expect(entry.at).toBe(previous.decision.recheckAt);
              expect(entry.at).toBeGreaterThan(previous.at);
            } else if (entry.what.kind !== "newSession" && previous.decision.recheckAt !== null && previous.decision.recheckAt > previous.at) {
              // Between two entries the widget waited: any recheckAt before this entry would have been an entry.
              expect(previous.decision.recheckAt).toBeGreaterThanOrEqual(entry.at);
            }
          });
          const last = timeline.entries.at(-1);
          if (untilMs !== undefined && timeline.stepsLeft === 0 && !timeline.truncated && last !== undefined) {
            expect(last.decision.recheckAt === null || last.decision.recheckAt > timeline.end || last.decision.recheckAt <= last.at).toBe(true);
          }
          const steps = timeline.entries.flatMap((entry) => (entry.step === null ? [] : [entry.step]));
          const expectedSteps = journey.steps.flatMap((step, index) => (step.do === "wait" || index >= journey.steps.length - timeline.stepsLeft ? [] : [index]));
          expect(steps).toEqual(expectedSteps);
        },
      ),
    );
  });
});
