import { describe, expect, it } from "vitest";
import { numericValue } from "../../../src/conditions/numeric-value.js";

describe("numericValue", () => {
  it.each<[string | number, number]>([
    [5, 5],
    [-2.5, -2.5],
    ["1.0", 1],
    ["-2", -2],
    ["+3", 3],
    [".5", 0.5],
    ["1.", 1],
    ["1e3", 1000],
    ["1E-2", 0.01],
    [" 42 ", 42],
  ])("reads %j as %j", (value, expected) => {
    expect(numericValue(value)).toBe(expected);
  });

  it.each<[string | number | boolean]>([
    [""],
    [" "],
    ["0x10"],
    ["1,5"],
    ["12abc"],
    ["abc"],
    ["1e"],
    ["."],
    ["-"],
    ["Infinity"],
    ["1e999"],
    [Number.NaN],
    [Number.POSITIVE_INFINITY],
    [true],
    [false],
  ])("does not read %j as a number", (value) => {
    expect(numericValue(value)).toBeNull();
  });
});
