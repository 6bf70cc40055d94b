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
  readonly include: readonly PageCheck[];
  readonly exclude: readonly PageCheck[];
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
 * A test of a page, or a host standing for "the host and every page on it" (`host/*`, see `isOnHost`): a set naming
 * 100 000 hosts keeps 100 000 texts it holds anyway, not as many closures and the contexts they keep.
 */
export type PageCheck = ((page: PageUrl) => boolean) | string;

/**
 * Compiles an invitation's `urls` (docs/semantics.md: URL patterns). Returns `null` for an empty list, which means every page. A page
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
  let include: PageCheck[] = NONE;
  let exclude: PageCheck[] = NONE;
  let matchesAll = false;
  let excludesAll = false;
  let positives = 0;
  // The hosts and first segments every positive pattern requires; `null` once one of them accepts any.
  let hosts: string[] | null = NONE;
  let segments: string[] | null = NONE;
  for (let i = 0; i < patterns.length; i++) {
    const p = compilePattern(patterns[i] as string);
    if (p.negated) {
      if (p.kind === "all") excludesAll = true;
      else if (p.kind === "page") exclude = added(exclude, p.below ?? p.test);
      continue;
    }
    positives += 1;
    if (p.kind === "all") {
      matchesAll = true;
      hosts = segments = null;
    } else if (p.kind === "page") {
      include = added(include, p.below ?? p.test);
      hosts = required(hosts, p.host);
      segments = required(segments, p.segment);
    }
  }
  const onlyExclusions = positives === 0;
  return {
    matchesAll,
    excludesAll,
    onlyExclusions,
    include: fitted(include),
    exclude: fitted(exclude),
    hosts: onlyExclusions || hosts === null ? null : sameOrFitted(hosts, include),
    segments: onlyExclusions || segments === null ? null : fitted(segments),
  };
}

// Shared by every matcher with an empty list, and never written to: `added` replaces it.
const NONE: never[] = [];

/**
 * `list` with `value` at its end. A list starts as a literal of one, its exact size (nearly every list stays that
 * short); a longer one grows by `push`, which leaves room for 16 items, so {@link fitted} copies it to its length.
 */
function added<T>(list: T[], value: T): T[] {
  if (list.length === 0) return [value];
  list.push(value);
  return list;
}

function fitted<T>(list: T[]): readonly T[] {
  return list.length > 1 ? list.slice() : list;
}

/** The hosts as {@link fitted} would give them, or `include` itself when it holds just the one host (`["a.com/*"]`). */
function sameOrFitted(hosts: string[], include: readonly PageCheck[]): readonly string[] {
  return hosts.length === 1 && include.length === 1 && include[0] === hosts[0] ? (include as readonly string[]) : fitted(hosts);
}

/** `values` with `value` added once, or `null` when either says any value will do. */
function required(values: string[] | null, value: string | null): string[] | null {
  if (values === null || value === null) return null;
  return values.includes(value) ? values : added(values, value);
}
