/**
 * The journey format of `beckon simulate` (docs/journey.md): one step of each kind is accepted as written, and every
 * problem is reported at once with its path and code.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isConfigError } from "../../../src/config/config-error.js";
import { durationMs, MAX_JOURNEY_STEPS, startMs, type Journey } from "../../../src/config/journey-schema.js";
import { parseJourney } from "../../../src/config/parse-journey.js";
import { safeParseJourney } from "../../../src/config/safe-parse-journey.js";
import { SESSION_TIMEOUT_MS } from "../../../src/state/is-new-session.js";
import { copy, sharedObjects } from "./examples.js";
import { hostileKindArb, pathsOf, plant } from "../../property/arbitraries/hostile.js";

const fullJourney: Journey = {
  start: "2026-12-02T09:00:00+02:00",
  visitor: { id: "ana", url: "https://example.com/", timeOnSite: 5, state: { v: 1, sessionExcluded: [], seenOnce: [], conversions: [] } },
  steps: [
    { do: "wait", for: "1h30m" },
    { do: "wait", for: 12.5 },
    { do: "page", url: "https://example.com/pricing", referrer: "https://google.com/", title: "Pricing" },
    { do: "event", name: "trial_started", value: "pro" },
    { do: "shown" },
    { do: "closed" },
    { do: "chatStarted" },
    { do: "conversion", event: "ordered" },
    { do: "newSession", after: "2d", url: "https://example.com/blog", referrer: "https://bing.com/", title: "Blog" },
    { do: "newSession" },
    { do: "trigger", trigger: { type: "exitIntent" } },
    { do: "trigger", trigger: { type: "idle", seconds: 30 } },
  ],
};

type CodeAndPath = [string, (string | number)[]];

function codesAndPaths(input: unknown): CodeAndPath[] {
  const result = safeParseJourney(input);
  expect(result.success).toBe(false);
  return result.success ? [] : result.error.issues.map((issue) => [issue.code, issue.path]);
}

const journeyWith = (steps: unknown[], rest: Record<string, unknown> = {}): unknown => ({ start: 0, visitor: { id: "v" }, steps, ...rest });

describe("safeParseJourney", () => {
  it("returns a deep copy equal to a journey with every kind of step, durations and start as written", () => {
    const input = copy(fullJourney);
    const result = safeParseJourney(input);
    expect(result).toEqual({ success: true, data: fullJourney });
    expect(result.success && sharedObjects(input, result.data)).toEqual([]);
    const kinds = new Set(fullJourney.steps.map((step) => step.do));
    expect([...kinds].sort()).toEqual(["chatStarted", "closed", "conversion", "event", "newSession", "page", "shown", "trigger", "wait"]);
  });

  it("accepts epoch milliseconds as the start and a journey without steps", () => {
    expect(safeParseJourney(journeyWith([], { start: 1_796_234_400_000 })).success).toBe(true);
  });

  it("lists every problem at once, each with its path and code", () => {
    const input = {
      start: "2026-12-02T09:00",
      visitor: { id: "", tags: 3 },
      steps: [
        { do: "wait", for: "soon" },
        { do: "jump" },
        {},
        { do: "newSession", after: "10m" },
        { do: "wait", for: -3 },
        { do: "page" },
        { do: "trigger", trigger: { type: "idle" } },
        { do: "shown", x: 1 },
        { do: "wait", for: "367d" },
        { do: "event", name: " " },
      ],
      extra: true,
    };
    expect(codesAndPaths(input)).toEqual([
      ["unknown_key", ["extra"]],
      ["invalid_date", ["start"]],
      ["invalid_value", ["steps", 0, "for"]],
      ["invalid_value", ["steps", 1, "do"]],
      ["required", ["steps", 2, "do"]],
      ["too_small", ["steps", 3, "after"]],
      ["negative_number", ["steps", 4, "for"]],
      ["required", ["steps", 5, "url"]],
      ["required", ["steps", 6, "trigger", "seconds"]],
      ["unknown_key", ["steps", 7, "x"]],
      ["too_big", ["steps", 8, "for"]],
      ["empty_string", ["steps", 9, "name"]],
      ["empty_string", ["visitor", "id"]],
      ["invalid_type", ["visitor", "tags"]],
    ]);
  });

  it("names the allowed steps when `do` is unknown", () => {
    const result = safeParseJourney(journeyWith([{ do: "jump" }]));
    expect(result.success ? "" : result.error.issues[0]?.message).toBe(
      'expected one of "wait", "page", "event", "shown", "closed", "chatStarted", "conversion", "newSession", "trigger", got "jump"',
    );
  });

  it("refuses a start without an offset (it would be the local time of whichever machine runs it) or past a Date's range", () => {
    // Days and hours that do not exist are refused, not rolled over (Date.parse reads 2026-02-30 as 2 March).
    for (const start of ["2026-12-02T09:00:00", "2026-12-02", "tomorrow", "2026-13-02T09:00:00Z", "2026-02-30T09:00:00Z", "2026-04-31T09:00:00+02:00", "2026-12-02T24:00:00Z", 9e15, -9e15]) {
      expect(codesAndPaths(journeyWith([], { start }))).toEqual([["invalid_date", ["start"]]]);
    }
    for (const start of [true, Number.NaN, null]) expect(codesAndPaths(journeyWith([], { start }))).toEqual([["invalid_type", ["start"]]]);
  });

  it("bounds the number of steps", () => {
    const steps = Array.from({ length: MAX_JOURNEY_STEPS + 1 }, () => ({ do: "shown" }));
    expect(codesAndPaths(journeyWith(steps))).toEqual([["too_big", ["steps"]]]);
    expect(safeParseJourney(journeyWith(steps.slice(1))).success).toBe(true);
  });

  it("bounds every duration: a wait at most 366 days, a new session's absence more than 30 minutes", () => {
    expect(safeParseJourney(journeyWith([{ do: "wait", for: "366d" }, { do: "wait", for: 0 }])).success).toBe(true);
    expect(codesAndPaths(journeyWith([{ do: "wait", for: 366 * 86_400 + 1 }]))).toEqual([["too_big", ["steps", 0, "for"]]]);
    expect(codesAndPaths(journeyWith([{ do: "newSession", after: "30m" }]))).toEqual([["too_small", ["steps", 0, "after"]]]);
    expect(safeParseJourney(journeyWith([{ do: "newSession", after: 1801 }])).success).toBe(true);
  });

  it("refuses a journey whose steps would pass the last instant a Date can hold, at the step that does", () => {
    const steps = [{ do: "shown" }, { do: "wait", for: "1d" }, { do: "wait", for: "1d" }];
    expect(codesAndPaths(journeyWith(steps, { start: 8.64e15 - 86_400_000 - 1 }))).toEqual([["too_big", ["steps", 2]]]);
  });

  it("reads the snapshot with a visitor's bounds: a URL past 8 192 characters is too big", () => {
    const url = `/${"a".repeat(8192)}`;
    expect(codesAndPaths(journeyWith([{ do: "page", url }]))).toEqual([["too_big", ["steps", 0, "url"]]]);
  });

  it("never throws, whatever the value", () => {
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    for (const input of [undefined, null, 3, "journey", [], revoked.proxy, { get start() { throw new Error("gone"); } }]) {
      expect(safeParseJourney(input).success).toBe(false);
    }
  });
});

describe("safeParseJourney on hostile values", () => {
  it("never throws, and reports a part that is no data (a throwing getter or proxy, a Promise, a class instance, a cycle) at its path", () => {
    const paths = pathsOf(fullJourney);
    fc.assert(
      fc.property(fc.constantFrom(...paths), hostileKindArb, (path, kind) => {
        const result = safeParseJourney(plant(fullJourney, path, kind));
        expect(result.success).toBe(false);
        const reported = result.success ? [] : result.error.issues.map((issue) => JSON.stringify(issue.path));
        expect(reported).toContain(JSON.stringify(path));
      }),
    );
  });
});

describe("parseJourney", () => {
  it("returns the copy or throws a ConfigError listing the problems", () => {
    expect(parseJourney(copy(fullJourney))).toEqual(fullJourney);
    let thrown: unknown;
    try {
      parseJourney(journeyWith([{ do: "wait" }]));
    } catch (error) {
      thrown = error;
    }
    expect(isConfigError(thrown)).toBe(true);
    expect((thrown as Error).message).toContain("steps[0].for: missing");
  });
});

describe("durationMs and startMs", () => {
  it("read seconds, duration text and ISO instants", () => {
    expect(durationMs(90)).toBe(90_000);
    expect(durationMs("1h30m")).toBe(5_400_000);
    expect(startMs("2026-12-02T18:00:00Z")).toBe(Date.UTC(2026, 11, 2, 18));
    expect(startMs(5)).toBe(5);
  });

  it("use the service's session timeout for a new session's least absence", () => {
    // journey-schema.ts keeps its own copy of the constant (config cannot import state): the two must agree.
    expect(codesAndPaths(journeyWith([{ do: "newSession", after: SESSION_TIMEOUT_MS / 1000 }]))).toEqual([["too_small", ["steps", 0, "after"]]]);
    expect(safeParseJourney(journeyWith([{ do: "newSession", after: SESSION_TIMEOUT_MS / 1000 + 0.001 }])).success).toBe(true);
  });
});
