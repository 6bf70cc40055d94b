import { describe, expect, it } from "vitest";
import { compile, evaluate, isConfigError, MAX_VISITOR_EVENTS, pruneEvents, recordEvent } from "../../../src/index.js";

/** A sparse array claiming `length` records and holding none, as a hostile caller can hand in. */
const sparse = (length: number): never[] => {
  const array: never[] = [];
  array.length = length;
  return array;
};

/** The issues of the ConfigError `call` throws (it must throw one). */
function issuesOf(call: () => unknown): { code: string; path: unknown[] }[] {
  let thrown: unknown;
  try {
    call();
  } catch (error) {
    thrown = error;
  }
  expect(isConfigError(thrown)).toBe(true);
  return (thrown as { issues: { code: string; path: unknown[] }[] }).issues;
}

describe("the event log's bound in recordEvent and pruneEvents", () => {
  it("refuses a log past MAX_VISITOR_EVENTS with a ConfigError before walking it (a 2^32-1 sparse array)", () => {
    const definitions = [{ name: "viewed" }];
    for (const call of [
      () => recordEvent(sparse(2 ** 32 - 1), definitions, { name: "viewed" }, 0),
      () => pruneEvents(sparse(2 ** 32 - 1), [], 0),
      () => recordEvent(sparse(MAX_VISITOR_EVENTS + 1), definitions, { name: "viewed" }, 0),
    ]) {
      expect(issuesOf(call)).toMatchObject([{ code: "too_big", path: ["log"] }]);
    }
  });

  it("refuses a now or maxPerName that is not a number with a ConfigError naming it, converting neither", () => {
    // An array that records being converted, as `now - at` or a count's comparison would convert it (through its
    // toString): one shared along 2^24 paths would take exponentially long to write out.
    let converted = false;
    const convertible = Object.assign([5], { toString: () => ((converted = true), "5") }) as never;
    const definitions = [{ name: "viewed", storeTimeoutSeconds: 60 }];
    const log = [{ name: "viewed", at: 0 }];
    const ruleset = compile([{ id: "e", message: "Hi", events: [{ event: "viewed", minCount: 1, withinSeconds: 60 }] }]);
    for (const [call, key] of [
      [() => recordEvent(log, definitions, { name: "viewed" }, convertible), "now"],
      [() => recordEvent(log, definitions, { name: "nobody defined this" }, convertible), "now"],
      [() => pruneEvents(log, ruleset, convertible), "now"],
      [() => pruneEvents(log, ruleset, 0, { maxPerName: convertible }), "maxPerName"],
    ] as const) {
      expect(issuesOf(call)).toMatchObject([{ code: "invalid_type", path: [key] }]);
    }
    expect(converted).toBe(false);
    expect(pruneEvents(log, ruleset, 1_000, { maxPerName: Number.NaN })).toEqual(log);
  });

  it("takes a log of exactly MAX_VISITOR_EVENTS", () => {
    const log = Array.from({ length: MAX_VISITOR_EVENTS }, (_, i) => ({ name: "viewed", at: i }));
    // storeTimeoutSeconds 0: the newest record of the name is refreshed, whatever its age.
    expect(recordEvent(log, [{ name: "viewed" }], { name: "viewed" }, MAX_VISITOR_EVENTS).outcome).toBe("refreshed");
  });
});

describe("evaluate's bounds on the clock and the operators online", () => {
  const ruleset = compile([{ id: "hello", message: "Hi" }]);

  it("answers invalid_clock past the range of a Date, where adding seconds changes nothing", () => {
    expect(evaluate(ruleset, { id: "v" }, 1e21).reason).toBe("invalid_clock");
    expect(evaluate(ruleset, { id: "v" }, -8.64e15 - 1).reason).toBe("invalid_clock");
    expect(evaluate(ruleset, { id: "v" }, 8.64e15).status).toBe("selected");
  });

  it("answers invalid_options for operatorsOnline past 10 000, or departments past 1 000, before reading them", () => {
    expect(evaluate(ruleset, { id: "v" }, 0, { operatorsOnline: sparse(2 ** 32 - 1) }).reason).toBe("invalid_options");
    const departments = sparse(2 ** 32 - 1);
    expect(evaluate(ruleset, { id: "v" }, 0, { operatorsOnline: [{ id: "7", departments }] }).reason).toBe("invalid_options");
    const many = Array.from({ length: 10_000 }, (_, i) => ({ id: String(i) }));
    expect(evaluate(ruleset, { id: "v" }, 0, { operatorsOnline: many }).status).toBe("selected");
  });
});
