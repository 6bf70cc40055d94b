// DECISIONS: see record-event.test.ts.
import { describe, expect, it } from "vitest";
import { DEFAULT_MAX_EVENTS_PER_NAME, pruneEvents } from "../../../src/events/prune-events.js";
import {
  compile,
  evaluate,
  isConfigError,
  type EventCondition,
  type Invitation,
  type VisitorEvent,
} from "../../../src/index.js";

const now = Date.UTC(2026, 10, 26, 10);
const MINUTE = 60_000;

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

/** One invitation per list of event conditions. */
const withEvents = (...lists: EventCondition[][]): Invitation[] =>
  deepFreeze(lists.map((events, i) => ({ id: `inv-${i}`, message: "Hi", events })));

const at = (minutesAgo: number, name = "login_failed"): VisitorEvent => ({ name, at: now - minutesAgo * MINUTE });

describe("pruneEvents", () => {
  const twiceInHalfAnHour: EventCondition = { event: "login_failed", minCount: 2, withinSeconds: 1800 };
  const halfHour = withEvents([twiceInHalfAnHour]);

  it("drops records of names no event condition uses and keeps used names whatever their case", () => {
    const log = deepFreeze([at(1, "scroll"), at(2, "Login_Failed"), at(3, "birthday"), at(4, " LOGIN_FAILED ")]);
    expect(pruneEvents(log, halfHour, now)).toEqual([log[1], log[3]]);
  });

  it("keeps each name's newest records when a log holds many names, its records of one name far apart", () => {
    // Twelve names, ten of them counted, one record each in turn, then 150 of the first and of the last counted name:
    // each name keeps its newest 100, its records grouped by name however far apart they are in the log.
    const names = Array.from({ length: 12 }, (_, i) => `event-${i}`);
    const set = withEvents(names.slice(0, 10).map((event) => ({ event, minCount: 1 })));
    const spread = names.map((name, i) => at(300 - i, name));
    const burst = Array.from({ length: 300 }, (_, i) => at(200 - i / 2, i % 2 === 0 ? "event-0" : "event-9"));
    const log = deepFreeze([...spread, ...burst]);
    const expected = [...spread.slice(1, 9), ...burst.slice(-2 * DEFAULT_MAX_EVENTS_PER_NAME)];
    expect(pruneEvents(log, set, now)).toEqual(expected);
    expect(pruneEvents([...log].reverse(), set, now)).toEqual([...expected].reverse());
  });

  it("drops every record when no invitation has event conditions", () => {
    expect(pruneEvents([at(1)], [{ id: "a", message: "Hi" }], now)).toEqual([]);
  });

  it("drops records as old as the widest window on their name or older", () => {
    const log = deepFreeze([at(45), at(30), { name: "login_failed", at: now - 30 * MINUTE + 1 }, at(0)]);
    expect(pruneEvents(log, halfHour, now)).toEqual([log[2], log[3]]);
  });

  it("keeps records for the widest of several windows on one name", () => {
    const both = withEvents(
      [{ event: "login_failed", minCount: 1, withinSeconds: 60 }],
      [{ event: "login_failed", minCount: 1, withinSeconds: 3600 }],
    );
    const log = deepFreeze([at(90), at(59), at(30)]);
    expect(pruneEvents(log, both, now)).toEqual([log[1], log[2]]);
  });

  it.each<[string, EventCondition]>([
    ["no window", { event: "login_failed", minCount: 1 }],
    ["window 0", { event: "login_failed", minCount: 1, withinSeconds: 0 }],
  ])("keeps records of every age when a condition on the name has %s", (_name, condition) => {
    const log = deepFreeze([at(5 * 365 * 24 * 60), at(45), at(1)]);
    expect(pruneEvents(log, withEvents([condition], [twiceInHalfAnHour]), now)).toEqual(log);
  });

  it("keeps records dated after now", () => {
    const log = deepFreeze([at(-10), at(60)]);
    expect(pruneEvents(log, halfHour, now)).toEqual([log[0]]);
  });

  it("keeps only the newest maxPerName records of a name, in their original order", () => {
    const log = deepFreeze([at(3), at(1), at(4, "birthday"), at(2), at(5)]);
    const invitations = withEvents([
      { event: "login_failed", minCount: 1, withinSeconds: 1800 },
      { event: "birthday", minCount: 1 },
    ]);
    expect(pruneEvents(log, invitations, now, { maxPerName: 2 })).toEqual([log[1], log[2], log[3]]);
  });

  it("keeps the later of two records with the same instant when the cap splits them", () => {
    const log = deepFreeze([
      { name: "login_failed", at: now, value: "first" },
      { name: "login_failed", at: now, value: "second" },
    ]);
    const once = withEvents([{ event: "login_failed", minCount: 1 }]);
    expect(pruneEvents(log, once, now, { maxPerName: 1 })).toEqual([log[1]]);
  });

  it("never keeps fewer records of a name than its largest minCount", () => {
    const log = deepFreeze([at(6), at(5), at(4), at(3), at(2), at(1)]);
    const five = withEvents([{ event: "login_failed", minCount: 5, withinSeconds: 1800 }]);
    expect(pruneEvents(log, five, now, { maxPerName: 2 })).toEqual(log.slice(1));
  });

  it(`caps at ${DEFAULT_MAX_EVENTS_PER_NAME} records by default; NaN means the default and Infinity no cap`, () => {
    const log = deepFreeze(Array.from({ length: 150 }, (_, i) => at(150 - i)));
    const ever = withEvents([{ event: "login_failed", minCount: 1 }]);
    expect(pruneEvents(log, ever, now)).toEqual(log.slice(50));
    expect(pruneEvents(log, ever, now, { maxPerName: Number.NaN })).toEqual(log.slice(50));
    expect(pruneEvents(log, ever, now, { maxPerName: Infinity })).toEqual(log);
  });

  it("counts the conditions of disabled invitations as used", () => {
    const disabled = deepFreeze([{ id: "off", enabled: false, message: "Hi", events: [twiceInHalfAnHour] }]);
    expect(pruneEvents([at(1)], disabled, now)).toEqual([at(1)]);
  });

  it("drops records evaluation cannot read", () => {
    const log = deepFreeze([{ name: "login_failed", at: Number.NaN }, { name: 7, at: now } as unknown as VisitorEvent]);
    expect(pruneEvents(log, withEvents([{ event: "login_failed", minCount: 1 }]), now)).toEqual([]);
  });

  it("returns an empty log for no log", () => {
    expect(pruneEvents(undefined, halfHour, now)).toEqual([]);
  });

  it("accepts a compiled ruleset as well as a plain array", () => {
    const log = deepFreeze([at(45), at(1, "scroll"), at(1)]);
    expect(pruneEvents(log, compile(halfHour), now)).toEqual(pruneEvents(log, halfHour, now));
  });

  it("throws a ConfigError for an invalid plain array, as compile does", () => {
    const invalid = [{ id: "a", message: "Hi", events: [{ event: "x", minCount: 0 }] }];
    let thrown: unknown;
    try {
      pruneEvents([], invalid, now);
    } catch (error) {
      thrown = error;
    }
    expect(isConfigError(thrown)).toBe(true);
  });

  it("never changes its input and returns a new array", () => {
    const log = deepFreeze([at(45), at(1)]);
    const before = structuredClone(log);
    const pruned = pruneEvents(log, withEvents([{ event: "login_failed", minCount: 1 }]), now);
    expect(pruned).toEqual(log);
    expect(pruned).not.toBe(log);
    expect(log).toEqual(before);
  });

  it("gives the same decision, recheck instant included, as the full log", () => {
    const log = deepFreeze([at(50), at(40, "scroll"), at(20), at(10), at(5), at(-1)]);
    const visitor = { id: "v1", events: log };
    const pruned = { id: "v1", events: pruneEvents(log, halfHour, now, { maxPerName: 2 }) };
    expect(pruned.events).toEqual([at(5), at(-1)]);
    for (const t of [now, now + 10 * MINUTE, now + 40 * MINUTE]) {
      expect(evaluate(halfHour, pruned, t)).toEqual(evaluate(halfHour, visitor, t));
    }
    expect(evaluate(halfHour, pruned, now).recheckAt).toBe(now + 25 * MINUTE);
  });
});

describe("pruneEvents on a stored log with garbage", () => {
  it("drops records evaluation cannot read (null, numbers, no name) instead of throwing", () => {
    const log = [null, 5, { at: 1 }, { name: "viewed", at: 10 }] as unknown as VisitorEvent[];
    const invitations = [{ id: "a", message: "x", events: [{ event: "viewed", minCount: 1 }] }];
    expect(pruneEvents(log, invitations, 20)).toEqual([{ name: "viewed", at: 10 }]);
  });
});
