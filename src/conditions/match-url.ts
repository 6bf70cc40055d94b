import type { PageCheck, UrlMatcher } from "./compile-url-patterns.js";
import { isOnHost } from "./is-on-host.js";
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
  // Indexed loops, not `some` with a callback: this runs for every candidate with URLs in every evaluation.
  const { exclude, include } = matcher;
  for (let i = 0; i < exclude.length; i++) if (passes(exclude[i] as PageCheck, page)) return false;
  if (matcher.matchesAll || matcher.onlyExclusions) return true;
  for (let i = 0; i < include.length; i++) if (passes(include[i] as PageCheck, page)) return true;
  return false;
}

function passes(check: PageCheck, page: PageUrl): boolean {
  return typeof check === "string" ? isOnHost(check, page.hostPath) : check(page);
}
