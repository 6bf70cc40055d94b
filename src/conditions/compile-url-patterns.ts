import { compileUrlPattern, type CompiledUrlPattern } from "./compile-url-pattern.js";
import type { PageUrl } from "./normalize-page.js";

/** An invitation's `urls` list, compiled once at `compile` and applied with `matchUrl`. */
export interface UrlMatcher {
  /** A positive `*` or `**`: every page matches, even a missing one (LHC's global fallback). */
  readonly matchesAll: boolean;
  /** A negated `*` or `**`: no page matches. */
  readonly excludesAll: boolean;
  /** Only exclusions were listed: every page they do not exclude matches. */
  readonly onlyExclusions: boolean;
  readonly include: readonly ((page: PageUrl) => boolean)[];
  readonly exclude: readonly ((page: PageUrl) => boolean)[];
  /**
   * The only hosts a matching page can have, when every positive pattern names its host literally; `null` when any
   * host may match (a path-only pattern, a glob in the host, `*`, or only exclusions). Lets an index skip the
   * invitation for visitors elsewhere without running a glob.
   */
  readonly hosts: readonly string[] | null;
  /**
   * Likewise the only first path segments a matching page can have (`""`: the home page), when every positive
   * pattern writes its first segment out; `null` when it could be anything.
   */
  readonly segments: readonly string[] | null;
}

/**
 * Compiles an invitation's `urls` (SPEC §4.3). Returns `null` for an empty list, which means every page. A page
 * matches when it matches at least one positive pattern (or only negated patterns were given) and no `!` pattern.
 * `compilePattern` lets a caller compiling many lists share the compiled patterns they have in common.
 *
 * @example
 * const matcher = compileUrlPatterns(["shop.example.com/strategy/*", "!shop.example.com/strategy/internal/*"])!;
 * matchUrl(matcher, normalizePage("https://shop.example.com/strategy/a/b"))    // => true
 * matchUrl(matcher, normalizePage("https://shop.example.com/strategy/internal")) // => false
 * compileUrlPatterns([]) // => null
 */
export function compileUrlPatterns(
  patterns: readonly string[],
  compilePattern: (pattern: string) => CompiledUrlPattern = compileUrlPattern,
): UrlMatcher | null {
  if (patterns.length === 0) return null;
  const compiled = patterns.map((pattern) => compilePattern(pattern));
  const positive = compiled.filter((p) => !p.negated);
  const negative = compiled.filter((p) => p.negated);
  return {
    matchesAll: positive.some((p) => p.kind === "all"),
    excludesAll: negative.some((p) => p.kind === "all"),
    onlyExclusions: positive.length === 0,
    include: pageTests(positive),
    exclude: pageTests(negative),
    hosts: required(positive, "host"),
    segments: required(positive, "segment"),
  };
}

/** The values of `part` every positive pattern requires, or `null` when one of them accepts any. */
function required(positive: readonly CompiledUrlPattern[], part: "host" | "segment"): string[] | null {
  if (positive.length === 0) return null;
  const values = new Set<string>();
  for (const p of positive) {
    if (p.kind === "all") return null;
    if (p.kind === "page") {
      const value = p[part];
      if (value === null) return null;
      values.add(value);
    }
  }
  return [...values];
}

function pageTests(patterns: readonly CompiledUrlPattern[]): ((page: PageUrl) => boolean)[] {
  return patterns.flatMap((p) => (p.kind === "page" ? [p.test] : []));
}
