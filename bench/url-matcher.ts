/**
 * A hand-written reading of beckon's URL patterns (docs/semantics.md "URL patterns") for the patterns the generator produces:
 * literal characters, `*` inside a segment, a trailing `*` meaning "this and everything below", path-only patterns,
 * `!` exclusions and the global `*`. Each glob becomes one anchored RegExp source, so every competitor (hand loop,
 * json-rules-engine, GrowthBook `$regex`) uses the same translation. Anything else throws: the generator must not
 * produce a pattern the translation does not cover exactly.
 */

/** A page as URL patterns see it. */
export interface Page {
  hostPath: string;
  path: string;
}

/** One positive or negative pattern, as a RegExp source tested on `hostPath` or on `path`. */
export interface GlobTest {
  target: "hostPath" | "path";
  source: string;
}

/** An invitation's `urls`, ready to test. */
export interface UrlSpec {
  matchesAll: boolean;
  excludesAll: boolean;
  onlyExclusions: boolean;
  include: GlobTest[];
  exclude: GlobTest[];
}

const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
const SUPPORTED = /^[A-Za-z0-9._:\/*-]+$/;

/**
 * Reads an invitation's `urls` list.
 *
 * @example
 * compileUrlSpec(["/pricing*"]).include // => [{ target: "path", source: "^/pricing.*$" }]
 */
export function compileUrlSpec(patterns: readonly string[]): UrlSpec {
  const spec: UrlSpec = { matchesAll: false, excludesAll: false, onlyExclusions: true, include: [], exclude: [] };
  for (const raw of patterns) {
    const trimmed = raw.trim();
    const negated = trimmed.startsWith("!");
    const body = (negated ? trimmed.slice(1) : trimmed).trim();
    if (!negated) spec.onlyExclusions = false;
    if (/^\*+$/.test(body)) {
      if (negated) spec.excludesAll = true;
      else spec.matchesAll = true;
      continue;
    }
    (negated ? spec.exclude : spec.include).push(globTest(body));
  }
  return spec;
}

function globTest(body: string): GlobTest {
  const pathOnly = body.startsWith("/") && !body.startsWith("//");
  const glob = pathOnly ? cleanPath(body) : hostPathGlob(body);
  if (!SUPPORTED.test(glob) || glob.includes("**")) throw new Error(`unsupported URL pattern in the bench: ${body}`);
  return { target: pathOnly ? "path" : "hostPath", source: `^${globSource(glob)}$` };
}

function hostPathGlob(body: string): string {
  const rest = body.replace(SCHEME, "").replace(/^\/\//, "");
  const slash = rest.indexOf("/");
  const host = (slash === -1 ? rest : rest.slice(0, slash)).toLowerCase();
  if (slash !== -1) return host + cleanPath(rest.slice(slash));
  return rest.endsWith("*") ? host : `${host}/`;
}

function cleanPath(path: string): string {
  let end = path.length;
  while (end > 1 && path[end - 1] === "/") end -= 1;
  return path.slice(0, end);
}

/** A trailing `*` matches this and everything below; an inner `*` matches within one segment. */
function globSource(glob: string): string {
  const base = glob.replace(/\*+$/, "");
  const body = (text: string): string => text.split("*").map(escape).join("[^/]*");
  if (base === glob) return body(glob);
  if (base.endsWith("/")) return `${body(base.slice(0, -1))}(?:/.*)?`;
  return `${body(base)}.*`;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Normalises a visitor's URL to `host/path` (docs/semantics.md "URL patterns"); `null` for a missing or blank one.
 *
 * @example
 * normalizePage("https://Shop.Example.com/Pricing/?x=1") // => { hostPath: "shop.example.com/Pricing", path: "/Pricing" }
 */
export function normalizePage(url: string | undefined): Page | null {
  if (typeof url !== "string") return null;
  const trimmed = url.trim();
  if (trimmed === "") return null;
  const pathOnly = trimmed.startsWith("/") && !trimmed.startsWith("//");
  const rest = pathOnly ? trimmed : trimmed.replace(SCHEME, "").replace(/^\/\//, "");
  const end = rest.search(/[?#]/);
  const beforeQuery = end === -1 ? rest : rest.slice(0, end);
  const slash = beforeQuery.indexOf("/");
  const authority = slash === -1 ? beforeQuery : beforeQuery.slice(0, slash);
  const rawPath = slash === -1 ? "" : beforeQuery.slice(slash);
  const path = rawPath === "" ? "/" : cleanPath(rawPath);
  const host = authority.slice(authority.lastIndexOf("@") + 1).toLowerCase();
  return { hostPath: host + path, path };
}

/** A compiled UrlSpec for the hand loop and json-rules-engine's custom operator. */
export interface UrlMatcher {
  matchesAll: boolean;
  excludesAll: boolean;
  onlyExclusions: boolean;
  include: { target: "hostPath" | "path"; regex: RegExp }[];
  exclude: { target: "hostPath" | "path"; regex: RegExp }[];
}

/**
 * Compiles the RegExps of a spec once.
 *
 * @example
 * matchPage(toUrlMatcher(compileUrlSpec(["/docs/*"])), normalizePage("https://x.com/docs")) // => true
 */
export function toUrlMatcher(spec: UrlSpec): UrlMatcher {
  const compile = (t: GlobTest) => ({ target: t.target, regex: new RegExp(t.source) });
  return { ...spec, include: spec.include.map(compile), exclude: spec.exclude.map(compile) };
}

/** README semantics: no page only matches `*`; a page must match a positive pattern (or only `!` ones) and no `!`. */
export function matchPage(m: UrlMatcher, page: Page | null): boolean {
  if (m.excludesAll) return false;
  if (page === null) return m.matchesAll;
  for (const t of m.exclude) if (t.regex.test(page[t.target])) return false;
  if (m.matchesAll || m.onlyExclusions) return true;
  for (const t of m.include) if (t.regex.test(page[t.target])) return true;
  return false;
}
