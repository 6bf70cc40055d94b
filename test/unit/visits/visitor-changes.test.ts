import { describe, expect, it } from "vitest";
import { compile, emptyState, MAX_VISITOR_EVENTS, safeParseVisitor } from "../../../src/index.js";
import { logEventChange } from "../../../src/visits/visitor-changes.js";
import type { VisitorRecord } from "../../../src/storage/index.js";

const t = Date.UTC(2026, 10, 26, 10);

describe("logEventChange", () => {
  it("keeps the stored log within MAX_VISITOR_EVENTS, dropping the oldest, when pruning alone would not", () => {
    // A condition needing 20 000 records keeps every one of them through pruning.
    const ruleset = compile([{ id: "fan", message: "Hi", events: [{ event: "viewed", minCount: 20_000 }] }]);
    const definitions = [{ name: "viewed", filterByValue: true }];
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
    const definitions = [{ name: "viewed", filterByValue: true }];
    const full: VisitorRecord = {
      state: emptyState(),
      events: Array.from({ length: MAX_VISITOR_EVENTS }, (_, i) => ({ name: "viewed", at: t, value: `p${i}` })),
    };
    const { record } = logEventChange(full, { name: "viewed", value: "newest" }, ruleset, definitions, t);
    expect(record.events.map((event) => event.value).slice(0, 2)).toEqual(["p1", "p2"]);
    expect(record.events.at(-1)?.value).toBe("newest");
  });
});
