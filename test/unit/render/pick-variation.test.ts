import { describe, expect, it } from "vitest";
import { compileRendering } from "../../../src/render/compile-rendering.js";
import { pickVariation } from "../../../src/render/pick-variation.js";
import type { Invitation } from "../../../src/types.js";

const visitors = Array.from({ length: 4000 }, (_, v) => `visitor-${v}`);

function countPicks(invitation: Invitation, seed = ""): Map<string, number> {
  const rendering = compileRendering(invitation);
  const counts = new Map<string, number>();
  for (const visitorId of visitors) {
    const id = pickVariation(rendering, seed, visitorId);
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

describe("pickVariation", () => {
  it("returns the invitation's id when there are no variations", () => {
    const rendering = compileRendering({ id: "sale", message: "Hi" });
    expect(pickVariation(rendering, "", "v1")).toBe("sale");
  });

  it("gives a visitor the same variation on every call", () => {
    const invitation: Invitation = { id: "sale", message: "Hi", variations: [{ id: "b" }, { id: "c" }] };
    for (const visitorId of visitors.slice(0, 100)) {
      const first = pickVariation(compileRendering(invitation), "s", visitorId);
      expect(pickVariation(compileRendering(invitation), "s", visitorId)).toBe(first);
    }
  });

  it("picks the base content and every variation of weight 1 about equally", () => {
    const counts = countPicks({ id: "sale", message: "Hi", variations: [{ id: "b" }, { id: "c" }, { id: "d" }] });
    for (const id of ["sale", "b", "c", "d"]) {
      expect(counts.get(id)).toBeGreaterThan(900);
      expect(counts.get(id)).toBeLessThan(1100);
    }
  });

  it("splits 3:1 when a variation weighs 3", () => {
    const counts = countPicks({ id: "sale", message: "Hi", variations: [{ id: "b", weight: 3 }] });
    expect((counts.get("b") ?? 0) / visitors.length).toBeGreaterThan(0.72);
    expect((counts.get("b") ?? 0) / visitors.length).toBeLessThan(0.78);
    expect((counts.get("sale") ?? 0) + (counts.get("b") ?? 0)).toBe(visitors.length);
  });

  it("never picks a variation of weight 0", () => {
    const counts = countPicks({
      id: "sale",
      message: "Hi",
      variations: [{ id: "off", weight: 0 }, { id: "b" }, { id: "last-off", weight: 0 }],
    });
    expect(counts.has("off")).toBe(false);
    expect(counts.has("last-off")).toBe(false);
    expect(counts.get("b")).toBeGreaterThan(1800);
  });

  it("picks the base content when every variation weighs 0", () => {
    const counts = countPicks({ id: "sale", message: "Hi", variations: [{ id: "b", weight: 0 }] });
    expect([...counts.keys()]).toEqual(["sale"]);
  });

  it("lets the seed reshuffle visitors", () => {
    const rendering = compileRendering({ id: "sale", message: "Hi", variations: [{ id: "b" }] });
    const changed = visitors.filter((v) => pickVariation(rendering, "a", v) !== pickVariation(rendering, "b", v));
    expect(changed.length).toBeGreaterThan(1000);
  });
});
