// `host/*`, the commonest URL pattern, is compiled by literalHostPattern without reading it as a URL or a glob. These
// laws hold it to the general path (the same pattern written with a scheme, which the shortcut does not take) and to
// the README's rule: the host itself and every page below it.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileUrlPattern } from "../../src/conditions/compile-url-pattern.js";
import { compileUrlPatterns } from "../../src/conditions/compile-url-patterns.js";
import { literalHostPattern } from "../../src/conditions/literal-host-pattern.js";
import { matchUrl } from "../../src/conditions/match-url.js";
import { normalizePage } from "../../src/conditions/normalize-page.js";

const labelArb = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,6}[a-z0-9])?$/);
const hostArb = fc.array(labelArb, { minLength: 1, maxLength: 4 }).map((labels) => labels.join("."));

/** Pages on, below, beside and around a host. */
function pagesNear(host: string, other: string): string[] {
  return [
    host, `${host}/`, `https://${host}/a/b?q=1#f`, `//${host}/x`, `${host}x/`, `${host}.evil.com/`, `${host}-a/`,
    `x${host}/`, `${host.slice(0, -1)}/`, `${other}/`, `${other}/${host}/`, `/${host}`, `${host.toUpperCase()}/a`, "",
  ];
}

describe("literalHostPattern (properties)", () => {
  it("compiles host/* as the general path compiles it: same index keys, same answer for every page", () => {
    fc.assert(
      fc.property(hostArb, hostArb, fc.boolean(), (host, other, negated) => {
        const bang = negated ? "!" : "";
        const quick = compileUrlPattern(`${bang}${host}/*`);
        const general = compileUrlPattern(`${bang}https://${host}/*`);
        expect(literalHostPattern(`${host}/*`, negated)).not.toBeNull();
        expect(quick.kind).toBe("page");
        if (quick.kind !== "page" || general.kind !== "page") throw new Error("not a page pattern");
        expect([quick.negated, quick.host, quick.segment]).toEqual([general.negated, general.host, general.segment]);
        for (const url of pagesNear(host, other)) {
          const page = normalizePage(url);
          if (page === null) continue;
          expect(quick.test(page)).toBe(general.test(page));
        }
      }),
      { numRuns: 500 },
    );
  });

  it("matches exactly the host's pages: the host itself and every path below it", () => {
    fc.assert(
      fc.property(hostArb, hostArb, (host, other) => {
        const matcher = compileUrlPatterns([`${host}/*`]);
        if (matcher === null) throw new Error("no matcher");
        for (const url of pagesNear(host, other)) {
          const page = normalizePage(url);
          const onHost = page !== null && (page.hostPath === `${host}/` || page.hostPath.startsWith(`${host}/`));
          expect(matchUrl(matcher, page)).toBe(onHost);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("leaves every other body to the general path", () => {
    for (const body of ["Shop.example.com/*", "/docs/*", "a./*", ".a/*", "a/b/*", "a/**", "a*/*", "a/*x", "a", "a/", "https://a/*", "a:80/*", "[a]/*"]) {
      expect(literalHostPattern(body, false)).toBeNull();
    }
  });
});
