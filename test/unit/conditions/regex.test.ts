import { describe, expect, it } from "vitest";
import { ATTRIBUTE_OPERATORS } from "../../../src/conditions/attribute-operators.js";
import { checkRegex, compileRegex, MAX_REGEX_INPUT_LENGTH } from "../../../src/conditions/regex.js";

describe("compileRegex", () => {
  it("compiles a case-insensitive regular expression", () => {
    const matches = compileRegex("^vip-\\d+$");
    expect(matches("VIP-42")).toBe(true);
    expect(matches("vip-")).toBe(false);
  });

  it("searches anywhere in the text unless anchored, as RegExp#test", () => {
    expect(compileRegex("vip")("a VIP visitor")).toBe(true);
    expect(compileRegex("^vip")("a VIP visitor")).toBe(false);
  });

  it("gives the same answer on repeated tests (no global state)", () => {
    const matches = compileRegex("a");
    expect([matches("a"), matches("a"), matches("a")]).toEqual([true, true, true]);
  });

  it("throws a SyntaxError for a pattern that does not compile or that it refuses", () => {
    expect(() => compileRegex("([")).toThrow(SyntaxError);
    expect(() => compileRegex("(a)\\1")).toThrow(SyntaxError);
  });
});

const a = (count: number): string => "a".repeat(count);

describe("compileRegex on patterns that backtrack catastrophically in a native RegExp", () => {
  // Each of these ran for seconds with the native engine on a value within the 2 048-character cap.
  it.each([
    ["^(a|a)*$", a(2047) + "b", false],
    ["^(a|a)*$", a(2048), true],
    ["^(a|aa)+$", a(2047) + "b", false],
    ["^(a|aa)+$", a(2048), true],
    ["^(\\w|\\d)+$", "1".repeat(2047) + "!", false],
    ["^(\\w|\\d)+$", "1".repeat(2048), true],
    ["^(?:a|ab|b)*c$", "ab".repeat(1023) + "a", false],
    ["^(?:a|ab|b)*c$", "ab".repeat(1023) + "c", true],
    ["a*a*a*b", a(2048), false],
    ["a*a*a*b", a(2047) + "B", true],
    ["\\s*\\s*\\s*x", " ".repeat(2048), false],
    ["\\s*\\s*\\s*x", " ".repeat(2047) + "X", true],
    [".*.*=.*x", "=".repeat(2048), false],
    [".*.*=.*x", "=".repeat(2047) + "x", true],
    ["^a*a*a*a*a*b", a(100), false],
    ["^a*a*a*a*a*b", a(2047) + "b", true],
    ["(a+)+$", a(2047) + "!", false],
    ["^(a?){25}a{25}$", a(24), false],
  ])("accepts %j and answers correctly on its attack string", (pattern, text, expected) => {
    expect(checkRegex(pattern)).toBeNull();
    expect(compileRegex(pattern)(text)).toBe(expected);
  });
});

describe("checkRegex", () => {
  it.each(["", "^vip-\\d+$", "a|b", "[a-z]+", "\\btrue\\b", "(?<plan>pro|team)", "a{2,4}?", "[\\d-z]", "\\u00e9"])(
    "accepts %j",
    (pattern) => {
      expect(checkRegex(pattern)).toBeNull();
    },
  );

  it.each(["(a)\\1", "(?<x>a)\\k<x>", "\\2(a)(b)"])("refuses the back-reference in %j as unsafe_regex", (pattern) => {
    expect(checkRegex(pattern)).toMatchObject({ code: "unsafe_regex", message: expect.stringContaining("back-reference") });
  });

  it.each(["a(?=b)", "a(?!b)", "(?<=a)b", "(?<!a)b"])("refuses the look-around in %j as unsafe_regex", (pattern) => {
    expect(checkRegex(pattern)).toMatchObject({ code: "unsafe_regex", message: expect.stringContaining("look-around") });
  });

  it("refuses a pattern whose automaton would be too big as unsafe_regex", () => {
    expect(checkRegex("(a{100}){100}")).toMatchObject({ code: "unsafe_regex", message: expect.stringContaining("states") });
    expect(checkRegex("a{99999999999999999999}")).toMatchObject({ code: "unsafe_regex" });
  });

  it("refuses a pattern longer than 256 characters as unsafe_regex", () => {
    expect(checkRegex("a".repeat(256))).toBeNull();
    expect(checkRegex("a".repeat(257))).toMatchObject({ code: "unsafe_regex" });
  });

  it.each(["(", "[b-a]", "a**", "{1}", "(?i:a)", "\\"])("refuses %j, which does not compile, as invalid_regex", (pattern) => {
    expect(checkRegex(pattern)).toMatchObject({ code: "invalid_regex" });
  });
});

describe("the regex attribute operator", () => {
  it("tests only the first 2 048 characters of the visitor value", () => {
    const endsWithB = ATTRIBUTE_OPERATORS.regex({ key: "k", op: "regex", value: "^a*b$" });
    expect(endsWithB(a(MAX_REGEX_INPUT_LENGTH - 1) + "b", 0)).toBe(true);
    expect(endsWithB(a(MAX_REGEX_INPUT_LENGTH) + "b", 0)).toBe(false);
    expect(endsWithB(a(100_000), 0)).toBe(false);
  });

  it("fails closed for a pattern it refuses", () => {
    expect(ATTRIBUTE_OPERATORS.regex({ key: "k", op: "regex", value: "(a)\\1" })("aa", 0)).toBe(false);
  });
});
