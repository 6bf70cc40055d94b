import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileAttributeCondition } from "../../src/conditions/compile-attribute-condition.js";
import { compileLike } from "../../src/conditions/compile-like.js";
import { compileUrlPatterns } from "../../src/conditions/compile-url-patterns.js";
import { matchLike } from "../../src/conditions/match-like.js";
import { matchUrl } from "../../src/conditions/match-url.js";
import { nextAttributeChange } from "../../src/conditions/next-attribute-change.js";
import { normalizePage } from "../../src/conditions/normalize-page.js";
import { testAttribute } from "../../src/conditions/test-attribute.js";
import type { AttributeCondition } from "../../src/types.js";
import {
  attributeConditionArb,
  attributesArb,
  likeTextArb,
  literalPageAndPrefixArb,
  movingComparisonArb,
  scalarArb,
  urlWithHostArb,
} from "./arbitraries/conditions.js";

const OPPOSITE = { eq: "neq", contains: "notContains", in: "notIn", like: "notLike" } as const;
const UNREADABLE_KEYS = ["__proto__", "constructor", "prototype"];

describe("standard conditions", () => {
  it("matchLike never throws and returns a boolean for any value and text", () => {
    fc.assert(
      fc.property(likeTextArb, likeTextArb, (value, text) => {
        expect(typeof matchLike(compileLike(value), text)).toBe("boolean");
      }),
    );
  });

  it("testAttribute never throws and returns a boolean for any condition, attributes and instant", () => {
    fc.assert(
      fc.property(attributeConditionArb, attributesArb, fc.double(), (condition, attributes, nowMs) => {
        expect(typeof testAttribute(compileAttributeCondition(condition), attributes, nowMs)).toBe("boolean");
      }),
    );
  });

  it("a negated operator is the opposite of its positive one whenever the key is present", () => {
    // The key is always put in the attributes with a value (keys that reach Object.prototype never resolve, and null
    // counts as missing), so every sample reaches the law; the count proves it.
    const withKey = fc
      .tuple(
        attributeConditionArb.filter((condition) => condition.op in OPPOSITE && !UNREADABLE_KEYS.includes(condition.key)),
        attributesArb,
        scalarArb,
      )
      .map(([condition, attributes, value]) => ({ condition, attributes: { ...attributes, [condition.key]: value } }));
    let reached = 0;
    let runs = 0;
    fc.assert(
      fc.property(withKey, ({ condition, attributes }) => {
        runs++;
        const exists = compileAttributeCondition({ key: condition.key, op: "exists" });
        fc.pre(testAttribute(exists, attributes, 0));
        reached++;
        const negated = { ...condition, op: OPPOSITE[condition.op as keyof typeof OPPOSITE] } as AttributeCondition;
        const positive = testAttribute(compileAttributeCondition(condition), attributes, 0);
        expect(testAttribute(compileAttributeCondition(negated), attributes, 0)).toBe(!positive);
      }),
    );
    expect(reached).toBe(runs);
  });

  it("normalizePage is idempotent on its host/path form for URLs with a host", () => {
    fc.assert(
      fc.property(urlWithHostArb, (url) => {
        const page = normalizePage(url);
        expect(page).not.toBeNull();
        expect(normalizePage(page!.hostPath)).toEqual(page);
      }),
    );
  });

  it("normalizePage agrees with a naive regex-based normaliser on any URL-like text", () => {
    const urlish = fc.stringMatching(/^[ \t]?(?:[a-zA-Z][a-zA-Z0-9+.-]*:)?\/{0,3}[a-zA-Z0-9.:@/?#%=&-]{0,24}[ ]?$/);
    fc.assert(
      fc.property(fc.oneof(urlish, urlWithHostArb, fc.string()), (url) => {
        expect(normalizePage(url)).toEqual(naiveNormalizePage(url));
      }),
    );
  });

  it("normalizePage is idempotent on its path form", () => {
    fc.assert(
      fc.property(urlWithHostArb, (url) => {
        const path = normalizePage(url)!.path;
        expect(normalizePage(path)).toEqual({ hostPath: path, path, host: "" });
      }),
    );
  });

  it("a literal pattern ending in * matches exactly the pages starting with it (LHC), or its folder itself", () => {
    fc.assert(
      fc.property(literalPageAndPrefixArb, ({ page, prefix }) => {
        const matcher = compileUrlPatterns([`${prefix}*`])!;
        const folder = prefix.endsWith("/") ? prefix.slice(0, -1) : null;
        for (const candidate of [page, folder ?? page, `${page}x`, `x${page}`]) {
          const normalized = normalizePage(candidate);
          const expected = normalized!.hostPath.startsWith(prefix) || normalized!.hostPath === folder;
          expect(matchUrl(matcher, normalized)).toBe(expected);
        }
      }),
    );
  });

  it("nextAttributeChange is exact: the answer flips there and at no sampled instant before", () => {
    const fractionsArb = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 8 });
    fc.assert(
      fc.property(movingComparisonArb, fractionsArb, (c, fractions) => {
        const condition = compileAttributeCondition(c.condition);
        const initial = testAttribute(condition, c.attributes, c.nowMs);
        const at = nextAttributeChange(condition, c.attributes, c.nowMs);
        const first = Math.floor(c.nowMs) + 1;
        const end = at ?? first + 1e13;
        if (at !== null) {
          expect(Number.isInteger(at) && at > c.nowMs).toBe(true);
          expect(testAttribute(condition, c.attributes, at)).not.toBe(initial);
        }
        const samples = [end - 1, ...fractions.map((f) => first + Math.floor(f * (end - first)))];
        for (const t of samples.filter((s) => s > c.nowMs && s < end)) {
          expect(testAttribute(condition, c.attributes, t)).toBe(initial);
        }
      }),
    );
  });
});

/** The obvious way to normalise a page (docs/semantics.md: URL patterns), kept as the oracle of the hand-scanned `normalizePage`. */
function naiveNormalizePage(url: string): { hostPath: string; path: string; host: string } | null {
  const trimmed = url.trim();
  if (trimmed === "") return null;
  const pathOnly = trimmed.startsWith("/") && !trimmed.startsWith("//");
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(trimmed);
  const rest = pathOnly ? trimmed : scheme !== null ? trimmed.slice(scheme[0].length) : trimmed.startsWith("//") ? trimmed.slice(2) : trimmed;
  const end = rest.search(/[?#]/);
  const beforeQuery = end === -1 ? rest : rest.slice(0, end);
  const slash = beforeQuery.indexOf("/");
  const authority = slash === -1 ? beforeQuery : beforeQuery.slice(0, slash);
  const rawPath = slash === -1 ? "" : beforeQuery.slice(slash);
  const path = rawPath === "" ? "/" : rawPath.replace(/(?<=.)\/+$/, "");
  const host = authority.slice(authority.lastIndexOf("@") + 1).toLowerCase();
  return { hostPath: host + path, path, host };
}
