import { describe, expect, it } from "vitest";
import { compileRegex } from "../../../src/conditions/regex.js";

describe("compileRegex", () => {
  it("compiles a case-insensitive regular expression", () => {
    const regex = compileRegex("^vip-\\d+$");
    expect(regex.test("VIP-42")).toBe(true);
    expect(regex.test("vip-")).toBe(false);
  });

  it("gives the same answer on repeated tests (no global state)", () => {
    const regex = compileRegex("a");
    expect([regex.test("a"), regex.test("a"), regex.test("a")]).toEqual([true, true, true]);
  });

  it("throws for a pattern that does not compile", () => {
    expect(() => compileRegex("([")).toThrow(SyntaxError);
  });
});
