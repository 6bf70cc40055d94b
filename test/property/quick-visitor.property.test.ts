// quickVisitor is the service's fast path for a check's snapshot: whatever it accepts, the visitor schema must accept,
// with the same data (field order aside), and it must hand out copies. The oracle is the schema itself
// (safeParseVisitor), run on the same input.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { quickVisitor } from "../../src/config/quick-visitor.js";
import { visitorSchema } from "../../src/config/visitor-schema.js";
import { MAX_VISITOR_STRING_LENGTH } from "../../src/config/visitor-limits.js";
import { safeParseVisitor } from "../../src/index.js";
import { arbitraryVisitor } from "../../src/testing/index.js";

const LONG = "x".repeat(MAX_VISITOR_STRING_LENGTH + 1);

/** Values on the edge of what some visitor field accepts. */
const EDGE_VALUES: unknown[] = [
  "", " ", "  x ", "x", LONG, "desktop", "mobile", "tablet", "watch", "7", -1, 0, -0, 1, 1.5, 2 ** 53, Number.NaN,
  Number.POSITIVE_INFINITY, true, false, null, undefined, [], [""], ["vip"], [1], [null], [LONG], [[]], {}, { active: true },
  { active: "yes" }, { nick: "Ana", lastStartedAt: 5 }, { nick: "Ana", other: 1 }, [{ name: "e", at: 1 }],
  [{ name: "e", at: 1, value: "v" }], [{ name: " ", at: 1 }], [{ name: "e", at: "1" }], [{ name: "e" }],
  [{ name: "e", at: 1, extra: 1 }], [{ name: "e", at: 1, value: 5 }], { plan: "pro" }, { v: 1 },
];

const FIELD_NAMES = [...Object.keys(visitorSchema._zod.def.shape), "unknownField", "__proto__"];

interface Mutation {
  field: string;
  value: unknown;
  how: "set" | "remove" | "getter" | "flipping" | "hidden" | "hidden inside";
}

const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  field: fc.constantFrom(...FIELD_NAMES),
  value: fc.oneof(fc.constantFrom(...EDGE_VALUES), fc.jsonValue({ maxDepth: 2 })),
  how: fc.constantFrom<Mutation["how"]>("set", "set", "set", "remove", "getter", "flipping", "hidden", "hidden inside"),
});

/** The snapshot as JSON would carry it, with fields replaced, removed, hidden or read through getters. */
function mutated(visitor: object, mutations: readonly Mutation[]): Record<string, unknown> {
  const copy = JSON.parse(JSON.stringify(visitor)) as Record<string, unknown>;
  for (const { field, value, how } of mutations) {
    if (how === "hidden inside") {
      // A field the nested objects' schemas know, not enumerable, in the chat history or the first event.
      const events = copy["events"];
      const inside = field.length % 2 === 0 ? copy["chat"] : Array.isArray(events) ? events[0] : undefined;
      const name = ["active", "nick", "lastStartedAt", "name", "at", "value"][field.length % 6] as string;
      if (typeof inside === "object" && inside !== null) Object.defineProperty(inside, name, { value, enumerable: false, writable: true, configurable: true });
    } else if (how === "remove") delete copy[field];
    else if (how === "getter") Object.defineProperty(copy, field, { get: () => value, enumerable: true, configurable: true });
    else if (how === "hidden") Object.defineProperty(copy, field, { value, enumerable: false, writable: true, configurable: true });
    else if (how === "flipping") {
      // A getter that answers once with the value, then with something no schema field accepts.
      let reads = 0;
      Object.defineProperty(copy, field, { get: () => (reads++ === 0 ? value : Symbol("changed")), enumerable: true, configurable: true });
    } else Object.defineProperty(copy, field, { value, enumerable: true, writable: true, configurable: true });
  }
  return copy;
}

/** The snapshot without the fields the fast path leaves to the schema. */
function usual(visitor: Record<string, unknown>): Record<string, unknown> {
  const { attributes: _a, visibleAttributes: _v, state: _s, ...rest } = visitor;
  return rest;
}

/** The fast path accepts only what the schema accepts, and then gives the schema's data. */
function agrees(input: unknown): boolean {
  const quick = quickVisitor(input);
  if (quick === null) return false;
  const oracle = safeParseVisitor(input);
  expect(oracle.success).toBe(true);
  expect(quick).toStrictEqual(oracle.success ? oracle.data : undefined);
  return true;
}

describe("quickVisitor (properties)", () => {
  it("takes every valid snapshot without attributes or a state, with the schema's data; leaves those to the schema", () => {
    fc.assert(
      fc.property(arbitraryVisitor(), (visitor) => {
        const plain = JSON.parse(JSON.stringify(visitor)) as Record<string, unknown>;
        expect(agrees(plain)).toBe(!("attributes" in plain || "visibleAttributes" in plain || "state" in plain));
        expect(agrees(usual(plain))).toBe(true);
        expect(agrees(usual(visitor as unknown as Record<string, unknown>))).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it("accepts a snapshot only when the schema does, and then gives the schema's data", () => {
    fc.assert(
      fc.property(arbitraryVisitor(), fc.boolean(), fc.array(mutationArb, { minLength: 1, maxLength: 3 }), (visitor, whole, mutations) => {
        const base = whole ? visitor : usual(visitor as unknown as Record<string, unknown>);
        agrees(mutated(base, mutations));
      }),
      { numRuns: 3000 },
    );
  });

  it("hands out copies: no list or object of the snapshot is in the data", () => {
    fc.assert(
      fc.property(arbitraryVisitor(), (visitor) => {
        const plain = usual(JSON.parse(JSON.stringify(visitor)) as Record<string, unknown>);
        const copy = quickVisitor(plain) as unknown as Record<string, unknown>;
        expect(copy).not.toBe(plain);
        for (const key of ["tags", "events", "chat"]) {
          if (plain[key] === undefined) continue;
          expect(copy[key]).not.toBe(plain[key]);
          if (key === "events") (copy[key] as object[]).forEach((event, i) => expect(event).not.toBe((plain[key] as object[])[i]));
        }
      }),
      { numRuns: 300 },
    );
  });

  it("leaves to the schema every snapshot that holds more than it shows, or answers twice differently", () => {
    const hide = (target: object, name: string, value: unknown) =>
      Object.defineProperty(target, name, { value, enumerable: false, writable: true, configurable: true });
    let reads = 0;
    const cases: [string, () => unknown][] = [
      ["a hidden field", () => hide({ id: "v1" }, "url", 5)],
      ["a hidden field holding undefined", () => hide({ id: "v1" }, "pageviews", undefined)],
      ["a hidden field in the chat history", () => ({ id: "v1", chat: hide({ active: true }, "nick", undefined) })],
      ["a hidden field in an event", () => ({ id: "v1", events: [hide({ name: "e", at: 1 }, "value", undefined)] })],
      ["a list answered anew at each read", () => ({ id: "v1", get tags() { return ["vip"]; } })],
      ["an event log answered anew at each read", () => ({ id: "v1", get events() { return [{ name: "e", at: 1 }]; } })],
      ["a chat history answered anew at each read", () => ({ id: "v1", get chat() { return { active: true }; } })],
      ["a field answering otherwise the second time", () => ({ id: "v1", get url() { return reads++ === 0 ? "/a" : "/b"; } })],
    ];
    for (const [what, make] of cases) {
      reads = 0;
      expect(quickVisitor(make()), what).toBeNull();
    }
    // A getter answering the same value each time is read as that value.
    expect(quickVisitor({ id: "v1", get url() { return "/a"; } })).toEqual({ id: "v1", url: "/a" });
  });

  it("leaves to the schema what it does not check by hand, and anything that is not a plain object", () => {
    const hostile = new Proxy({ id: "v1" }, { get: () => { throw new Error("hostile"); } });
    for (const input of [
      null,
      "v1",
      [{ id: "v1" }],
      new (class Snapshot { id = "v1"; })(),
      hostile,
      { id: "v1", attributes: { plan: "pro" } },
      { id: "v1", state: { v: 1 } },
      { id: "v1", url: undefined },
      { id: "v1", colour: "red" },
      { id: "  " },
      { url: "/pricing" },
    ]) {
      expect(quickVisitor(input)).toBeNull();
    }
    expect(quickVisitor(Object.assign(Object.create(null), { id: "v1", url: "/a" }))).toEqual({ id: "v1", url: "/a" });
  });
});
