import type { UrlMatcher } from "./compile-url-patterns.js";
import type { PageUrl } from "./normalize-page.js";

/**
 * Tells whether a visitor's page (from `normalizePage`, once per visitor) satisfies an invitation's compiled `urls`.
 * No page only matches a list holding `*` or `**`.
 *
 * @example
 * const matcher = compileUrlPatterns(["/pricing", "!/pricing/internal"])!;
 * matchUrl(matcher, normalizePage("https://shop.example.com/pricing/")) // => true
 * matchUrl(matcher, null)                                               // => false
 */
export function matchUrl(matcher: UrlMatcher, page: PageUrl | null): boolean {
  if (matcher.excludesAll) return false;
  if (page === null) return matcher.matchesAll;
  if (matcher.exclude.some((test) => test(page))) return false;
  return matcher.matchesAll || matcher.onlyExclusions || matcher.include.some((test) => test(page));
}
