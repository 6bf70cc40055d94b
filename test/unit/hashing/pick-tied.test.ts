import { describe, expect, it } from "vitest";
import { hashUnit } from "../../../src/hashing/hash-unit.js";
import { pickTied } from "../../../src/hashing/pick-tied.js";

const winner = (ids: readonly string[], seed: string, visitorId: string): string | undefined =>
  ids[pickTied(ids, seed, visitorId)];

describe("pickTied", () => {
  it("returns -1 when nothing is tied", () => {
    expect(pickTied([], "", "v1")).toBe(-1);
  });

  it("returns the only id", () => {
    expect(pickTied(["only"], "", "v1")).toBe(0);
  });

  it("picks the id with the smallest tie hash", () => {
    const ids = ["a", "b", "c", "d"];
    const expected = [...ids].sort((x, y) => hashUnit("tie", "s", "v9", x) - hashUnit("tie", "s", "v9", y))[0];
    expect(winner(ids, "s", "v9")).toBe(expected);
  });

  it("picks the same id whatever the order of the ids", () => {
    const orders = [
      ["a", "b", "c"],
      ["c", "b", "a"],
      ["b", "c", "a"],
    ];
    for (let v = 0; v < 50; v++) {
      const winners = new Set(orders.map((ids) => winner(ids, "", `visitor-${v}`)));
      expect(winners.size).toBe(1);
    }
  });

  it("gives equal hashes to the lexicographically smaller id", () => {
    // Found by search: these two ids have the same key, so they collide for every visitor (hash version 2).
    expect(hashUnit("tie", "", "visitor-1", "inv-779818")).toBe(hashUnit("tie", "", "visitor-1", "inv-1013806"));
    expect(winner(["inv-779818", "inv-1013806"], "", "visitor-1")).toBe("inv-1013806");
    expect(winner(["inv-1013806", "inv-779818"], "", "visitor-1")).toBe("inv-1013806");
  });

  it("returns the first position of an id listed twice", () => {
    expect(pickTied(["a", "a"], "", "v1")).toBe(0);
  });

  it("spreads different visitors evenly over the tied ids", () => {
    const ids = ["a", "b", "c"];
    const counts = new Map<string | undefined, number>();
    for (let v = 0; v < 3000; v++) {
      const id = winner(ids, "", `visitor-${v}`);
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    for (const id of ids) {
      expect(counts.get(id)).toBeGreaterThan(900);
      expect(counts.get(id)).toBeLessThan(1100);
    }
  });

  it("lets the seed change the pick", () => {
    const ids = ["a", "b", "c", "d"];
    const visitors = Array.from({ length: 20 }, (_, v) => `visitor-${v}`);
    const changed = visitors.filter((v) => winner(ids, "one", v) !== winner(ids, "two", v));
    expect(changed.length).toBeGreaterThan(0);
  });
});
