import { describe, expect, it } from "vitest";
import { stableOrder } from "../../../src/compile/stable-order.js";

describe("stableOrder", () => {
  it("lists positions by ascending key, equal keys in position order", () => {
    expect([...stableOrder([30, 0, 30, 10])]).toEqual([1, 3, 0, 2]);
  });

  it("treats 0 and -0 as equal and orders negative and fractional keys", () => {
    expect([...stableOrder([0, -0, -2.5, 0.5, 0])]).toEqual([2, 0, 1, 4, 3]);
  });

  it("gives nothing for no keys", () => {
    expect(stableOrder([]).length).toBe(0);
  });
});
