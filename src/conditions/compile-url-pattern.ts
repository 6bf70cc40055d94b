import { literalGlobTest } from "./literal-glob-test.js";
import { literalHostPattern } from "./literal-host-pattern.js";
import type { PageUrl } from "./normalize-page.js";
import { stripScheme } from "./strip-scheme.js";
import { compileGlob, widenedGlobs } from "./url-glob.js";

export { widenedGlobs } from "./url-glob.js";

/** One configured URL pattern, ready to test pages. */
export type CompiledUrlPattern =
  | { negated: boolean; kind: "all" }
  | { negated: boolean; kind: "none" }
  | {
      negated: boolean;
      kind: "page";
      test: (page: PageUrl) => boolean;
      /** The host a matching page must have, when the pattern writes it out (`null`: any host). */
      host: string | null;
      /** The first path segment a matching page must have, when written out (`null`: any; `""`: the home page). */
      segment: string | null;
      /** The host, when the pattern is that host and every page on it (`host/*`): a list may keep it in place of `test`. */
      below?: string;
    };

const ALL_STARS = /^\*+$/;
const GLOB_CHARS = /[*?[\]{}()!+@\\]/;
const SLASH = 0x2f;

/**
 * Compiles one URL pattern (docs/semantics.md: URL patterns): trimmed; a leading `!` marks an exclusion; `*` or `**` alone is every page; a
 * pattern starting with a single `/` tests the path, any other the `host/path` (scheme, `//` and `#fragment` removed,
 * host lower-cased, trailing `/` dropped as pages are). A pattern ending in `*` also matches everything below it.
 * A `?` stays the glob single-character wildcard: query strings never take part in matching.
 *
 * @example
 * const pattern = compileUrlPattern("https://Shop.Example.com/strategy/*");
 * const page = { hostPath: "shop.example.com/strategy/a/b", path: "/strategy/a/b", host: "shop.example.com" };
 * pattern.kind === "page" && pattern.test(page) // => true
 */
export function compileUrlPattern(pattern: string): CompiledUrlPattern {
  const trimmed = pattern.trim();
  const negated = trimmed.startsWith("!");
  const body = (negated ? trimmed.slice(1) : trimmed).trim();
  // A bare `!` excludes nothing; treating it as a pattern that matches nothing keeps a broken list failing closed.
  if (body === "") return { negated: false, kind: "none" };
  if (ALL_STARS.test(body)) return { negated, kind: "all" };
  const literal = literalHostPattern(body, negated);
  if (literal !== null) return literal;
  const { glob, field } = pageGlob(body);
  const test = literalGlobTest(glob, field) ?? compileTest(glob, field);
  if (test === null) return { negated, kind: "none" };
  if (field === "path") return { negated, kind: "page", test, host: null, segment: segmentKey(glob) };
  const host = literalHost(glob);
  return { negated, kind: "page", test, host, segment: segmentKey(pathOf(glob, host)) };
}

// A host glob of literal characters, `*` and `?` matches no `/`, so the first `/` of the glob starts its path.
const SINGLE_SEGMENT_HOST = /^(?:[^*?[\]{}()!+@\\/]|\*(?!\*)|\?)*$/;

/** The path part of a `host/path` glob, when it is known where it starts. */
function pathOf(glob: string, literal: string | null): string {
  if (literal !== null) return glob.slice(literal.length);
  const slash = glob.indexOf("/");
  return slash !== -1 && SINGLE_SEGMENT_HOST.test(glob.slice(0, slash)) ? glob.slice(slash) : "";
}

/** Lengths a first segment's literal prefix is cut to, longest first, so a visitor's segment needs few lookups. */
export const SEGMENT_PREFIX_LENGTHS = [8, 4, 2, 1] as const;

/**
 * What a path glob requires of a page's first segment, as an index key: the segment itself when it is literal and
 * whole (`/docs/*` → `docs`, `/` → `""`); `/` and a literal prefix of it when it starts with literal characters
 * (`/strategy*` → `/strategy`, `/account*` → `/acco`: cut to the longest of {@link SEGMENT_PREFIX_LENGTHS} that fits,
 * a prefix of a prefix being just as necessary); `null` when anything could match (`/*`, `/{a,b}`, `/**`, a `.` or
 * `..` segment). A `/` never occurs inside a segment, so the two kinds of key cannot be confused. Globs match
 * case-sensitively and a literal character only matches itself, so a page whose first segment does not fit cannot
 * match.
 */
function segmentKey(path: string): string | null {
  if (path.charCodeAt(0) !== SLASH) return null;
  const slash = path.indexOf("/", 1);
  const segment = slash === -1 ? path.slice(1) : path.slice(1, slash);
  if (segment === "." || segment === "..") return null;
  const glob = segment.search(GLOB_CHARS);
  if (glob === -1) return segment;
  const length = SEGMENT_PREFIX_LENGTHS.find((n) => n <= glob);
  return length === undefined ? null : `/${segment.slice(0, length)}`;
}

/** The host a `host/path` glob requires, when it is written out literally (`null`: a glob could match many). */
function literalHost(glob: string): string | null {
  const slash = glob.indexOf("/");
  const host = slash === -1 ? glob : glob.slice(0, slash);
  // A leading "./" is dropped by the glob reader (as picomatch does): "./*" is "*", so "." names no host.
  return host === "" || host === "." || GLOB_CHARS.test(host) ? null : host;
}

/**
 * The glob a pattern's body (no `!`, not blank, not all stars) stands for, and the field of the page it tests: a
 * path (`/pricing`) or `host/path` (a pasted scheme and `#fragment` dropped, the host lower-cased), trailing slashes
 * removed. Lint reads patterns through it too.
 *
 * @example
 * pageGlob("https://Shop.Example.com/strategy/*") // => { glob: "shop.example.com/strategy/*", field: "hostPath" }
 */
export function pageGlob(body: string): { glob: string; field: "path" | "hostPath" } {
  const pathOnly = body.startsWith("/") && !body.startsWith("//");
  return pathOnly ? { glob: cleanPath(withoutFragment(body)), field: "path" } : { glob: hostPathGlob(body), field: "hostPath" };
}

/** Users paste full URLs: read them the way `normalizePage` reads the visitor's page. */
function hostPathGlob(body: string): string {
  const rest = withoutFragment(stripScheme(body));
  const slash = rest.indexOf("/");
  const host = (slash === -1 ? rest : rest.slice(0, slash)).toLowerCase();
  if (slash !== -1) return host + cleanPath(rest.slice(slash));
  return rest.endsWith("*") ? host : `${host}/`;
}

/** A page never carries a fragment, so one in a pasted URL could only prevent a match. */
function withoutFragment(value: string): string {
  const hash = value.indexOf("#");
  return hash === -1 ? value : value.slice(0, hash);
}

function cleanPath(path: string): string {
  let end = path.length;
  while (end > 1 && path.charCodeAt(end - 1) === SLASH) end -= 1;
  return path.slice(0, end);
}

/**
 * LHC treats a trailing `*` as "starts with", so `a/b/*` also matches `a/b` and `a/b/c/d`: the glob is widened with
 * a globstar (both decided in one pass). Returns `null` when the glob cannot be compiled (parse-time checks normally
 * prevent that).
 */
function compileTest(glob: string, field: "path" | "hostPath"): ((page: PageUrl) => boolean) | null {
  try {
    const matches = compileGlob(...widenedGlobs(glob));
    return (page) => matches(page[field]);
  } catch {
    return null;
  }
}
