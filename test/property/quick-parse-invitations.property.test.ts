// quickParseInvitations is the hand-written fast path of safeParseInvitations: it must give exactly the data the
// schema gives (same fields, same order, fresh copies) whenever the schema accepts, and nothing whenever it refuses.
// The oracle is the zod schema itself, run directly.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { invitationSchema, invitationsSchema } from "../../src/config/invitation-schema.js";
import { quickParseInvitations } from "../../src/config/quick-parse-invitations.js";
import { safeParseInvitations } from "../../src/index.js";
import { arbitraryInvitations } from "../../src/testing/index.js";

/** Values that sit on the edge of what some field accepts. */
const EDGE_VALUES: unknown[] = [
  "", "  ", " x ", "x", "standard", "inject", "popup", "desktop", "watch", "Hi {nick}", "Hi {lhc.var.}", "{lhc.var.plan}",
  "/x", "host.example.com/*", "[", "**", "!", "  /docs/*  ", "12", "1e3", "n/a",
  -1, 0, -0, 1, 1.5, 2 ** 53, -(2 ** 53), Number.NaN, Number.POSITIVE_INFINITY, true, false, null, undefined,
  [], [""], ["desktop"], ["watch"], ["/a", "!"], [1, "2"], [true], [null], [[]], {}, { now: 1 }, { now: "1" },
  { type: "idle", seconds: 0 }, { type: "exitIntent" }, { email: true }, { email: 1 }, { css: ".x{}" }, { w: Number.NaN },
  [{ key: "k", op: "eq", value: "v" }], [{ key: "k", op: "eq", value: ["a", 1, false] }], [{ key: "k", op: "eq", value: [] }],
  [{ key: "k", op: "eq", value: { now: 1 } }], [{ key: "k", op: "eq", value: [{ now: 1 }] }], [{ key: " ", op: "eq", value: "v" }],
  [{ key: "k", op: "gt", value: { now: -5 } }], [{ key: "k", op: "gt", value: { now: -5, x: 1 } }], [{ key: "k", op: "lte", value: "12" }],
  [{ key: "k", op: "lt", value: "abc" }], [{ key: "k", op: "in", value: [] }], [{ key: "k", op: "notIn", value: ["a"] }],
  [{ key: "k", op: "contains", value: 3 }], [{ key: "k", op: "contains", value: true }], [{ key: "k", op: "exists" }],
  [{ key: "k", op: "exists", value: 1 }], [{ key: "k", op: "notExists", extra: 1 }], [{ key: "k", op: "like", value: "a,b" }],
  [{ key: "k", op: "like", value: "a,,b" }], [{ key: "k", op: "regex", value: "^a+$" }], [{ key: "k", op: "regex", value: "^(a|a)*$" }],
  [{ key: "k", op: "matches", value: "x" }], [{ event: "e", minCount: 1 }], [{ event: "e", minCount: 0 }], [{ event: " ", minCount: 1 }],
  [{ event: "e", minCount: 1, withinSeconds: 0 }], [{ event: "e", minCount: 1, withinSeconds: -1 }], [{ event: "e", minCount: 1.5 }],
  [{ event: "e", minCount: 1, other: 1 }], [{ id: "b", message: "Hi" }], [{ id: "inv-0" }],
];

const FIELD_NAMES = [...Object.keys(invitationSchema._zod.def.shape), "unknownField", "__proto__"];

interface Mutation {
  at: number;
  field: string;
  value: unknown;
  remove: boolean;
}

const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  field: fc.constantFrom(...FIELD_NAMES),
  value: fc.oneof(fc.constantFrom(...EDGE_VALUES), fc.jsonValue({ maxDepth: 2 })),
  remove: fc.boolean(),
});

/** The set as JSON would carry it, with some fields replaced, removed or added. */
function mutated(invitations: readonly object[], mutations: readonly Mutation[]): unknown[] {
  const copy = JSON.parse(JSON.stringify(invitations)) as Record<string, unknown>[];
  for (const { at, field, value, remove } of mutations) {
    const invitation = copy[at % Math.max(1, copy.length)];
    if (invitation === undefined) continue;
    if (remove) delete invitation[field];
    else Object.defineProperty(invitation, field, { value, enumerable: true, writable: true, configurable: true });
  }
  return copy;
}

/** The schema's verdict and data, and the fast path's, with the same data written out in order. */
function bothWays(input: unknown): void {
  const quick = quickParseInvitations(input);
  const oracle = invitationsSchema.safeParse(input);
  if (oracle.success) {
    expect(quick).not.toBeNull();
    expect(quick).toStrictEqual(oracle.data);
    expect(JSON.stringify(quick)).toBe(JSON.stringify(oracle.data));
  } else {
    expect(quick).toBeNull();
  }
}

describe("quickParseInvitations (properties)", () => {
  it("gives exactly the schema's data for every valid set", () => {
    fc.assert(
      fc.property(arbitraryInvitations(), (invitations) => {
        bothWays(JSON.parse(JSON.stringify(invitations)));
        bothWays(invitations);
      }),
      { numRuns: 300 },
    );
  });

  it("accepts a set exactly when the schema does, and then gives the schema's data", () => {
    fc.assert(
      fc.property(arbitraryInvitations({ maxLength: 3 }), fc.array(mutationArb, { minLength: 1, maxLength: 3 }), (invitations, mutations) => {
        bothWays(mutated(invitations, mutations));
      }),
      { numRuns: 1000 },
    );
  });

  it("hands out copies: no array or object of the input is in the data", () => {
    fc.assert(
      fc.property(arbitraryInvitations({ maxLength: 3 }), (invitations) => {
        const data = quickParseInvitations(invitations);
        const inputs = new Set<unknown>();
        const collect = (value: unknown): void => {
          if (typeof value !== "object" || value === null) return;
          inputs.add(value);
          for (const item of Object.values(value)) collect(item);
        };
        collect(invitations);
        const shared: unknown[] = [];
        const find = (value: unknown): void => {
          if (typeof value !== "object" || value === null) return;
          if (inputs.has(value)) shared.push(value);
          for (const item of Object.values(value)) find(item);
        };
        find(data);
        expect(shared).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it("leaves the rules spanning invitations to safeParseInvitations, which still reports them", () => {
    const twice = [{ id: "a", message: "Hi" }, { id: "a", message: "Yo" }];
    expect(quickParseInvitations(twice)).not.toBeNull();
    const result = safeParseInvitations(twice);
    expect(result.success ? [] : result.error.issues.map((issue) => issue.code)).toEqual(["duplicate_id"]);
  });
});
