import { describe, expect, it } from "vitest";
import {
  evaluate,
  MAX_VISITOR_EVENTS,
  MAX_VISITOR_LIST_LENGTH,
  safeParseInvitations,
  safeParseState,
  safeParseVisitor,
  type Visitor,
} from "../../../src/index.js";

const sparse = (length: number): string[] => {
  const list: string[] = [];
  list.length = length;
  return list;
};
const invitations = [{ id: "a", message: "Hi", tag: "vip" }];
const issues = (result: { success: boolean; error?: { issues: readonly { code: string; path: unknown[] }[] } }) =>
  result.error?.issues.map(({ code, path }) => ({ code, path })) ?? [];

describe("MAX_VISITOR_LIST_LENGTH", () => {
  it("is 1 000 for lists and maps, 10 000 for the event log", () => {
    expect(MAX_VISITOR_LIST_LENGTH).toBe(1_000);
    expect(MAX_VISITOR_EVENTS).toBe(10_000);
  });

  it("holds attribute maps and the event log to their bounds, the same in parseVisitor and evaluate", () => {
    const keys = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i]));
    const events = (n: number) => Array.from({ length: n }, (_, i) => ({ name: "a", at: i }));
    const fits: Visitor[] = [
      { id: "v", tags: ["vip"], attributes: keys(MAX_VISITOR_LIST_LENGTH) },
      { id: "v", tags: ["vip"], visibleAttributes: keys(MAX_VISITOR_LIST_LENGTH) },
      { id: "v", tags: ["vip"], events: events(MAX_VISITOR_EVENTS) },
    ];
    for (const visitor of fits) {
      expect(safeParseVisitor(visitor).success).toBe(true);
      expect(evaluate(invitations, visitor, 1e6).status).toBe("selected");
    }
    const over: [Visitor, (string | number)[]][] = [
      [{ id: "v", attributes: keys(MAX_VISITOR_LIST_LENGTH + 1) }, ["attributes"]],
      [{ id: "v", visibleAttributes: keys(MAX_VISITOR_LIST_LENGTH + 1) }, ["visibleAttributes"]],
      [{ id: "v", events: events(MAX_VISITOR_EVENTS + 1) }, ["events"]],
      [{ id: "v", state: { v: 1, sessionExcluded: new Array<string>(1001).fill("a"), seenOnce: [], conversions: [] } }, ["state", "sessionExcluded"]],
    ];
    for (const [visitor, path] of over) {
      expect(issues(safeParseVisitor(visitor))).toEqual([{ code: "too_big", path }]);
      expect(evaluate(invitations, visitor, 1e6).reason).toBe("invalid_visitor");
    }
  });

  it("accepts a list of exactly the limit in parseVisitor and evaluate", () => {
    const visitor: Visitor = { id: "v", tags: [...new Array<string>(MAX_VISITOR_LIST_LENGTH - 1).fill("x"), "vip"] };
    expect(safeParseVisitor(visitor).success).toBe(true);
    expect(evaluate(invitations, visitor, 0).status).toBe("selected");
  });

  it("refuses a longer list as too_big at its path, without reading its items", () => {
    const visitor = { id: "v", tags: new Array<string>(MAX_VISITOR_LIST_LENGTH + 1).fill("x") };
    expect(issues(safeParseVisitor(visitor))).toEqual([{ code: "too_big", path: ["tags"] }]);
    expect(evaluate(invitations, visitor, 0).reason).toBe("invalid_visitor");
  });

  it("answers at once for a sparse list that claims 2³² − 1 items, in every list evaluation reads", () => {
    const huge = sparse(2 ** 32 - 1);
    const visitors: Visitor[] = [
      { id: "v", tags: huge },
      { id: "v", events: huge as never },
      { id: "v", state: { v: 1, sessionExcluded: huge, seenOnce: [], conversions: [] } },
      { id: "v", state: { v: 1, sessionExcluded: [], seenOnce: huge, conversions: [] } },
      { id: "v", state: { v: 1, sessionExcluded: [], seenOnce: [], conversions: huge as never } },
    ];
    for (const visitor of visitors) {
      expect(safeParseVisitor(visitor).success).toBe(false);
      expect(evaluate(invitations, visitor, 0).reason).toBe("invalid_visitor");
    }
    expect(issues(safeParseState({ v: 1, sessionExcluded: [], seenOnce: huge, conversions: [] }))).toEqual([
      { code: "too_big", path: ["seenOnce"] },
    ]);
  });

  it("leaves invitation lists unbounded but refuses a sparse set claiming more values than are ever read", () => {
    expect(issues(safeParseInvitations(sparse(2 ** 32 - 1)))).toEqual([{ code: "too_big", path: [] }]);
  });
});

describe("an object graph that shares its parts", () => {
  // Each level doubles the value count as JSON would write it, while the graph stays a handful of objects.
  const shared = (levels: number): unknown => {
    let node: unknown = { x: 1 };
    for (let i = 0; i < levels; i++) node = [node, node];
    return node;
  };

  it("is counted as JSON would write it: past MAX_READ_VALUES it is refused at the root", () => {
    const result = safeParseInvitations([{ id: "a", message: "x", design: { d: shared(22) } }]);
    expect(issues(result)).toEqual([{ code: "too_big", path: [] }]);
  });

  it("is read whole while it stays under the bound", () => {
    const result = safeParseInvitations([{ id: "a", message: "x", design: { d: shared(6) } }]);
    expect(result.success).toBe(true);
  });

  it("stops a visitor at a far lower bound", () => {
    expect(issues(safeParseVisitor({ id: "v", attributes: { a: shared(19) as never } }))).toEqual([
      { code: "too_big", path: [] },
    ]);
  });
});
