import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { indexEvents } from "../../src/visitor/index-events.js";

/** The oracle: every usable record, its name trimmed and lower-cased, kept when wanted, then each name's times sorted. */
function oracleIndex(events: readonly unknown[], wanted: ReadonlySet<string> | null): Map<string, number[]> {
  const byName = new Map<string, number[]>();
  for (const event of events) {
    if (typeof event !== "object" || event === null || Array.isArray(event)) continue;
    const { name, at } = event as { name?: unknown; at?: unknown };
    if (typeof name !== "string" || typeof at !== "number" || !Number.isFinite(at)) continue;
    const key = name.trim().toLowerCase();
    if (wanted !== null && !wanted.has(key)) continue;
    byName.set(key, [...(byName.get(key) ?? []), at]);
  }
  for (const times of byName.values()) times.sort((a, b) => a - b);
  return byName;
}

const nameArb = fc.constantFrom("login", "Login", " LOGIN ", "cart", "CART", "x", "İ", "i̇");
const atArb = fc.oneof(fc.integer({ min: 0, max: 50 }), fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -0, 0.5, "1"));
const recordArb = fc.oneof(
  { weight: 8, arbitrary: fc.record({ name: nameArb, at: atArb }) },
  { weight: 1, arbitrary: fc.constantFrom(null, 3, [], { name: 1, at: 1 }, { at: 1 }) },
);
// Logs in time order, newest first, or shuffled, short and long (insertion sort, reversal and the built-in sort).
const logArb = fc.oneof(
  fc.array(recordArb, { maxLength: 12 }),
  fc.array(recordArb, { maxLength: 80 }),
  fc.array(fc.record({ name: nameArb, at: fc.integer({ min: 0, max: 1000 }) }), { maxLength: 60 }).map((log) => log.sort((a, b) => b.at - a.at)),
);
const wantedArb = fc.option(fc.uniqueArray(fc.constantFrom("login", "cart", "x", "i̇", "nobody"), { maxLength: 4 }).map((names) => new Set(names)), { nil: null });

describe("indexEvents", () => {
  it("indexes every usable record of a wanted name, each name's times ascending, as the oracle does", () => {
    fc.assert(
      fc.property(logArb, wantedArb, (log, wanted) => {
        expect(new Map(indexEvents(log, wanted))).toEqual(oracleIndex(log, wanted));
      }),
      { numRuns: 2_000 },
    );
  });

  it("never changes the log it reads", () => {
    fc.assert(
      fc.property(logArb, wantedArb, (log, wanted) => {
        const copy = structuredClone(log);
        indexEvents(log, wanted);
        expect(log).toEqual(copy);
      }),
      { numRuns: 300 },
    );
  });
});
