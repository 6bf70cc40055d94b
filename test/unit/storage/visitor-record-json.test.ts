import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { currentInvitationSchema, stateSchema } from "../../../src/config/state-schema.js";
import { safeParseVisitorRecord } from "../../../src/config/safe-parse-visitor-record.js";
import { visitorRecordSchema } from "../../../src/config/visitor-record-schema.js";
import { visitorEventSchema } from "../../../src/config/visitor-schema.js";
import { visitorRecordJson } from "../../../src/storage/visitor-record-json.js";
import type { VisitorRecord } from "../../../src/storage/types.js";
import { arbitraryState } from "../../../src/testing/index.js";
import { compact, rarely } from "../../../src/testing/optional.js";

/** Present half the time, else absent. */
const optional = <T>(arb: fc.Arbitrary<T>) => rarely(arb, 1);

// Strings JSON escapes or must leave alone: quotes, backslashes, control characters, a lone surrogate of either half,
// a pair, the line separators JSON leaves raw, DEL, and anything else a code point can be.
const textArb = fc.oneof(
  fc.constantFrom("", "plain", '"', "\\", "\n", "\u0000", "\u001f", "\u007f", "\u2028", "\ud800", "\udc00", "😀", "a\ud83d", "</script>"),
  fc.string({ unit: "binary", maxLength: 12 }),
);

// Whole milliseconds past 2^31 (written in two halves) and either side of that range's ends, fractions, negative zero,
// the exponent forms, and what JSON writes as null.
const numberArb = fc.oneof(
  fc.integer(),
  fc.maxSafeInteger(),
  fc.integer({ min: 0, max: 99_999_999 }).map((low) => 1_796_200_000_000 + low),
  fc.constantFrom(2 ** 31 - 1, 2 ** 31, 1e15 - 1, 1e15, 1e15 + 1, 1_796_205_600_000, -(2 ** 31) - 1, -0, 0.1, 1e21, 5e-7),
  fc.constantFrom(Number.MAX_SAFE_INTEGER, Number.NaN, Number.POSITIVE_INFINITY),
  fc.double(),
);

const conversionArb = fc.record({
  invitationId: textArb,
  variationId: textArb,
  campaign: textArb,
  status: fc.constantFrom("sent" as const, "shown" as const, "closed" as const, "chatStarted" as const),
  sentAt: numberArb,
  event: textArb,
  expiresAt: numberArb,
});

const tallyArb = fc.record({
  invitationId: textArb,
  variationId: textArb,
  sent: fc.nat(),
  shown: fc.nat(),
  closed: fc.nat(),
  chatStarted: fc.nat(),
  converted: fc.nat(),
});

// Keys in the order of the types' declarations, each optional one sometimes absent (`compact` drops it, as the
// record's optional fields are absent, never undefined).
const recordArb: fc.Arbitrary<VisitorRecord> = fc
  .record({
    state: fc
      .record({
        v: fc.constant(1 as const),
        current: optional(
          fc
            .record({
              invitationId: textArb,
              variationId: textArb,
              assignedAt: numberArb,
              shownPageviews: fc.nat(),
              closedAt: optional(numberArb),
              expiresAt: optional(numberArb),
            })
            .map(compact),
        ),
        suppressedUntil: optional(numberArb),
        sessionExcluded: fc.array(textArb, { maxLength: 3 }),
        seenOnce: fc.array(textArb, { maxLength: 3 }),
        conversions: fc.array(conversionArb, { maxLength: 2 }),
        conversionTallies: optional(fc.array(tallyArb, { maxLength: 2 })),
      })
      .map(compact),
    events: fc.array(fc.record({ name: textArb, at: numberArb, value: optional(textArb) }).map(compact), { maxLength: 4 }),
    lastActivityAt: optional(numberArb),
    lastUrl: optional(textArb),
    shownAssignedAt: optional(numberArb),
  })
  .map(compact) as fc.Arbitrary<VisitorRecord>;

/** The same value with every object's keys made in the reverse order. */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([key, field]) => [key, reversedKeys(field)]));
}

describe("visitorRecordJson", () => {
  it("writes the text JSON.stringify writes for a record whose keys follow its type", () => {
    fc.assert(
      fc.property(recordArb, (record) => {
        expect(visitorRecordJson(record)).toBe(JSON.stringify(record));
      }),
    );
  });

  it("writes a name (an id, an event name) it wrote before as it did then, past the number and the length of names it keeps", () => {
    // More names than it keeps (it starts again empty), plain and escaped, long and short, each written twice in a row
    // (the second time from what it kept); the same text as a URL too, which is not kept.
    const texts = Array.from({ length: 3_000 }, (_, i) => (i % 3 === 0 ? `"${i}\n` : `${"x".repeat(i % 300)}${i}`));
    for (const text of texts) {
      const record: VisitorRecord = { state: { v: 1, sessionExcluded: [text], seenOnce: [], conversions: [] }, events: [], lastUrl: text };
      for (const time of ["first", "second"]) expect(visitorRecordJson(record), `${time} time: ${text.slice(0, 20)}`).toBe(JSON.stringify(record));
    }
  });

  it("writes the same value whatever order the record's keys were made in", () => {
    fc.assert(
      fc.property(recordArb, (record) => {
        const shuffled = reversedKeys(record) as VisitorRecord;
        expect(JSON.parse(visitorRecordJson(shuffled))).toEqual(JSON.parse(JSON.stringify(record)));
      }),
    );
  });

  it("gives back, through the stored record's parser, the valid record it was given", () => {
    const eventArb = fc.record({ name: fc.stringMatching(/^[a-z_]{1,8}$/), at: fc.oneof(fc.nat(), fc.maxSafeNat()), value: optional(fc.string()) }).map(compact);
    const validArb = fc
      .record({ state: arbitraryState(), events: fc.array(eventArb, { maxLength: 4 }), lastUrl: optional(fc.string()), lastActivityAt: optional(fc.nat()) })
      .map(compact) as fc.Arbitrary<VisitorRecord>;
    fc.assert(
      fc.property(validArb, (record) => {
        const read = safeParseVisitorRecord(JSON.parse(visitorRecordJson(record)));
        expect(read.success && read.data).toEqual(record);
      }),
    );
  });

  it("writes every field the stored record's schema reads", () => {
    const record: VisitorRecord = {
      state: {
        v: 1,
        current: { invitationId: "a", variationId: "a", assignedAt: 1, shownPageviews: 2, closedAt: 3, expiresAt: 4 },
        suppressedUntil: 5,
        sessionExcluded: ["b"],
        seenOnce: ["c"],
        conversions: [],
        conversionTallies: [],
      },
      events: [{ name: "e", at: 6, value: "v" }],
      lastActivityAt: 7,
      lastUrl: "/",
      shownAssignedAt: 8,
    };
    const written = JSON.parse(visitorRecordJson(record));
    expect(Object.keys(written)).toEqual(Object.keys(visitorRecordSchema.shape));
    expect(Object.keys(written.state)).toEqual(Object.keys(stateSchema.shape));
    expect(Object.keys(written.state.current)).toEqual(Object.keys(currentInvitationSchema.shape));
    expect(Object.keys(written.events[0])).toEqual(Object.keys(visitorEventSchema.shape));
  });
});
