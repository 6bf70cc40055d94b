import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileRendering } from "../../src/render/compile-rendering.js";
import { hashUnit } from "../../src/hashing/hash-unit.js";
import { pickTied } from "../../src/hashing/pick-tied.js";
import { pickVariation } from "../../src/render/pick-variation.js";
import { weightsArb } from "./arbitraries/render.js";

const textArb = fc.oneof(fc.string(), fc.string({ unit: "binary" }));
const idsArb = fc.uniqueArray(textArb, { minLength: 1, maxLength: 8 });
const idsWithShuffleArb = idsArb.chain((ids) =>
  fc.tuple(fc.constant(ids), fc.shuffledSubarray(ids, { minLength: ids.length, maxLength: ids.length })),
);

describe("selection properties", () => {
  it("hashUnit lies in [0, 1)", () => {
    fc.assert(
      fc.property(textArb, textArb, textArb, textArb, (purpose, seed, visitorId, invitationId) => {
        const value = hashUnit(purpose, seed, visitorId, invitationId);
        expect(value >= 0 && value < 1).toBe(true);
      }),
    );
  });

  it("pickTied picks the same id whatever the order of the ids", () => {
    fc.assert(
      fc.property(idsWithShuffleArb, textArb, textArb, ([ids, shuffled], seed, visitorId) => {
        expect(shuffled[pickTied(shuffled, seed, visitorId)]).toBe(ids[pickTied(ids, seed, visitorId)]);
      }),
    );
  });

  it("pickTied picks an id no other id beats on (hash, id)", () => {
    fc.assert(
      fc.property(idsArb, textArb, textArb, (ids, seed, visitorId) => {
        const winner = ids[pickTied(ids, seed, visitorId)] ?? "";
        const key = (id: string) => hashUnit("tie", seed, visitorId, id);
        for (const id of ids) {
          expect(key(winner) < key(id) || (key(winner) === key(id) && winner <= id)).toBe(true);
        }
      }),
    );
  });

  it("pickVariation returns a pool id of positive weight", () => {
    fc.assert(
      fc.property(weightsArb, textArb, textArb, (weights, seed, visitorId) => {
        const variations = weights.map((weight, i) =>
          weight === undefined ? { id: `v${i}` } : { id: `v${i}`, weight },
        );
        const picked = pickVariation(compileRendering({ id: "base", message: "x", variations }), seed, visitorId);
        const weightOf = (id: string) => (id === "base" ? 1 : (variations.find((v) => v.id === id)?.weight ?? 1));
        expect(["base", ...variations.map((v) => v.id)]).toContain(picked);
        expect(weightOf(picked)).toBeGreaterThan(0);
      }),
    );
  });
});
