import fc from "fast-check";
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

describe("visitorCache against a model", () => {
  // The model: an array from the least recently used to the most, searched and spliced (obviously right, slow).
  type Op = { kind: "get" | "peek" | "set" | "delete"; id: string };
  const IDS = ["a", "b", "c", "d"];
  const ops = fc.array(
    fc.record({ kind: fc.constantFrom<Op["kind"]>("get", "peek", "set", "delete"), id: fc.constantFrom(...IDS) }),
    // Long runs over few visitors and small sizes: entries are used again, moved and dropped many times over.
    { maxLength: 300, size: "large" },
  );

  it("answers every get and peek as an exact least-recently-used list would", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5 }), ops, (size, sequence) => {
        const cache = visitorCache(size);
        let model: { id: string; version: number }[] = [];
        let version = 0;
        for (const { kind, id } of sequence) {
          const at = model.findIndex((entry) => entry.id === id);
          if (kind === "set") {
            version += 1;
            cache.set(id, known(version));
            if (size <= 0) continue;
            if (at >= 0) model.splice(at, 1);
            model.push({ id, version });
            if (model.length > size) model = model.slice(1);
          } else if (kind === "delete") {
            cache.delete(id);
            if (at >= 0) model.splice(at, 1);
          } else {
            const expected = at >= 0 ? (model[at] as { version: number }).version : undefined;
            expect((kind === "get" ? cache.get(id) : cache.peek(id))?.version).toBe(expected);
            if (kind === "get" && at >= 0) model.push(...model.splice(at, 1));
          }
        }
        for (const id of IDS) {
          expect(cache.peek(id)?.version).toBe(model.find((entry) => entry.id === id)?.version);
        }
      }),
    );
  });
});
