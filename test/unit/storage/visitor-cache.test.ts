import { describe, expect, it } from "vitest";
import { emptyVisitorRecord } from "../../../src/storage/index.js";
import { visitorCache } from "../../../src/storage/visitor-cache.js";

const known = (version: number) => ({ value: emptyVisitorRecord(), version, commit: `c${version}` });

describe("visitorCache", () => {
  it("keeps at most its size, dropping the least recently used first", () => {
    const cache = visitorCache(2);
    cache.set("a", known(1));
    cache.set("b", known(1));
    expect(cache.get("a")?.version).toBe(1);
    cache.set("c", known(1));
    expect([cache.get("a"), cache.get("b"), cache.get("c")].map((entry) => entry?.version)).toEqual([1, undefined, 1]);
  });

  it("replaces a visitor's entry and forgets it on delete", () => {
    const cache = visitorCache(2);
    cache.set("a", known(1));
    cache.set("a", known(2));
    expect(cache.get("a")?.version).toBe(2);
    cache.delete("a");
    expect(cache.get("a")).toBeUndefined();
  });

  it("peeks at an entry without making it the most recently used", () => {
    const cache = visitorCache(2);
    cache.set("a", known(1));
    cache.set("b", known(1));
    expect(cache.peek("a")?.version).toBe(1);
    cache.set("c", known(1));
    expect([cache.peek("a"), cache.peek("b"), cache.peek("c")].map((entry) => entry?.version)).toEqual([undefined, 1, 1]);
  });

  it("keeps nothing at size 0", () => {
    const cache = visitorCache(0);
    cache.set("a", known(1));
    expect(cache.get("a")).toBeUndefined();
  });
});
