import { describe, expect, it } from "vitest";
import { compileGlob } from "../../../src/conditions/url-glob.js";

describe("compileGlob", () => {
  it.each([
    ["shop.example.com/*", "shop.example.com/pricing", true],
    ["shop.example.com/*", "shop.example.com/a/b", false],
    ["shop.example.com/**", "shop.example.com/a/b", true],
    ["shop.example.com/p?ge", "shop.example.com/page", true],
    ["shop.example.com/{pricing,plans}", "shop.example.com/plans", true],
    ["shop.example.com/[ab]", "shop.example.com/b", true],
    ["shop.example.com/[ab]", "shop.example.com/c", false],
    ["shop.example.com/*", "shop.example.com/.well-known", true],
  ])("compiles %j, which tells %j → %j", (pattern, input, expected) => {
    expect(compileGlob(pattern)(input)).toBe(expected);
  });

  it("reads a leading ! literally, leaving negation to the URL matcher", () => {
    expect(compileGlob("!a")("!a")).toBe(true);
    expect(compileGlob("!a")("b")).toBe(false);
  });
});
