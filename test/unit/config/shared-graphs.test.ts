import { describe, expect, it } from "vitest";
import { isPlainData } from "../../../src/config/is-plain-data.js";
import { readPlain } from "../../../src/config/read-plain.js";
import { MAX_SHARED_EXPANSION, SHARED_EXPANSION_ALLOWANCE } from "../../../src/config/shared-expansion.js";
import { safeParseEventDefinitions, safeParseInvitations } from "../../../src/index.js";

/** An object of `n` distinct number values (n + 1 values as JSON writes it). */
function design(n: number): Record<string, number> {
  return Object.fromEntries(Array.from({ length: n }, (_, i) => [`p${i}`, i]));
}

/** `n` invitations whose `design` is one shared object. */
function sharingSet(n: number, shared: object): unknown[] {
  return Array.from({ length: n }, (_, i) => ({ id: `i${i}`, message: "Hi", design: shared }));
}

/** Wraps every object of a graph in a proxy counting the property reads it answers (each object wrapped once). */
function counted(graph: unknown): { input: unknown; reads: () => number } {
  let reads = 0;
  const wrapped = new Map<object, object>();
  const wrap = (value: unknown): unknown => {
    if (typeof value !== "object" || value === null) return value;
    const known = wrapped.get(value);
    if (known !== undefined) return known;
    const target: Record<string, unknown> | unknown[] = Array.isArray(value) ? [] : {};
    for (const [key, item] of Object.entries(value)) (target as Record<string, unknown>)[key] = wrap(item);
    const proxy = new Proxy(target, {
      get(t, key, receiver) {
        reads++;
        return Reflect.get(t, key, receiver) as unknown;
      },
    });
    wrapped.set(value, proxy);
    return proxy;
  };
  return { input: wrap(graph), reads: () => reads };
}

/** [[n, n], [n, n]]… `depth` levels over one invitation-like leaf: depth + 1 objects, 2^depth paths. */
function pairs(depth: number): unknown {
  let node: unknown = { id: "a", message: "Hi" };
  for (let i = 0; i < depth; i++) node = [node, node];
  return node;
}

describe("an input that shares its parts", () => {
  it(`is read whole while its JSON text would hold at most ${MAX_SHARED_EXPANSION} times its distinct values`, () => {
    // 1 000 invitations sharing a 20-value design: 27 000 values as JSON, 6 020 distinct.
    const input = sharingSet(1000, design(20));
    const result = safeParseInvitations(input);
    expect(result).toEqual(safeParseInvitations(JSON.parse(JSON.stringify(input))));
    expect(result.success).toBe(true);
  });

  it(`shares freely up to ${SHARED_EXPANSION_ALLOWANCE} values: 200 invitations sharing a 300-value design parse`, () => {
    const input = sharingSet(200, design(300));
    expect(safeParseInvitations(input)).toEqual(safeParseInvitations(JSON.parse(JSON.stringify(input))));
  });

  it("is too_big at the first repeat when its JSON text would hold more than both bounds", () => {
    // 700 invitations sharing a 100-value design: 1 + 700 × (1 + 2 + 101) = 72 801 values as JSON, and
    // 1 + 700 + 700 × 3 + 100 = 2 901 distinct (a ratio of 25).
    const input = sharingSet(700, design(100));
    expect(isPlainData(input)).toBe(false);
    const result = safeParseInvitations(input);
    expect(result.success).toBe(false);
    expect(result.success ? [] : result.error.issues).toEqual([
      {
        code: "too_big",
        path: [1, "design"],
        message:
          "repeats an object read before, and the input shares its parts too much: written out as JSON it holds 72801 values, more than 16 times the 2901 it holds (each object counted once)",
      },
    ]);
    // The same set written out as JSON is data like any other.
    expect(safeParseInvitations(JSON.parse(JSON.stringify(input))).success).toBe(true);
  });

  it("names the repeat that adds the most values, not merely the first", () => {
    const small = design(3);
    const large = design(500);
    const input = [{ id: "a", message: "Hi", design: { s: small, t: small, l: large, m: large } }, ...sharingSet(200, large)];
    const issues = readPlain(input).issues;
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: "too_big", path: [0, "design", "m"] });
  });

  it("refuses 2^24 paths through 25 objects reading each object a bounded number of times", () => {
    const reads = [18, 24, 30].map((depth) => {
      const { input, reads } = counted(pairs(depth));
      const result = safeParseEventDefinitions(input);
      // 2^18 paths are 786 431 values from 39: too shared; 2^24 and 2^30 pass the values bound.
      const where = depth === 18 ? [1] : [];
      expect(result.success ? [] : result.error.issues).toEqual([expect.objectContaining({ code: "too_big", path: where })]);
      return reads();
    });
    // The tree walk before the sharing is noticed stops at the allowance; after it, six more levels of pairs cost a
    // few reads each, where reading as a tree would double the reads with each level.
    expect(reads[0]).toBeLessThan(4 * SHARED_EXPANSION_ALLOWANCE);
    expect((reads[2] as number) - (reads[1] as number)).toBeLessThan(100);
  });

  it("reads a throwing part once, and reports it at every path", () => {
    let touched = 0;
    const hostile = Object.defineProperty({}, "x", {
      enumerable: true,
      get() {
        touched++;
        throw new Error("gone");
      },
    });
    const input = { id: "v", attributes: { a: hostile, b: hostile } };
    expect(readPlain(input).issues.map((issue) => issue.path)).toEqual([
      ["attributes", "a", "x"],
      ["attributes", "b", "x"],
    ]);
    expect(touched).toBe(1);
    const result = safeParseInvitations([{ id: "a", message: "Hi", design: { a: hostile, b: hostile } }]);
    expect(result.success ? [] : result.error.issues).toEqual([
      { code: "invalid_value", path: [0, "design", "a", "x"], message: "could not be read: gone" },
      { code: "invalid_value", path: [0, "design", "b", "x"], message: "could not be read: gone" },
    ]);
  });

  it("still reports a cycle through a shared part as circular", () => {
    const loop: unknown[] = [];
    const shared = { loop };
    loop.push(shared);
    const read = readPlain({ a: shared, b: shared });
    expect(read.issues.map((issue) => [issue.code, issue.path])).toEqual([
      ["invalid_value", ["a", "loop", 0]],
      ["invalid_value", ["b", "loop", 0]],
    ]);
  });
});
