/**
 * DECISIONS (where docs/api.md: Events is silent; the lead copies these into README.md):
 * - Event names compare trimmed and case-insensitively (`normalizeText`), the rule evaluation counts events by; a
 *   record always stores the definition's name as configured, whatever spelling the website sent.
 * - An event without a definition returns the very same log array (or `[]` for no log) with outcome `unknown_event`.
 * - "Newest" is the record with the largest `at`; on equal `at` the later one in the array. Only that record can be
 *   refreshed: it is recent when `storeTimeoutSeconds` is 0 or absent (any age), else when `now − at < timeout × 1000`
 *   — a record exactly `timeout` old is not recent, so the event is appended.
 * - Refreshing replaces the record in place (same array position, new object) with `{ name, at: now, value? }`: the
 *   value becomes the event's value, and is removed when the event has none. A record dated after `now` (clock skew)
 *   is recent and moves back to `now`.
 * - With `filterByValue` values compare exactly (case-sensitive); an absent value equals only an absent value.
 * - Records evaluation ignores (non-string name, non-finite `at`) are never refreshed; they stay in the log.
 * - Definitions are expected to be valid (`parseEventDefinitions`); with duplicate names the first applies.
 * - `recordEvent` never changes its inputs and returns a new array whenever it changes anything.
 * - `pruneEvents(log, invitations, now, { maxPerName = 100 })` keeps exactly what the given invitations can still count
 *   from `now` on: records of names no event condition uses, records older than the widest window on their name (none
 *   when some condition on it has no window) and unreadable records are dropped; then per name only the newest
 *   `max(maxPerName, largest minCount)` stay (a condition only looks at its `minCount` newest records), in their
 *   original order. Conditions of disabled invitations count as used. It throws `ConfigError` for an invalid plain
 *   array, like `compile`. A NaN `maxPerName` means the default; `Infinity` means no cap.
 */
import { describe, expect, it } from "vitest";
import { recordEvent } from "../../../src/events/record-event.js";
import { evaluate } from "../../../src/index.js";
import type { EventDefinition, Invitation, VisitorEvent } from "../../../src/types.js";

const now = Date.UTC(2026, 10, 26, 10);
const SECOND = 1000;
const DAY = 86_400_000;

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

const definitions: EventDefinition[] = deepFreeze([
  { name: "birthday", storeTimeoutSeconds: 0 },
  { name: "login_failed", storeTimeoutSeconds: 1 },
  { name: "Viewed_Product", storeTimeoutSeconds: 60, filterByValue: true },
  { name: "newsletter" },
]);

describe("recordEvent", () => {
  describe("unknown events", () => {
    it("returns the same log and unknown_event for a name without a definition", () => {
      const log = deepFreeze([{ name: "birthday", at: now - DAY }]);
      const result = recordEvent(log, definitions, { name: "signup" }, now);
      expect(result.outcome).toBe("unknown_event");
      expect(result.log).toBe(log);
    });

    it("returns an empty log for an unknown event when there was no log", () => {
      expect(recordEvent(undefined, definitions, { name: "signup", value: "x" }, now)).toEqual({
        log: [],
        outcome: "unknown_event",
      });
    });

    it("treats every name as unknown without definitions", () => {
      expect(recordEvent([], [], { name: "birthday" }, now).outcome).toBe("unknown_event");
    });
  });

  describe("appending", () => {
    it("appends a first record when there is no log", () => {
      expect(recordEvent(undefined, definitions, { name: "birthday" }, now)).toEqual({
        log: [{ name: "birthday", at: now }],
        outcome: "appended",
      });
    });

    it("appends after the other records, keeping them as they are", () => {
      const log = deepFreeze([{ name: "birthday", at: now - DAY }]);
      const result = recordEvent(log, definitions, { name: "login_failed", value: "ana" }, now);
      expect(result).toEqual({ log: [log[0], { name: "login_failed", at: now, value: "ana" }], outcome: "appended" });
      expect(result.log[0]).toBe(log[0]);
    });

    it("appends when the newest record is exactly the store timeout old", () => {
      const log = deepFreeze([{ name: "login_failed", at: now - SECOND }]);
      const result = recordEvent(log, definitions, { name: "login_failed" }, now);
      expect(result).toEqual({ log: [...log, { name: "login_failed", at: now }], outcome: "appended" });
    });
  });

  describe("refreshing", () => {
    it("refreshes the newest record while it is younger than the store timeout", () => {
      const log = deepFreeze([
        { name: "birthday", at: now - DAY },
        { name: "login_failed", at: now - SECOND + 1 },
      ]);
      const result = recordEvent(log, definitions, { name: "login_failed" }, now);
      expect(result).toEqual({ log: [log[0], { name: "login_failed", at: now }], outcome: "refreshed" });
    });

    it.each([
      ["store timeout 0", "birthday"],
      ["no store timeout", "newsletter"],
    ])("refreshes a record of any age with %s", (_name, name) => {
      const log = deepFreeze([{ name, at: now - 3650 * DAY }]);
      expect(recordEvent(log, definitions, { name }, now)).toEqual({ log: [{ name, at: now }], outcome: "refreshed" });
    });

    it("refreshes the record with the largest at, not the last one in the log", () => {
      const log = deepFreeze([
        { name: "birthday", at: now - DAY },
        { name: "birthday", at: now - 3 * DAY },
      ]);
      const result = recordEvent(log, definitions, { name: "birthday" }, now);
      expect(result.log).toEqual([{ name: "birthday", at: now }, log[1]]);
    });

    it("refreshes the later record in the log when two have the same at", () => {
      const log = deepFreeze([
        { name: "birthday", at: now - DAY, value: "first" },
        { name: "birthday", at: now - DAY, value: "second" },
      ]);
      const result = recordEvent(log, definitions, { name: "birthday" }, now);
      expect(result.log).toEqual([log[0], { name: "birthday", at: now }]);
    });

    it("sets the event's value on the refreshed record and removes it when the event has none", () => {
      const log = deepFreeze([{ name: "birthday", at: now - DAY, value: "1990-11-26" }]);
      const withValue = recordEvent(log, definitions, { name: "birthday", value: "1991-11-26" }, now);
      expect(withValue.log).toEqual([{ name: "birthday", at: now, value: "1991-11-26" }]);
      const withoutValue = recordEvent(log, definitions, { name: "birthday" }, now);
      expect(withoutValue.log).toEqual([{ name: "birthday", at: now }]);
      expect(Object.hasOwn(withoutValue.log[0] ?? {}, "value")).toBe(false);
    });

    it("ignores the value when the definition does not filter by value", () => {
      const log = deepFreeze([{ name: "login_failed", at: now - 100, value: "ana" }]);
      const result = recordEvent(log, definitions, { name: "login_failed", value: "bob" }, now);
      expect(result).toEqual({ log: [{ name: "login_failed", at: now, value: "bob" }], outcome: "refreshed" });
    });

    it("moves a record dated after now back to now", () => {
      const log = deepFreeze([{ name: "login_failed", at: now + 5 * SECOND }]);
      expect(recordEvent(log, definitions, { name: "login_failed" }, now)).toEqual({
        log: [{ name: "login_failed", at: now }],
        outcome: "refreshed",
      });
    });
  });

  describe("names", () => {
    it("matches names trimmed and case-insensitively and stores the definition's name", () => {
      const appended = recordEvent([], definitions, { name: "  BirthDay " }, now);
      expect(appended.log).toEqual([{ name: "birthday", at: now }]);
      const log = deepFreeze([{ name: "LOGIN_FAILED", at: now - 10 }]);
      const refreshed = recordEvent(log, definitions, { name: "Login_Failed" }, now);
      expect(refreshed).toEqual({ log: [{ name: "login_failed", at: now }], outcome: "refreshed" });
    });

    it("stores a definition's name with its capitals as configured", () => {
      expect(recordEvent([], definitions, { name: "viewed_product", value: "sku-1" }, now).log).toEqual([
        { name: "Viewed_Product", at: now, value: "sku-1" },
      ]);
    });
  });

  describe("filterByValue", () => {
    const viewed = (at: number, value?: string): VisitorEvent =>
      value === undefined ? { name: "Viewed_Product", at } : { name: "Viewed_Product", at, value };

    it("refreshes the recent record with the same value", () => {
      const log = deepFreeze([viewed(now - 10 * SECOND, "sku-1"), viewed(now - 5 * SECOND, "sku-2")]);
      const result = recordEvent(log, definitions, { name: "viewed_product", value: "sku-1" }, now);
      expect(result).toEqual({ log: [viewed(now, "sku-1"), log[1]], outcome: "refreshed" });
    });

    it("appends when only records with other values are recent", () => {
      const log = deepFreeze([viewed(now - 5 * SECOND, "sku-2")]);
      const result = recordEvent(log, definitions, { name: "viewed_product", value: "sku-1" }, now);
      expect(result).toEqual({ log: [log[0], viewed(now, "sku-1")], outcome: "appended" });
    });

    it("compares values case-sensitively", () => {
      const log = deepFreeze([viewed(now - 5 * SECOND, "SKU-1")]);
      expect(recordEvent(log, definitions, { name: "viewed_product", value: "sku-1" }, now).outcome).toBe("appended");
    });

    it("lets an event without a value refresh only a record without a value", () => {
      const log = deepFreeze([viewed(now - 5 * SECOND, "sku-1"), viewed(now - 9 * SECOND)]);
      const result = recordEvent(log, definitions, { name: "viewed_product" }, now);
      expect(result).toEqual({ log: [log[0], viewed(now)], outcome: "refreshed" });
      const onlyValued = deepFreeze([viewed(now - 5 * SECOND, "sku-1")]);
      expect(recordEvent(onlyValued, definitions, { name: "viewed_product" }, now).outcome).toBe("appended");
    });

    it("appends when the newest record with the same value is too old, even if another value is recent", () => {
      const log = deepFreeze([viewed(now - 60 * SECOND, "sku-1"), viewed(now - SECOND, "sku-2")]);
      const result = recordEvent(log, definitions, { name: "viewed_product", value: "sku-1" }, now);
      expect(result.outcome).toBe("appended");
      expect(result.log).toHaveLength(3);
    });
  });

  describe("purity", () => {
    it("never changes the log it is given and returns a new array when it changes anything", () => {
      const log = deepFreeze([
        { name: "birthday", at: now - DAY },
        { name: "login_failed", at: now - 100 },
      ]);
      const before = structuredClone(log);
      const refreshed = recordEvent(log, definitions, { name: "login_failed" }, now);
      const appended = recordEvent(log, definitions, { name: "newsletter" }, now);
      expect(refreshed.log).not.toBe(log);
      expect(appended.log).not.toBe(log);
      expect(log).toEqual(before);
    });

    it("skips records it cannot read instead of refreshing them", () => {
      const log = deepFreeze([{ name: "birthday", at: Number.NaN }]);
      expect(recordEvent(log, definitions, { name: "birthday" }, now)).toEqual({
        log: [log[0], { name: "birthday", at: now }],
        outcome: "appended",
      });
    });
  });
});

describe("recordEvent with evaluate (docs/api.md: Events seed examples)", () => {
  const minutes = (m: number): number => m * 60_000;
  /** The log after the website reported `name` at each of `times`, starting from no log. */
  const logged = (name: string, times: number[]): VisitorEvent[] =>
    times.reduce<VisitorEvent[]>((log, at) => recordEvent(log, definitions, { name }, at).log, []);

  it("keeps one birthday record, dated the last time it was logged, and shows the invitation only that day", () => {
    const today = { event: "birthday", minCount: 1, withinSeconds: 86_400 };
    const invitations: Invitation[] = [{ id: "birthday", message: "Happy birthday!", events: [today] }];
    const days = [now - 400 * DAY, now - 35 * DAY, now];
    const events = logged("birthday", days);
    expect(events).toEqual([{ name: "birthday", at: now }]);
    expect(evaluate(invitations, { id: "v1", events }, now + minutes(90))).toMatchObject({
      status: "selected",
      invitation: { id: "birthday" },
    });
    const twoDaysLater = evaluate(invitations, { id: "v1", events }, now + 2 * DAY);
    expect(twoDaysLater).toMatchObject({ status: "none", invitation: null });
  });

  describe("failed logins (store timeout 1 s; condition 5 within 1 800 s)", () => {
    const invitations: Invitation[] = [
      {
        id: "locked-out",
        message: "Trouble signing in?",
        events: [{ event: "login_failed", minCount: 5, withinSeconds: 1800 }],
      },
    ];

    it("records five failures ten seconds apart as five records and shows the invitation", () => {
      const events = logged("login_failed", [0, 10, 20, 30, 40].map((s) => now + s * SECOND));
      expect(events).toHaveLength(5);
      const decision = evaluate(invitations, { id: "v1", events }, now + 41 * SECOND);
      expect(decision).toMatchObject({ status: "selected", invitation: { id: "locked-out" } });
    });

    it("collapses five failures 200 ms apart into one record and shows nothing", () => {
      const events = logged("login_failed", [0, 200, 400, 600, 800].map((ms) => now + ms));
      expect(events).toEqual([{ name: "login_failed", at: now + 800 }]);
      expect(evaluate(invitations, { id: "v1", events }, now + SECOND)).toMatchObject({ status: "none" });
    });
  });
});

describe("recordEvent on a stored log with garbage", () => {
  it("keeps records it cannot read and appends, never throws", () => {
    const log = [null, 5] as unknown as VisitorEvent[];
    const result = recordEvent(log, [{ name: "viewed", storeTimeoutSeconds: 60 }], { name: "viewed" }, 1000);
    expect(result).toEqual({ log: [null, 5, { name: "viewed", at: 1000 }], outcome: "appended" });
  });
});
