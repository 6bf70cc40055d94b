import { describe, expect, it } from "vitest";
import { compile, emptyState, MAX_VISITOR_EVENTS, safeParseVisitor } from "../../../src/index.js";
import { eventBook } from "../../../src/events/event-book.js";
import { checkChange, closedChange, logEventChange } from "../../../src/visits/visitor-changes.js";
import type { VisitorRecord } from "../../../src/storage/index.js";
import type { VisitorEvent } from "../../../src/types.js";

const t = Date.UTC(2026, 10, 26, 10);

describe("logEventChange", () => {
  it("keeps the stored log within MAX_VISITOR_EVENTS, dropping the oldest, when pruning alone would not", () => {
    // A condition needing 20 000 records keeps every one of them through pruning.
    const ruleset = compile([{ id: "fan", message: "Hi", events: [{ event: "viewed", minCount: 20_000 }] }]);
    const definitions = eventBook([{ name: "viewed", filterByValue: true }]);
    const full: VisitorRecord = {
      state: emptyState(),
      events: Array.from({ length: MAX_VISITOR_EVENTS }, (_, i) => ({ name: "viewed", at: t + i, value: `p${i}` })),
    };
    const { record, result } = logEventChange(full, { name: "viewed", value: "newest" }, ruleset, definitions, t + MAX_VISITOR_EVENTS);
    expect(result).toBe("appended");
    expect(record.events).toHaveLength(MAX_VISITOR_EVENTS);
    expect(record.events[0]).toEqual({ name: "viewed", at: t + 1, value: "p1" });
    expect(record.events.at(-1)).toEqual({ name: "viewed", at: t + MAX_VISITOR_EVENTS, value: "newest" });
    // What the service stores must read back as every snapshot's events do.
    expect(safeParseVisitor({ id: "v", events: record.events }).success).toBe(true);
  });

  it("of records at one instant, drops the earlier ones in the log first", () => {
    const ruleset = compile([{ id: "fan", message: "Hi", events: [{ event: "viewed", minCount: 20_000 }] }]);
    const definitions = eventBook([{ name: "viewed", filterByValue: true }]);
    const full: VisitorRecord = {
      state: emptyState(),
      events: Array.from({ length: MAX_VISITOR_EVENTS }, (_, i) => ({ name: "viewed", at: t, value: `p${i}` })),
    };
    const { record } = logEventChange(full, { name: "viewed", value: "newest" }, ruleset, definitions, t);
    expect(record.events.map((event) => event.value).slice(0, 2)).toEqual(["p1", "p2"]);
    expect(record.events.at(-1)?.value).toBe("newest");
  });
});

describe("logEventChange and what it leaves to write", () => {
  const ruleset = compile([{ id: "locked", message: "Trouble?", events: [{ event: "login_failed", minCount: 2, withinSeconds: 600 }] }]);
  const definitions = eventBook([{ name: "login_failed" }, { name: "viewed_plan", filterByValue: true }]);
  const kept = { name: "login_failed", at: t };

  it("leaves the record as it is (nothing to write) for an event no condition counts, still saying it was logged", () => {
    const record: VisitorRecord = { state: emptyState(), events: [kept] };
    const change = logEventChange(record, { name: "viewed_plan", value: "pro" }, ruleset, definitions, t + 1_000);
    expect(change.result).toBe("appended");
    expect(change.record).toBe(record);
  });

  it("gives a new record when the log changes: an event that counts, or one pruned that had aged out", () => {
    const record: VisitorRecord = { state: emptyState(), events: [kept] };
    const counted = logEventChange(record, { name: "login_failed" }, ruleset, definitions, t + 1_000);
    expect(counted.record).not.toBe(record);
    // A definition without storeTimeoutSeconds keeps one record, refreshed.
    expect([counted.result, counted.record.events]).toEqual(["refreshed", [{ name: "login_failed", at: t + 1_000 }]]);
    // Ten minutes on, the old record can no longer count: the log that comes back is empty, and written.
    const aged = logEventChange(record, { name: "viewed_plan", value: "pro" }, ruleset, definitions, t + 700_000);
    expect(aged.record).not.toBe(record);
    expect(aged.record.events).toEqual([]);
  });
});

describe("checkChange", () => {
  const ruleset = compile([
    { id: "login-trouble", message: "Trouble signing in?", events: [{ event: "login_failed", minCount: 3, withinSeconds: 600 }] },
  ]);
  const failed = [1, 2, 3].map((i) => ({ name: "login_failed", at: t - i * 1_000 }));

  it("decides on the stored state and log, whatever state and events the snapshot brings, and leaves the snapshot as it is", () => {
    const stored: VisitorRecord = { state: emptyState(), events: failed, lastActivityAt: t - 1_000 };
    const brought: VisitorEvent[] = Object.freeze([]) as unknown as VisitorEvent[];
    const visitor = Object.freeze({ id: "v", url: "/", events: brought, state: Object.freeze({ ...emptyState(), suppressedUntil: t + 3_600_000 }) });
    const { record, result } = checkChange(stored, visitor, ruleset, {}, false, t);
    expect(result.status).toBe("selected");
    expect(record.state.current?.invitationId).toBe("login-trouble");
    expect(record).toMatchObject({ events: failed, lastActivityAt: t, lastUrl: "/" });
    expect(visitor.events).toEqual([]);
  });

  it("ignores the snapshot's own log when the stored one is empty", () => {
    const stored: VisitorRecord = { state: emptyState(), events: [] };
    const { record, result } = checkChange(stored, { id: "v", events: failed }, ruleset, {}, false, t);
    expect(result.status).toBe("none");
    expect(record).toEqual({ state: emptyState(), events: [], lastActivityAt: t });
  });
});

describe("closedChange", () => {
  it("closes the current invitation on a copy, the record it was given unchanged", () => {
    const ruleset = compile([{ id: "hello", message: "Hi" }]);
    const current = { invitationId: "hello", variationId: "hello", assignedAt: t - 5_000, shownPageviews: 1 };
    const stored: VisitorRecord = { state: { ...emptyState(), current }, events: [] };
    const { record, result } = closedChange(stored, ruleset, {}, t);
    expect(result).toBe(true);
    expect(record.state.current).toEqual({ ...current, closedAt: t });
    expect(record.state.suppressedUntil).toBeGreaterThan(t);
    expect(stored.state.current).toEqual(current);
  });
});
