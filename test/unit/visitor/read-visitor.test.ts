import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_VISITOR_STRING_LENGTH } from "../../../src/config/visitor-limits.js";
import { VISITOR_FIELD_NAMES, VISITOR_FIELDS } from "../../../src/fields.js";
import type { Visitor } from "../../../src/types.js";
import { viewVisitor, type VisitorView } from "../../../src/visitor/view-visitor.js";

const FIELDS = VISITOR_FIELD_NAMES.filter((field) => field !== "id");
const STRING_FIELDS = FIELDS.filter((field) => VISITOR_FIELDS[field].kind === "string");

/** Everything a view answers, its lazily worked-out parts included. */
function answers(view: VisitorView | null): unknown {
  if (view === null) return null;
  const { id, timeOnSite, pageviews, visits, language, locale, identifier, department, device, attributes, visibleAttributes } = view;
  const { chatActive, lastChatAt, nick, lastVisitAt, current, suppressedUntil } = view;
  return {
    ...{ id, timeOnSite, pageviews, visits, language, locale, identifier, department, device, attributes, visibleAttributes },
    ...{ chatActive, lastChatAt, nick, lastVisitAt, current, suppressedUntil },
    page: view.page,
    referrerHost: view.referrerHost,
    tags: [...view.tags],
    events: [...view.events],
    sessionExcluded: [...view.sessionExcluded],
    seenOnce: [...view.seenOnce],
  };
}

/** The same fields offered by a class instance, through getters on its prototype (read by name). */
function behindGetters(fields: Record<string, unknown>): Visitor {
  class Snapshot {}
  for (const name of VISITOR_FIELD_NAMES) Object.defineProperty(Snapshot.prototype, name, { get: () => fields[name] });
  return new Snapshot() as unknown as Visitor;
}

const value = fc.oneof(fc.jsonValue(), fc.constantFrom("ENG", " Site_A ", "https://Example.com/pricing?x=1", "mobile"));

describe("reading a snapshot", () => {
  it("reads a plain object, whatever its keys and their order, as reading each field by name would", () => {
    const key = fc.oneof(fc.constantFrom(...FIELDS, "__proto__", "constructor", "toString"), fc.string());
    fc.assert(
      fc.property(fc.array(fc.tuple(key, value)), fc.boolean(), (entries, nullProto) => {
        const visitor: Record<string, unknown> = nullProto ? Object.create(null) : {};
        // Own data properties, as JSON.parse makes them (even one named "__proto__").
        for (const [k, v] of entries) Object.defineProperty(visitor, k, { value: v, enumerable: true, writable: true, configurable: true });
        visitor.id = "v1";
        const byName = Object.fromEntries(VISITOR_FIELD_NAMES.map((name) => [name, visitor[name]]));
        expect(answers(viewVisitor(visitor as unknown as Visitor))).toEqual(answers(viewVisitor(behindGetters(byName))));
      }),
    );
  });

  it("reads fields a class instance offers through getters on its prototype", () => {
    const view = viewVisitor(behindGetters({ id: "v1", timeOnSite: 42, url: "https://example.com/pricing" }));
    expect(view?.timeOnSite).toBe(42);
    expect(view?.page?.path).toBe("/pricing");
  });

  it("never reads a key that is not a snapshot field", () => {
    const visitor = {
      id: "v1",
      language: "eng",
      get unknownField(): never {
        throw new Error("read");
      },
    };
    expect(viewVisitor(visitor as unknown as Visitor)?.language).toBe("eng");
  });

  it("refuses a visitor whose field throws when read, whichever field it is", () => {
    for (const field of FIELDS) {
      const visitor = Object.defineProperty({ id: "v1" }, field, {
        enumerable: true,
        get: () => {
          throw new Error("gone");
        },
      });
      expect(viewVisitor(visitor as unknown as Visitor), field).toBeNull();
    }
  });

  it.each(STRING_FIELDS)("refuses a %s longer than MAX_VISITOR_STRING_LENGTH", (field) => {
    const at = (length: number): boolean => viewVisitor({ id: "v1", [field]: "x".repeat(length) } as unknown as Visitor) !== null;
    expect([at(MAX_VISITOR_STRING_LENGTH), at(MAX_VISITOR_STRING_LENGTH + 1)]).toEqual([true, false]);
  });

  it("refuses an id longer than MAX_VISITOR_STRING_LENGTH", () => {
    expect(viewVisitor({ id: "x".repeat(MAX_VISITOR_STRING_LENGTH) })).not.toBeNull();
    expect(viewVisitor({ id: "x".repeat(MAX_VISITOR_STRING_LENGTH + 1) })).toBeNull();
  });

  it("copies a view with its state replaced, every other answer the same", () => {
    const view = viewVisitor({ id: "v1", language: "ENG", tags: ["VIP"], url: "/pricing", state: { v: 1, sessionExcluded: ["a"], seenOnce: [], conversions: [] } });
    const state = { current: undefined, suppressedUntil: 5, sessionExcluded: new Set(["b"]), seenOnce: new Set(["c"]) };
    const copy = view?.withState(state) ?? null;
    expect(answers(copy)).toEqual({ ...(answers(view) as object), suppressedUntil: 5, sessionExcluded: ["b"], seenOnce: ["c"] });
  });
});
