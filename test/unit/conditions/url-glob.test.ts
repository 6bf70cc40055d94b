import { describe, expect, it } from "vitest";
import { checkGlob, compileGlob, MAX_GLOB_LENGTH } from "../../../src/conditions/url-glob.js";
import { compileUrlPattern } from "../../../src/conditions/compile-url-pattern.js";

describe("compileGlob", () => {
  it.each([
    ["shop.example.com/*", "shop.example.com/pricing", true],
    ["shop.example.com/*", "shop.example.com/a/b", false],
    ["shop.example.com/**", "shop.example.com/a/b", true],
    ["shop.example.com/**", "shop.example.com", true],
    ["**/plans", "plans", true],
    ["/a/**/b", "/a/b", true],
    ["/a/**/b", "/a/x/y/b", true],
    ["shop.example.com/p?ge", "shop.example.com/page", true],
    ["shop.example.com/p?ge", "shop.example.com/p/ge", false],
    ["shop.example.com/{pricing,plans}", "shop.example.com/plans", true],
    ["shop.example.com/{pricing,plans{,-pro}}", "shop.example.com/plans-pro", true],
    ["shop.example.com/[ab]", "shop.example.com/b", true],
    ["shop.example.com/[ab]", "shop.example.com/c", false],
    ["shop.example.com/[^a]", "shop.example.com/b", true],
    ["shop.example.com/[^a]", "shop.example.com/a", false],
    ["shop.example.com/@(a|b)/x", "shop.example.com/b/x", true],
    ["shop.example.com/+(ab)", "shop.example.com/ababab", true],
    ["shop.example.com/?(x)y", "shop.example.com/y", true],
    ["shop.example.com/*(ab)c", "shop.example.com/ababc", true],
    ["shop.example.com/*", "shop.example.com/.well-known", true],
    ["shop.example.com/a\\*b", "shop.example.com/a*b", true],
    ["shop.example.com/a\\*b", "shop.example.com/axb", false],
  ])("compiles %j, which tells %j → %j", (pattern, input, expected) => {
    expect(compileGlob(pattern)(input)).toBe(expected);
  });

  // What follows may read nothing (an optional group, a brace with an empty choice); a character after it is enough,
  // even a slash; a * after text, a ** or a * inside a group asks nothing.
  it.each([
    ["/*?(a|b)", "/", false],
    ["/*?(a|b)", "/a", true],
    ["/*?(a|b)", "/x", true],
    ["*?(a)", "", false],
    ["/x/*?(a)", "/x/", false],
    ["/*{,a}", "/", false],
    ["/*?(/)", "/", false],
    ["/*?(/)", "//", true],
    ["/*?(a)/x", "//x", true],
    ["/x*?(a)", "/x", true],
    ["/**?(a)", "/", true],
    ["/@(*)", "/", true],
  ])("makes a * that opens a segment read something, or what follows it, as micromatch's (?=.): %j on %j → %j", (pattern, input, expected) => {
    expect(compileGlob(pattern)(input)).toBe(expected);
  });

  it("reads a leading ! literally, leaving negation to the URL matcher", () => {
    expect(compileGlob("!a")("!a")).toBe(true);
    expect(compileGlob("!a")("b")).toBe(false);
  });

  it("reads . and .. segments as ordinary names (picomatch would refuse them to * and **)", () => {
    expect(compileGlob("/a/*")("/a/..")).toBe(true);
    expect(compileGlob("/a/**")("/a/./b")).toBe(true);
  });

  it("throws on a glob checkGlob refuses", () => {
    expect(() => compileGlob("a/!(b)")).toThrow(/not supported/);
  });
});

describe("compileGlob on hostile pages", () => {
  // Each of these took seconds with a backtracking RegExp (issue 9); the automaton reads the page once.
  it("decides /a/**/b/**/c on a 100 kB page of b/ segments", () => {
    const matches = compileGlob("/a/**/b/**/c");
    expect(matches(`/a/${"b/".repeat(50_000)}`)).toBe(false);
    expect(matches(`/a/${"b/".repeat(50_000)}c`)).toBe(true);
  });

  it("decides /*-* on a 100 kB segment of dashes", () => {
    const matches = compileGlob("/*-*");
    expect(matches(`/${"-".repeat(100_000)}/x`)).toBe(false);
    expect(matches(`/${"-".repeat(100_000)}`)).toBe(true);
  });

  it("decides /+(a*)x on runs of a", () => {
    const matches = compileGlob("/+(a*)x");
    expect(matches(`/${"a".repeat(30)}`)).toBe(false);
    expect(matches(`/${"a".repeat(8192)}`)).toBe(false);
    expect(matches(`/${"a".repeat(8192)}x`)).toBe(true);
  });

  it("decides *a*a*a*b as a host glob on a long host", () => {
    const pattern = compileUrlPattern("*a*a*a*b/x");
    const host = "a".repeat(8192);
    expect(pattern.kind === "page" && pattern.test({ hostPath: `${host}/x`, path: "/x", host })).toBe(false);
    expect(pattern.kind === "page" && pattern.test({ hostPath: `${host}b/x`, path: "/x", host: `${host}b` })).toBe(true);
  });
});

describe("checkGlob", () => {
  it("accepts the usual globs", () => {
    expect(checkGlob("shop.example.com/strategy/*")).toBeNull();
    expect(checkGlob("/docs/{guide,api}/**")).toBeNull();
    expect(checkGlob("/+(a*)x")).toBeNull();
  });

  it.each([
    ["shop.example.com/[a", /Missing closing: "\]"/],
    ["shop.example.com/(a", /Missing closing: "\)"/],
    ["shop.example.com/{a", /Missing closing: "\}"/],
    ["shop.example.com/a)", /Missing opening: "\("/],
    ["/a/!(b)", /!\(…\) extglobs are not supported/],
    ["/page-{1..10}", /ranges in braces are not supported/],
    ["/[c-a]", /out of order/],
    ["/[[:nothing:]]", /unknown character class/],
    ["   ", /empty/],
  ])("refuses %j", (pattern, message) => {
    expect(checkGlob(pattern)).toMatch(message);
  });

  it(`refuses a glob longer than ${MAX_GLOB_LENGTH} characters`, () => {
    expect(checkGlob(`/${"a".repeat(MAX_GLOB_LENGTH - 1)}`)).toBeNull();
    expect(checkGlob(`/${"a".repeat(MAX_GLOB_LENGTH)}`)).toMatch(/longer than 1024/);
  });

  it("accepts a one-character brace range, as a class", () => {
    expect(checkGlob("/v{1..3}")).toBeNull();
    expect(compileGlob("/v{1..3}")("/v2")).toBe(true);
    expect(compileGlob("/v{1..3}")("/v4")).toBe(false);
  });
});
