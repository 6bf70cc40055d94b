// parseWithSchema checks a list item by item and stops once the items checked have more issues than an error lists
// (MAX_LISTED_ISSUES). The oracle is the collector it replaced (oracles/parse-with-schema.ts), which checks the whole
// input, collects every issue and trims the list afterwards. Below the cap both must give exactly the same result;
// above it, the same first MAX_LISTED_ISSUES issues, and a last issue saying that the list was cut.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkInvitationSet } from "../../src/config/check-invitation-set.js";
import { eventDefinitionsSchema } from "../../src/config/event-definition-schema.js";
import { invitationsSchema } from "../../src/config/invitation-schema.js";
import { MAX_LISTED_ISSUES } from "../../src/config/parse-with-schema.js";
import { quickParseInvitations } from "../../src/config/quick-parse-invitations.js";
import { NO_LIMITS } from "../../src/config/read-plain.js";
import { checkUniqueNames } from "../../src/config/safe-parse-event-definitions.js";
import type { SafeParseResult } from "../../src/config/safe-parse-result.js";
import { safeParseEventDefinitions, safeParseInvitations } from "../../src/index.js";
import { arbitraryInvitation } from "../../src/testing/index.js";
import { parseWithSchemaOracle } from "./oracles/parse-with-schema.js";

/** Items that read the same every time, but only through a getter or a proxy: the input is then read into a copy. */
function withGetter(item: Record<string, unknown>, key: string): object {
  const copy = { ...item };
  const value = copy[key];
  delete copy[key];
  return Object.defineProperty(copy, key, { get: () => value, enumerable: true, configurable: true });
}

function throwingAt(item: Record<string, unknown>, key: string): object {
  return Object.defineProperty({ ...item }, key, { get: () => { throw new Error("no"); }, enumerable: true, configurable: true });
}

function revoked(): object {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
}

/** An item that is not plain data, described (fast-check cannot hold a revoked proxy) and made by {@link made}. */
interface Hostile {
  hostile: "getter" | "throwing" | "revoked";
  item: Record<string, unknown>;
  key: string;
}

function made(value: unknown): unknown {
  if (typeof value !== "object" || value === null || !("hostile" in value)) return value;
  const { hostile, item, key } = value as Hostile;
  if (hostile === "getter") return withGetter(item, key);
  return hostile === "throwing" ? throwingAt(item, key) : revoked();
}

const definitionArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom("a", "b", " A", "login", "x y").map((name) => ({ name })),
  fc.record({ name: fc.string({ maxLength: 3 }), storeTimeoutSeconds: fc.oneof(fc.nat(), fc.constant(-1)) }),
  fc.constantFrom<unknown>([], 1, null, undefined, "a", {}, { name: "" }, { id: "a" }, { name: 3, filterByValue: "no" }, { name: "a", extra: 1, other: 2 }),
  fc.constantFrom("a", "b").map((name): Hostile => ({ hostile: "getter", item: { name, storeTimeoutSeconds: 1 }, key: "name" })),
  fc.constant<Hostile>({ hostile: "throwing", item: { name: "t" }, key: "name" }),
  fc.constant<Hostile>({ hostile: "revoked", item: {}, key: "" }),
);

const invitationItemArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom("a", "b", "c").chain((id) => arbitraryInvitation(id)),
  fc.constantFrom<unknown>(1, [], null, {}, { id: "a" }, { id: "d", message: 3 }, { id: "e", message: "Hi", urls: [1, "/a", "["] }),
  fc.constantFrom("a", "f").map((id): Hostile => ({ hostile: "getter", item: { id, message: "Hi" }, key: "id" })),
  fc.constant<Hostile>({ hostile: "throwing", item: { id: "t", message: "Hi" }, key: "message" }),
  fc.constant<Hostile>({ hostile: "revoked", item: {}, key: "" }),
);

/**
 * A list of a few runs of one item each, from none to a few thousand items in all, so lists with fewer issues than
 * the cap, just as many, and many more all come up. Runs repeat the item (ids and names clash: rule issues too).
 */
function listArb(item: fc.Arbitrary<unknown>): fc.Arbitrary<[unknown, number, boolean][]> {
  const run = fc.tuple(item, fc.oneof(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 700 })), fc.boolean());
  return fc.array(run, { maxLength: 6 });
}

/** The list the runs describe (one hostile object per run, shared by its items). */
function listOf(runs: readonly (readonly [unknown, number, boolean])[]): unknown[] {
  const items: unknown[] = [];
  for (const [described, count, hole] of runs) {
    const value = made(described);
    for (let i = 0; i < count; i++) items.push(value);
    if (hole) items.length += 1;
  }
  return items;
}

function issuesOf(result: SafeParseResult<unknown>): readonly { code: string; path: readonly (string | number)[]; message: string }[] {
  return result.success ? [] : result.error.issues;
}

/** The law: the same result below the cap; above it, the same first issues and a last one telling the list was cut. */
function agree(actual: SafeParseResult<unknown>, expected: SafeParseResult<unknown>): void {
  expect(actual.success).toBe(expected.success);
  if (expected.success) return expect(actual).toEqual(expected);
  const want = issuesOf(expected);
  const got = issuesOf(actual);
  if (want.length <= MAX_LISTED_ISSUES) return expect(got).toEqual(want);
  expect(got).toHaveLength(MAX_LISTED_ISSUES + 1);
  expect(got.slice(0, MAX_LISTED_ISSUES)).toEqual(want.slice(0, MAX_LISTED_ISSUES));
  expect(got.at(-1)).toMatchObject({ code: "too_big", path: [] });
  expect(got.at(-1)?.message).toMatch(/^\d+ more problems not listed \(at most 1000 are\)/);
}

describe("the issue cap of a list (oracle: the collector that checked everything)", () => {
  it("event definitions: the same issues below the cap, the same first ones above it", () => {
    fc.assert(
      fc.property(listArb(definitionArb), (runs) => {
        const items = listOf(runs);
        agree(safeParseEventDefinitions(items), parseWithSchemaOracle(eventDefinitionsSchema, items, "event definitions", checkUniqueNames));
      }),
      { numRuns: 120 },
    );
  });

  it("invitations: the same issues below the cap, the same first ones above it", () => {
    fc.assert(
      fc.property(listArb(invitationItemArb), (runs) => {
        const items = listOf(runs);
        const expected = parseWithSchemaOracle(invitationsSchema, items, "invitations", checkInvitationSet, NO_LIMITS, quickParseInvitations);
        agree(safeParseInvitations(items), expected);
      }),
      { numRuns: 80 },
    );
  });
});
