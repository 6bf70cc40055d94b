import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AttributeIndex, indexAttributes } from "../../../src/conditions/attribute-index.js";
import { readAttributeValue } from "../../../src/conditions/read-attribute-value.js";
import type { AttributeValue } from "../../../src/types.js";

type Attributes = Record<string, AttributeValue>;

/** A record of `n` keys `k0 … k(n−1)`, each valued `value(i)`. */
const many = (n: number, value: (i: number) => unknown = (i) => `v${i}`): Attributes =>
  Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, value(i)])) as Attributes;

/** Keys a condition might name: the record's own, near misses, and prototype machinery. */
const probes = (record: object): string[] => [
  ...Object.getOwnPropertyNames(record),
  "k-1",
  "missing",
  "",
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "hasOwnProperty",
];

/** The index must answer every key as reading the record directly does. */
function expectSameReads(record: Attributes): void {
  const source = indexAttributes(record);
  for (const key of probes(record)) expect([key, readAttributeValue(source, key)]).toEqual([key, readAttributeValue(record, key)]);
}

describe("indexAttributes", () => {
  it("returns a small record itself", () => {
    const record = many(64);
    expect(indexAttributes(record)).toBe(record);
  });

  it("indexes a large plain record, or one without a prototype", () => {
    expect(indexAttributes(many(65))).toBeInstanceOf(AttributeIndex);
    expect(indexAttributes(Object.assign(Object.create(null) as Attributes, many(65)))).toBeInstanceOf(AttributeIndex);
  });

  it("reads a large record directly when it is not plain", () => {
    class Bag {}
    const record = Object.assign(new Bag(), many(100)) as Attributes;
    expect(indexAttributes(record)).toBe(record);
  });

  it("reads a large record directly while Object.prototype has an enumerable key", () => {
    const record = many(100);
    const proto = Object.prototype as Record<string, unknown>;
    proto["polluted"] = "x";
    try {
      expect(indexAttributes(record)).toBe(record);
      expect(readAttributeValue(indexAttributes(record), "polluted")).toBeUndefined();
    } finally {
      delete proto["polluted"];
    }
  });

  it("answers as a direct read: scalars only, own keys only, forbidden keys never", () => {
    const record = many(100, (i) => [`text ${i}`, i, i % 2 === 0, null, [i], { i }, undefined][i % 7]);
    expectSameReads(record);
    const json = JSON.stringify(many(100)).replace("{", '{"__proto__": "x", "constructor": "y", "prototype": "z", ');
    const parsed = JSON.parse(json) as Attributes;
    expect(Object.hasOwn(parsed, "__proto__")).toBe(true);
    expectSameReads(parsed);
  });

  it("answers non-enumerable own keys, which for…in does not list, as a direct read", () => {
    const record = many(100);
    Object.defineProperty(record, "hidden", { value: "h", enumerable: false });
    Object.defineProperty(record, "hiddenObject", { value: {}, enumerable: false });
    expectSameReads(record);
    const index = indexAttributes(record) as AttributeIndex;
    expect(index.keys()).toContain("hidden");
  });

  it("lists every key it finds a value for", () => {
    const record = many(100, (i) => (i % 3 === 0 ? null : i));
    const index = indexAttributes(record) as AttributeIndex;
    const keys = new Set(index.keys());
    for (const key of Object.keys(record)) if (index.get(key) !== undefined) expect(keys.has(key)).toBe(true);
  });

  it("answers as a direct read for any record and key", () => {
    const value = fc.oneof(fc.string(), fc.double(), fc.boolean(), fc.constant(null), fc.constant([1]));
    fc.assert(
      fc.property(fc.dictionary(fc.string({ maxLength: 4 }), value, { minKeys: 60, maxKeys: 150 }), fc.string({ maxLength: 4 }), (record, key) => {
        const source = indexAttributes(record as Attributes);
        expect(readAttributeValue(source, key)).toStrictEqual(readAttributeValue(record as Attributes, key));
        for (const own of Object.keys(record)) expect(readAttributeValue(source, own)).toStrictEqual(readAttributeValue(record as Attributes, own));
      }),
    );
  });
});
