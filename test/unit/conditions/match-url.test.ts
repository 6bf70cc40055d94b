import { describe, expect, it } from "vitest";
import { compileUrlPatterns } from "../../../src/conditions/compile-url-patterns.js";
import { matchUrl } from "../../../src/conditions/match-url.js";
import { normalizePage } from "../../../src/conditions/normalize-page.js";

function matches(patterns: string[], url: string): boolean {
  const matcher = compileUrlPatterns(patterns);
  if (matcher === null) throw new Error("expected a matcher");
  return matchUrl(matcher, normalizePage(url));
}

describe("compileUrlPatterns", () => {
  it("returns null for an empty list, which means every page", () => {
    expect(compileUrlPatterns([])).toBeNull();
  });

  it("returns a matcher for a non-empty list", () => {
    expect(compileUrlPatterns(["*"])).not.toBeNull();
  });
});

describe("matchUrl", () => {
  describe("the global * fallback", () => {
    it.each(["*", "**", " * "])("matches every page with %j", (pattern) => {
      expect(matches([pattern], "https://shop.example.com/any/page?x=1")).toBe(true);
      expect(matches([pattern], "/just/a/path")).toBe(true);
    });

    it.each(["", "   "])("matches a missing page %j with *", (url) => {
      expect(matches(["*"], url)).toBe(true);
    });

    it("matches no page at all (null) only when * or ** is listed", () => {
      expect(matchUrl(compileUrlPatterns(["*"])!, null)).toBe(true);
      expect(matchUrl(compileUrlPatterns(["**"])!, null)).toBe(true);
      expect(matchUrl(compileUrlPatterns(["shop.example.com/*"])!, null)).toBe(false);
      expect(matchUrl(compileUrlPatterns(["!/admin"])!, null)).toBe(false);
    });
  });

  describe("a pattern ending in *", () => {
    const strategy = ["shop.example.com/strategy/*"];
    it.each([
      ["https://shop.example.com/strategy/a", true],
      ["https://shop.example.com/strategy/a/b", true],
      ["https://shop.example.com/strategy/", true],
      ["https://shop.example.com/strategy", true],
      ["https://shop.example.com/strategy-2026", false],
      ["https://shop.example.com/pricing", false],
      ["https://other.example.com/strategy/a", false],
    ])("shop.example.com/strategy/* against %j → %j", (url, expected) => {
      expect(matches(strategy, url)).toBe(expected);
    });

    it.each([
      ["https://shop.example.com/strategy", true],
      ["https://shop.example.com/strategy-2026/plans", true],
      ["https://shop.example.com/strat", false],
    ])("shop.example.com/strategy* against %j → %j (starts with)", (url, expected) => {
      expect(matches(["shop.example.com/strategy*"], url)).toBe(expected);
    });

    it("matches every page of a host with host/*, the home page included", () => {
      expect(matches(["shop.example.com/*"], "https://shop.example.com")).toBe(true);
      expect(matches(["shop.example.com/*"], "https://shop.example.com/a/b/c")).toBe(true);
    });

    it("matches every path with /*, the root included", () => {
      expect(matches(["/*"], "https://shop.example.com/")).toBe(true);
      expect(matches(["/*"], "https://shop.example.com/a/b")).toBe(true);
    });
  });

  describe("exact patterns", () => {
    it("matches only the page itself", () => {
      expect(matches(["shop.example.com/pricing"], "https://shop.example.com/pricing")).toBe(true);
      expect(matches(["shop.example.com/pricing"], "https://shop.example.com/pricing/")).toBe(true);
      expect(matches(["shop.example.com/pricing"], "https://shop.example.com/pricing/team")).toBe(false);
    });

    it("ignores the visitor's query string and fragment", () => {
      expect(matches(["shop.example.com/pricing"], "shop.example.com/pricing?utm=x#plans")).toBe(true);
    });

    it("reads a host without path as the home page", () => {
      expect(matches(["example.com"], "https://example.com/")).toBe(true);
      expect(matches(["example.com"], "https://example.com/a")).toBe(false);
    });

    it("compares hosts case-insensitively and paths case-sensitively", () => {
      expect(matches(["Shop.Example.com/pricing"], "https://SHOP.example.com/pricing")).toBe(true);
      expect(matches(["shop.example.com/Pricing"], "https://shop.example.com/pricing")).toBe(false);
      expect(matches(["/Pricing"], "https://shop.example.com/pricing")).toBe(false);
    });

    it("keeps the port as part of the host", () => {
      expect(matches(["localhost:3000/*"], "http://localhost:3000/cart")).toBe(true);
      expect(matches(["localhost:3000/*"], "http://localhost:4000/cart")).toBe(false);
    });
  });

  describe("path-only patterns", () => {
    it.each([
      ["https://shop.example.com/pricing", true],
      ["https://other.example.org/pricing/", true],
      ["/pricing", true],
      ["https://shop.example.com/pricing/team", false],
      ["https://shop.example.com/", false],
    ])("/pricing against %j → %j", (url, expected) => {
      expect(matches(["/pricing"], url)).toBe(expected);
    });

    it("matches the home page with /", () => {
      expect(matches(["/"], "https://shop.example.com")).toBe(true);
      expect(matches(["/"], "https://shop.example.com/a")).toBe(false);
    });

    it("matches below a path with /docs/*", () => {
      expect(matches(["/docs/*"], "https://a.example.com/docs")).toBe(true);
      expect(matches(["/docs/*"], "https://b.example.com/docs/guide/setup")).toBe(true);
      expect(matches(["/docs/*"], "https://b.example.com/blog")).toBe(false);
    });

    it("does not let a host pattern match a visitor page given as a path only", () => {
      expect(matches(["shop.example.com/pricing"], "/pricing")).toBe(false);
    });
  });

  describe("trimming and pasted URLs", () => {
    it.each(["  shop.example.com/pricing  ", "\tshop.example.com/pricing\n"])("trims %j", (pattern) => {
      expect(matches([pattern], "https://shop.example.com/pricing")).toBe(true);
    });

    it.each([
      "https://shop.example.com/pricing",
      "http://shop.example.com/pricing/",
      "//shop.example.com/pricing",
      "HTTPS://SHOP.EXAMPLE.COM/pricing",
      "https://shop.example.com/pricing#plans",
    ])("reads the pasted URL %j as host/path", (pattern) => {
      expect(matches([pattern], "shop.example.com/pricing")).toBe(true);
    });

    it("matches a pasted URL with a trailing * below it", () => {
      expect(matches(["https://shop.example.com/strategy/*"], "//shop.example.com/strategy/a/b")).toBe(true);
    });
  });

  describe("globs", () => {
    it.each([
      ["*.example.com/pricing", "https://shop.example.com/pricing", true],
      ["*.example.com/pricing", "https://example.com/pricing", false],
      ["shop.example.com/{pricing,plans}", "https://shop.example.com/plans", true],
      ["shop.example.com/{pricing,plans}", "https://shop.example.com/team", false],
      ["shop.example.com/product-[0-9]", "https://shop.example.com/product-7", true],
      ["shop.example.com/**/checkout", "https://shop.example.com/eu/de/checkout", true],
      ["shop.example.com/*/checkout", "https://shop.example.com/eu/de/checkout", false],
    ])("%j against %j → %j", (pattern, url, expected) => {
      expect(matches([pattern], url)).toBe(expected);
    });

    it("reads ? as the single-character wildcard, never as a query string", () => {
      expect(matches(["shop.example.com/p?ge"], "https://shop.example.com/page")).toBe(true);
      expect(matches(["shop.example.com/search?q=shoes"], "https://shop.example.com/search?q=shoes")).toBe(false);
    });
  });

  describe("several patterns", () => {
    it("matches when any positive pattern matches", () => {
      const patterns = ["/pricing", "shop.example.com/strategy/*"];
      expect(matches(patterns, "https://shop.example.com/strategy/a")).toBe(true);
      expect(matches(patterns, "https://x.example.com/pricing")).toBe(true);
      expect(matches(patterns, "https://shop.example.com/team")).toBe(false);
    });
  });

  describe("negation", () => {
    const patterns = ["shop.example.com/*", "!shop.example.com/checkout/*"];
    it.each([
      ["https://shop.example.com/pricing", true],
      ["https://shop.example.com/checkout", false],
      ["https://shop.example.com/checkout/pay", false],
      ["https://other.example.com/pricing", false],
    ])("shop pages except checkout: %j → %j", (url, expected) => {
      expect(matches(patterns, url)).toBe(expected);
    });

    it("matches every page not excluded when only negated patterns are listed", () => {
      expect(matches(["!/admin/*"], "https://shop.example.com/pricing")).toBe(true);
      expect(matches(["!/admin/*"], "https://shop.example.com/admin/users")).toBe(false);
    });

    it("lets an exclusion win over the global *", () => {
      expect(matches(["*", "!/admin/*"], "https://shop.example.com/admin")).toBe(false);
      expect(matches(["*", "!/admin/*"], "https://shop.example.com/")).toBe(true);
    });

    it("matches nothing with !*, not even a missing page", () => {
      expect(matches(["*", "!*"], "https://shop.example.com/")).toBe(false);
      expect(matchUrl(compileUrlPatterns(["*", "!*"])!, null)).toBe(false);
    });

    it("trims after the !", () => {
      expect(matches(["*", "! /admin"], "https://shop.example.com/admin")).toBe(false);
    });
  });

  describe("unusable patterns", () => {
    it.each([[[""]], [["   "]], [["!"]]])("fails closed for %j", (patterns) => {
      expect(matches(patterns, "https://shop.example.com/")).toBe(false);
    });
  });
});
