import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { extractHost } from "../../src/conditions/extract-host.js";

/**
 * The oracle: the definition written with regular expressions, step by step as docs/semantics.md's "Referrer" says it (scheme
 * or `//` removed, host up to the first `/`, `?` or `#`, credentials and port dropped, trimmed and lower-cased, one
 * `www.` removed). extractHost scans by hand and must read every value the same.
 */
function oracleHost(value: string): string {
  const rest = value.trim().replace(/^(?:[a-z][a-z0-9+.-]*:\/\/|\/\/)/i, "");
  const end = rest.search(/[/?#]/);
  const authority = end === -1 ? rest : rest.slice(0, end);
  const host = authority.slice(authority.lastIndexOf("@") + 1).replace(/:\d*$/, "").trim().toLowerCase();
  return host.startsWith("www.") ? host.slice(4) : host;
}

// Values made of the characters that matter to the scan, with schemes and hosts mixed in.
const pieceArb = fc.constantFrom("https://", "//", "http:/", "a+b-c.d://", "www.", "WWW.", "Www.", "@", ":", ":80", ":8a", "/", "?", "#", " ", "\t", "google", "Ä", "İ", "0", "9", "x:y@", "[::1]", ".");
const valueArb = fc.oneof(fc.array(pieceArb, { maxLength: 10 }).map((parts) => parts.join("")), fc.string({ maxLength: 20 }));

describe("extractHost", () => {
  it("reads every value as the regular-expression definition does", () => {
    fc.assert(fc.property(valueArb, (value) => {
        expect(extractHost(value)).toBe(oracleHost(value));
      }), { numRuns: 5_000 });
  });
});
