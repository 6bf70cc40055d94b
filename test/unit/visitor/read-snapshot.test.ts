import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Visitor } from "../../../src/index.js";
import { VISITOR_FIELD_NAMES } from "../../../src/fields.js";
import { readSnapshot, type SnapshotField, type SnapshotFields } from "../../../src/visitor/read-snapshot.js";

const FIELDS = VISITOR_FIELD_NAMES.filter((field): field is SnapshotField => field !== "id");

function byName(visitor: Record<string, unknown>): SnapshotFields {
  return Object.fromEntries(FIELDS.map((field) => [field, visitor[field]])) as unknown as SnapshotFields;
}

describe("readSnapshot", () => {
  it("reads a plain object exactly as reading each field by name would, whatever its keys and their order", () => {
    const key = fc.oneof(fc.constantFrom(...FIELDS, "id", "__proto__", "constructor", "toString"), fc.string());
    fc.assert(
      fc.property(fc.array(fc.tuple(key, fc.jsonValue())), fc.boolean(), (entries, nullProto) => {
        const visitor: Record<string, unknown> = nullProto ? Object.create(null) : {};
        // Own data properties, as JSON.parse makes them (even one named "__proto__").
        for (const [k, value] of entries) Object.defineProperty(visitor, k, { value, enumerable: true, writable: true, configurable: true });
        visitor.id = "v1";
        expect(readSnapshot(visitor as unknown as Visitor)).toEqual(byName(visitor));
      }),
    );
  });

  it("reads fields a class instance offers through getters on its prototype", () => {
    class Snapshot {
      readonly id = "v1";
      get timeOnSite(): number {
        return 42;
      }
      get url(): string {
        return "https://example.com/pricing";
      }
    }
    const fields = readSnapshot(new Snapshot() as unknown as Visitor);
    expect(fields.timeOnSite).toBe(42);
    expect(fields.url).toBe("https://example.com/pricing");
  });

  it("ignores keys that are not snapshot fields", () => {
    const fields = readSnapshot({ id: "v1", unknownField: 1, language: "eng" } as unknown as Visitor);
    expect(fields.language).toBe("eng");
    expect(Object.values(fields).filter((value) => value !== undefined)).toEqual(["eng"]);
  });
});
