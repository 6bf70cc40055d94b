import { describe, expect, it } from "vitest";
import { findMalformedPlaceholders, PLACEHOLDER_PATTERN } from "../../../src/render/placeholders.js";

describe("findMalformedPlaceholders", () => {
  it("accepts well-formed placeholders and other braces", () => {
    const template = "{nick} {operator} {lhc.var.a_b-c.d} {lhc.add.x} {proactive_img_1} {";
    expect(findMalformedPlaceholders(template)).toEqual([]);
  });

  it("lists lhc placeholders that are not well formed", () => {
    expect(findMalformedPlaceholders("{lhc.var.} {lhc.foo.x} {lhc.add.a b} {lhc.var.x")).toEqual([
      "{lhc.var.}",
      "{lhc.foo.x}",
      "{lhc.add.a b}",
      "{lhc.var.x",
    ]);
  });
});

describe("PLACEHOLDER_PATTERN", () => {
  it("matches only the four placeholder families", () => {
    const text = "{nick}{operator}{lhc.var.a}{lhc.add.b}{Nick}{proactive_img_1}{lhc.var.}";
    expect([...text.matchAll(PLACEHOLDER_PATTERN)].map((match) => match[0])).toEqual([
      "{nick}",
      "{operator}",
      "{lhc.var.a}",
      "{lhc.add.b}",
    ]);
  });
});
