/**
 * Arbitraries for the standard condition matchers (docs/semantics.md: Semantics in detail): like values and texts rich in boundaries and wildcards,
 * attribute conditions of every operator, well-formed page URLs, and time-relative comparisons placed close to their
 * flip so that `nextAttributeChange` is exercised where rounding matters.
 */
import fc from "fast-check";
import { checkRegex } from "../../../src/conditions/regex.js";
import type { AttributeCondition, AttributeScalar, AttributeValue, RelativeTime } from "../../../src/types.js";

const wordArb = fc.constantFrom("help", "HELP", "helpdesk", "desk", "live", "chat", "price", "žalias", "a", "");
const pieceArb = fc.oneof(wordArb, fc.constantFrom("*", ",", "&&", " ", "'", "\"", ":", ";", ".", "?", "!", "(", ")"));

/** A `like` value or visitor text: mostly word soup, sometimes any string at all. */
export const likeTextArb: fc.Arbitrary<string> = fc.oneof(
  fc.array(pieceArb, { maxLength: 12 }).map((pieces) => pieces.join("")),
  fc.string(),
  fc.string({ unit: "binary" }),
);

export const scalarArb: fc.Arbitrary<AttributeScalar> = fc.oneof(
  likeTextArb,
  fc.constantFrom("1.0", "-2", ".5", "1e3", "0x10", "1,5", "12abc", " 7 ", "true", "FALSE", "1e999"),
  fc.double(),
  fc.integer(),
  fc.boolean(),
);

export const attributeValueArb: fc.Arbitrary<AttributeValue> = fc.oneof(scalarArb, fc.constant(null));

const keyArb = fc.constantFrom("a", "b", "__proto__", "constructor", "prototype", "toString", "");

/** Attributes, sometimes with an own `__proto__` key as JSON.parse makes it. */
export const attributesArb: fc.Arbitrary<Record<string, AttributeValue> | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.dictionary(keyArb, attributeValueArb, { maxKeys: 4 }),
  attributeValueArb.map(
    (value) => JSON.parse(`{"__proto__":${JSON.stringify(value)}}`) as Record<string, AttributeValue>,
  ),
);

const relativeTimeArb: fc.Arbitrary<RelativeTime> = fc.record({ now: fc.integer({ min: -1e9, max: 1e9 }) });

const safeRegexArb = fc.oneof(
  fc.constantFrom("^vip-\\d+$", "a|b", "[a-z]+", "^$", "žal", "\\btrue\\b"),
  fc.string({ maxLength: 8 }).filter((pattern) => checkRegex(pattern) === null),
);

/** Any valid attribute condition. */
export const attributeConditionArb: fc.Arbitrary<AttributeCondition> = fc.oneof(
  fc.record({ key: keyArb, op: fc.constantFrom("eq", "neq"), value: fc.oneof(scalarArb, fc.array(scalarArb)) }),
  fc.record({
    key: keyArb,
    op: fc.constantFrom("gt", "gte", "lt", "lte"),
    value: fc.oneof(fc.double(), fc.string(), relativeTimeArb),
  }),
  fc.record({ key: keyArb, op: fc.constantFrom("contains", "notContains"), value: fc.oneof(fc.string(), fc.double()) }),
  fc.record({ key: keyArb, op: fc.constantFrom("in", "notIn"), value: fc.array(scalarArb) }),
  fc.record({ key: keyArb, op: fc.constantFrom("like", "notLike"), value: likeTextArb }),
  fc.record({ key: keyArb, op: fc.constantFrom("exists", "notExists") }),
  fc.record({ key: keyArb, op: fc.constant("regex"), value: safeRegexArb }),
);

const labelArb = fc.stringMatching(/^[a-zA-Z0-9]([a-zA-Z0-9-]{0,8}[a-zA-Z0-9])?$/);
const segmentArb = fc.stringMatching(/^[A-Za-z0-9._~%-]{1,10}$/);

/** A page URL with a host: optional scheme, mixed-case host, optional port, path, trailing slash, query, fragment. */
export const urlWithHostArb: fc.Arbitrary<string> = fc
  .record({
    scheme: fc.constantFrom("", "//", "https://", "HTTP://", "ftp://"),
    host: fc.array(labelArb, { minLength: 1, maxLength: 4 }).map((labels) => labels.join(".")),
    port: fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined }),
    path: fc.array(segmentArb, { maxLength: 4 }),
    slash: fc.constantFrom("", "/", "//"),
    query: fc.constantFrom("", "?a=1", "?q=x/y#z"),
    fragment: fc.constantFrom("", "#top", "#a/b?c"),
  })
  .map(({ scheme, host, port, path, slash, query, fragment }) => {
    const authority = port === undefined ? host : `${host}:${port}`;
    const pathPart = path.length === 0 ? slash : `/${path.join("/")}${slash}`;
    return `${scheme}${authority}${pathPart}${query}${fragment}`;
  });

/** A literal host/path (no glob characters), and one of its prefixes cut at any point. */
export const literalPageAndPrefixArb: fc.Arbitrary<{ page: string; prefix: string }> = fc
  .record({
    host: fc.constantFrom("shop.example.com", "example.com", "a.b.c"),
    path: fc.array(fc.stringMatching(/^[a-z0-9-]{1,6}$/), { maxLength: 4 }),
    cut: fc.nat(),
  })
  .map(({ host, path, cut }) => {
    const page = `${host}/${path.join("/")}`;
    return { page, prefix: page.slice(0, 1 + (cut % page.length)) };
  });

/** A comparison with a relative time, the visitor's value close to its threshold at `nowMs`. */
export const movingComparisonArb: fc.Arbitrary<{
  condition: AttributeCondition;
  attributes: Record<string, AttributeValue>;
  nowMs: number;
}> = fc
  .record({
    op: fc.constantFrom("gt", "gte", "lt", "lte"),
    offset: fc.oneof(
      fc.integer({ min: -400_000_000, max: 400_000_000 }),
      fc.double({ min: -1e6, max: 1e6, noNaN: true }),
    ),
    nowMs: fc.oneof(
      fc.integer({ min: 1_500_000_000_000, max: 2_000_000_000_000 }),
      fc.double({ min: 1e12, max: 2e12, noNaN: true }),
    ),
    deltaSeconds: fc.oneof(fc.double({ min: -100, max: 100, noNaN: true }), fc.integer({ min: -5, max: 5 })),
    asString: fc.boolean(),
  })
  .map(({ op, offset, nowMs, deltaSeconds, asString }) => {
    const value = nowMs / 1000 + offset + deltaSeconds;
    return {
      condition: { key: "at", op, value: { now: offset } },
      attributes: { at: asString ? String(value) : value },
      nowMs,
    };
  });
