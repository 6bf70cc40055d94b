import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizePage, type PageUrl } from "../../src/conditions/normalize-page.js";

/** The oracle: docs/semantics.md's "URL patterns" normalisation written with regular expressions and string methods. */
function oraclePage(url: string): PageUrl | null {
  const s = url.trim();
  if (s === "") return null;
  const pathOnly = s.startsWith("/") && !s.startsWith("//");
  const rest = pathOnly ? s : s.replace(/^(?:[a-z][a-z0-9+.-]*:\/\/|\/\/)/i, "");
  const main = rest.split(/[?#]/)[0] ?? "";
  const slash = main.indexOf("/");
  const authority = slash === -1 ? main : main.slice(0, slash);
  const host = authority.slice(authority.lastIndexOf("@") + 1).toLowerCase();
  if (slash === -1) return { hostPath: `${host}/`, path: "/", host };
  let path = main.slice(slash);
  while (path.length > 1 && path.endsWith("/")) path = path.slice(0, -1);
  return { hostPath: host + path, path, host };
}

const pieceArb = fc.constantFrom("https://", "//", "/", "?", "#", "@", ":8080", "Shop.", "example.com", "EXAMPLE", "İ", "ß", "Ä", "pricing", "Pricing", "a", " ", "user:pw@");
const urlArb = fc.oneof(fc.array(pieceArb, { maxLength: 9 }).map((parts) => parts.join("")), fc.string({ maxLength: 16 }));

describe("normalizePage", () => {
  it("normalises every URL as the string-method definition does (host lower-cased only when it has to be)", () => {
    fc.assert(
      fc.property(urlArb, (url) => {
        expect(normalizePage(url)).toEqual(oraclePage(url));
      }),
      { numRuns: 5_000 },
    );
  });
});
