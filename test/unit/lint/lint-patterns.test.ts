import { describe, expect, it } from "vitest";
import { compile, evaluate } from "../../../src/index.js";
import { lintPatterns } from "../../../src/lint/lint-patterns.js";
import type { AttributeCondition, Invitation } from "../../../src/types.js";

const found = (urls: string[], attributes?: AttributeCondition[]) =>
  lintPatterns([{ id: "a", message: "Hi", urls, ...(attributes === undefined ? {} : { attributes }) }]).map((f) => [f.code, f.path]);

describe("lintPatterns", () => {
  it("finds a pattern that wants what no page keeps: a literal query mark, an upper-case host letter", () => {
    expect(found(["/search[?]q=*"])).toEqual([["url_pattern_matches_nothing", [0, "urls", 0]], ["url_matches_nothing", [0, "urls"]]]);
    expect(found(["/pricing", "/search[?]q=*"])).toEqual([["url_pattern_matches_nothing", [0, "urls", 1]]]);
    expect(found(["*[[:upper:]].example.com/x"])).toEqual([["url_pattern_matches_nothing", [0, "urls", 0]], ["url_matches_nothing", [0, "urls"]]]);
  });

  it("keeps patterns that some page matches: a ? wildcard, a trailing slash, a pasted fragment, an upper-case path", () => {
    expect(found(["/pricing?plan", "/docs/", "https://Example.com/x#top", "/Docs/[A-Z]*", "example.com", "/"])).toEqual([]);
  });

  it("finds a list that matches no page as a whole: !*, every pattern also excluded, every pattern dead", () => {
    expect(found(["!*"])).toEqual([["url_matches_nothing", [0, "urls"]]]);
    expect(found(["/pricing", " ! /pricing"])).toEqual([["url_matches_nothing", [0, "urls"]]]);
    expect(found(["/pricing", "/docs", "!/pricing"])).toEqual([]);
    expect(found(["!/pricing"])).toEqual([]);
    expect(found(["*", "!/pricing"])).toEqual([]);
  });

  it("agrees with evaluation: the pages the vocabulary offers never match a list it calls dead", () => {
    const pages = ["https://example.com/search?q=x", "/search?q=1", "/search", "https://example.com/a#b", "EXAMPLE.com/x", "/"];
    for (const urls of [["/search[?]q=*"], ["*[[:upper:]].example.com/*"], ["/pricing", "!/pricing"]]) {
      const ruleset = compile([{ id: "a", message: "Hi", urls }]);
      for (const url of pages) expect(evaluate(ruleset, { id: "v", url }, 0).status).toBe("none");
    }
  });

  it("measures a pattern by its worst case, as parsing does: slow past half the 1 ms a pattern may cost", () => {
    // `/*a` then n `?`: a DFA of 2^(n+1) states, so a hostile URL keeps the matcher simulating its NFA.
    expect(found([`/*a${"?".repeat(10)}`])).toEqual([]);
    const slow = lintPatterns([{ id: "a", message: "Hi", urls: [`/*a${"?".repeat(100)}`] }]);
    expect(slow.map((f) => [f.code, f.path])).toEqual([["slow_pattern", [0, "urls", 0]]]);
    expect(slow[0]?.message).toMatch(/^its matcher may cost about 0\.\d ms per call on a 8192-character URL/);
    // Many states, but a small DFA: one table lookup per character, whatever the page.
    expect(found(["**/*{checkout,cart,basket,payment,order,confirm,thank-you,receipt}*/**", "/products/*/reviews/**"])).toEqual([]);
    expect(found([], [{ key: "q", op: "regex", value: "a[ab]{1000}c" }])).toEqual([]);
    expect(found([], [{ key: "q", op: "regex", value: "a[ab]{2000}c" }])).toEqual([["slow_pattern", [0, "attributes", 0, "value"]]]);
  });

  it("says nothing of invitations without URLs or regexes, and nothing twice for a repeated pattern", () => {
    const set: Invitation[] = [{ id: "a", message: "Hi" }, { id: "b", message: "Hi", urls: ["!*"] }, { id: "c", message: "Hi", urls: ["!*"] }];
    expect(lintPatterns(set).map((f) => f.path)).toEqual([[1, "urls"], [2, "urls"]]);
  });
});
