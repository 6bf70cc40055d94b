import { describe, expect, it } from "vitest";
import { isConfigError } from "../../../src/config/config-error.js";
import type { Journey } from "../../../src/config/journey-schema.js";
import { MAX_SIMULATION_RECHECKS, simulateJourney } from "../../../src/simulate/simulate-journey.js";
import type { Invitation } from "../../../src/types.js";

const START = "2026-12-02T09:00:00Z";
const at = (iso: string): number => Date.parse(iso);

const invitations: Invitation[] = [
  { id: "pricing-help", position: 1, urls: ["/pricing*"], timeOnSite: 30, message: "Need help choosing a plan?" },
  { id: "hello", position: 10, timeOnSite: 60, cooldownSeconds: 0, hideForSessionAfterClose: true, message: "Hello", returningMessage: "Welcome back" },
];

const journey = (steps: Journey["steps"], visitor: Journey["visitor"] = { id: "ana", url: "https://example.com/" }): Journey => ({ start: START, visitor, steps });

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

describe("simulateJourney", () => {
  it("checks at the start, rechecks at each recheckAt while the visitor waits, and checks after each step", () => {
    const timeline = simulateJourney(invitations, journey([{ do: "wait", for: "2m" }, { do: "page", url: "https://example.com/pricing" }]));
    expect(timeline.entries.map((e) => [e.at, e.step, e.what.kind, e.decision.status, e.decision.invitationId])).toEqual([
      [at(START), null, "start", "none", null],
      [at("2026-12-02T09:01:00Z"), null, "recheck", "selected", "hello"],
      [at("2026-12-02T09:02:00Z"), 1, "page", "current", "hello"],
    ]);
    expect(timeline).toMatchObject({ start: at(START), end: at("2026-12-02T09:02:00Z"), stepsLeft: 0, truncated: false });
  });

  it("with untilMs, rechecks after the last step until the end, and leaves out steps past it", () => {
    const closedPricing = journey([{ do: "page", url: "https://example.com/pricing" }, { do: "wait", for: "40s" }, { do: "closed" }, { do: "wait", for: "1h" }, { do: "shown" }]);
    const short = simulateJourney(invitations, closedPricing, { untilMs: 30 * 60_000, options: { suppressAfterCloseSeconds: 600 } });
    expect(short.entries.map((e) => [e.what.kind, e.decision.reason])).toEqual([
      ["start", "no_eligible_invitation"],
      ["page", "no_eligible_invitation"],
      ["recheck", "lowest_position"],
      ["closed", "suppressed"],
      ["recheck", "lowest_position"],
    ]);
    // The pause after the close ends 600 s later; pricing-help (no session exclusion) comes back.
    expect(short.entries.at(-1)).toMatchObject({ at: at("2026-12-02T09:10:40Z"), decision: { invitationId: "pricing-help" } });
    expect(short).toMatchObject({ end: at("2026-12-02T09:30:00Z"), stepsLeft: 2 });
  });

  it("starts a new session when a check comes more than 30 minutes after the last one: a returning visitor", () => {
    const timeline = simulateJourney(invitations, journey([{ do: "newSession", after: "2h" }, { do: "wait", for: "1m" }]));
    expect(timeline.entries.map((e) => [e.what.kind, e.newSession, e.decision.message])).toEqual([
      ["start", false, null],
      ["newSession", true, null],
      ["recheck", false, "Welcome back"],
    ]);
  });

  it("logs events by their definitions and reports each step's answer", () => {
    const withEvent: Invitation[] = [{ id: "trial", events: [{ event: "trial_started", minCount: 1 }], message: "Tour?" }];
    const steps: Journey["steps"] = [{ do: "event", name: "trial_started" }, { do: "event", name: "nope" }, { do: "shown" }, { do: "shown" }, { do: "chatStarted" }, { do: "closed" }, { do: "conversion", event: "ordered" }];
    const timeline = simulateJourney(withEvent, journey(steps), { events: [{ name: "trial_started" }] });
    expect(timeline.entries.map((e) => e.what)).toEqual([
      { kind: "start", url: "https://example.com/" },
      { kind: "event", name: "trial_started", outcome: "appended" },
      { kind: "event", name: "nope", outcome: "unknown_event" },
      { kind: "shown", counted: true },
      { kind: "shown", counted: false },
      { kind: "chatStarted", fromInvitation: true },
      { kind: "closed", onScreen: false },
      { kind: "conversion", event: "ordered", outcome: "no_record" },
    ]);
    // The host's snapshot now says a chat started: the pause before anything else is the chat's.
    expect(timeline.entries.at(-1)?.decision.reason).toBe("recent_chat");
  });

  it("fires a trigger as the widget reports it", () => {
    const leaving: Invitation[] = [{ id: "leaving", kind: "dynamic", trigger: { type: "exitIntent" }, message: "Before you go" }];
    const timeline = simulateJourney(leaving, journey([{ do: "trigger", trigger: { type: "exitIntent" } }]));
    expect(timeline.entries.map((e) => [e.what.kind, e.decision.status, e.decision.invitationId, e.decision.armed])).toEqual([
      ["start", "none", null, ["leaving"]],
      ["trigger", "selected", "leaving", []],
    ]);
  });

  it("starts from the journey's stored state and event log", () => {
    const visitor = { id: "ana", timeOnSite: 100, state: { v: 1 as const, suppressedUntil: at(START) + 5000, sessionExcluded: [], seenOnce: [], conversions: [] } };
    const timeline = simulateJourney(invitations, journey([{ do: "wait", for: "10s" }], visitor));
    expect(timeline.entries.map((e) => [e.what.kind, e.decision.reason])).toEqual([["start", "suppressed"], ["recheck", "lowest_position"]]);
  });

  it(`stops after ${MAX_SIMULATION_RECHECKS} rechecks, saying so`, () => {
    // A dynamic invitation armed two minutes in every three (windows are inclusive to the minute): each switch is a
    // recheckAt, 960 a day, for ever.
    const windows = Array.from({ length: 480 }, (_, i) => {
      const minute = (m: number): string => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
      return { start: minute(3 * i), end: minute(3 * i + 1) };
    });
    const days = Object.fromEntries(["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map((day) => [day, windows]));
    const blinking: Invitation[] = [{ id: "blink", kind: "dynamic", trigger: { type: "exitIntent" }, schedule: { type: "weekly", days }, message: "Hi" }];
    const timeline = simulateJourney(blinking, journey([{ do: "wait", for: "2d" }, { do: "shown" }]));
    expect(timeline.entries.filter((e) => e.what.kind === "recheck")).toHaveLength(MAX_SIMULATION_RECHECKS);
    expect(timeline).toMatchObject({ truncated: true, stepsLeft: 2 });
  });

  it("changes none of its arguments", () => {
    const given = deepFreeze(journey([{ do: "page", url: "https://example.com/pricing" }, { do: "wait", for: "1m" }, { do: "closed" }]));
    const frozen = deepFreeze(structuredClone(invitations));
    expect(() => simulateJourney(frozen, given, deepFreeze({ untilMs: 3_600_000, options: { timeZone: "Europe/Vilnius" } }))).not.toThrow();
  });

  it("throws a ConfigError for an invalid journey, event definitions, invitations or untilMs", () => {
    const valid = journey([]);
    const cases: [() => unknown, (string | number)[]][] = [
      [() => simulateJourney(invitations, { ...valid, steps: [{ do: "wait" }] } as unknown as Journey), ["steps", 0, "for"]],
      [() => simulateJourney(invitations, valid, { events: [{ name: "" }] }), [0, "name"]],
      [() => simulateJourney([{ id: "a" }] as Invitation[], valid), [0, "message"]],
      [() => simulateJourney(invitations, valid, { untilMs: -1 }), ["untilMs"]],
      [() => simulateJourney(invitations, valid, { untilMs: Number.NaN }), ["untilMs"]],
      [() => simulateJourney(invitations, valid, { options: { get suppressAfterCloseSeconds(): number { throw new Error("no") } } }), ["options", "suppressAfterCloseSeconds"]],
      // The setup itself: not an object, or a field whose getter throws.
      [() => simulateJourney(invitations, valid, null as never), []],
      [() => simulateJourney(invitations, valid, [] as never), []],
      [() => simulateJourney(invitations, valid, { get untilMs(): number { throw new Error("no") } }), ["untilMs"]],
      [() => simulateJourney(invitations, valid, { get events(): never { throw new Error("no") } }), ["events"]],
      [() => simulateJourney(invitations, valid, new Proxy({}, { get: () => { throw new Error("trap") } })), ["events"]],
    ];
    for (const [run, path] of cases) {
      let thrown: unknown;
      try {
        run();
      } catch (error) {
        thrown = error;
      }
      expect(isConfigError(thrown) && thrown.issues[0]?.path).toEqual(path);
    }
  });

  it("names what an untilMs that is no number was: a text is quoted", () => {
    expect(() => simulateJourney(invitations, journey([]), { untilMs: "5" as never })).toThrow(/got "5"/);
  });
});
