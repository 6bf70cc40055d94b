import { stripScheme } from "../conditions/strip-scheme.js";

/** One configured URL pattern as the matcher reads it: the globs it runs on, and the field of the page they test. */
export type UrlPatternGlobs =
  | { readonly negated: boolean; readonly kind: "all" | "none"; readonly body: string }
  | { readonly negated: boolean; readonly kind: "page"; readonly body: string; readonly field: "path" | "hostPath"; readonly globs: readonly string[] };

const ALL_STARS = /^\*+$/;
const SLASH = 0x2f;

/**
 * The globs `compileUrlPattern` builds for a pattern (README: URL patterns): trimmed, `!` read, a pasted scheme and
 * `#fragment` dropped, the host lower-cased, trailing slashes removed, and a trailing `*` widened to everything
 * below. This mirrors `compileUrlPattern` step by step (which keeps its globs inside the matcher); the soundness
 * property of lint runs evaluation itself on the patterns it judges, so the two cannot drift apart unseen.
 *
 * @example
 * urlPatternGlobs("https://Shop.Example.com/strategy/*")
 * // => { negated: false, kind: "page", body: "…", field: "hostPath", globs: ["shop.example.com/strategy/**"] }
 */
export function urlPatternGlobs(pattern: string): UrlPatternGlobs {
  const trimmed = pattern.trim();
  const negated = trimmed.startsWith("!");
  const body = (negated ? trimmed.slice(1) : trimmed).trim();
  if (body === "") return { negated: false, kind: "none", body };
  if (ALL_STARS.test(body)) return { negated, kind: "all", body };
  const pathOnly = body.startsWith("/") && !body.startsWith("//");
  const glob = pathOnly ? cleanPath(withoutFragment(body)) : hostPathGlob(body);
  return { negated, kind: "page", body, field: pathOnly ? "path" : "hostPath", globs: widened(glob) };
}

/** A trailing `*` also matches everything below it (LHC's "starts with"). */
function widened(glob: string): string[] {
  const base = glob.replace(/\*+$/, "");
  if (base === glob || base.endsWith("\\")) return [glob];
  if (base.endsWith("/")) return [`${base}**`];
  return [`${base}*`, `${base}*/**`];
}

function hostPathGlob(body: string): string {
  const rest = withoutFragment(stripScheme(body));
  const slash = rest.indexOf("/");
  const host = (slash === -1 ? rest : rest.slice(0, slash)).toLowerCase();
  if (slash !== -1) return host + cleanPath(rest.slice(slash));
  return rest.endsWith("*") ? host : `${host}/`;
}

function withoutFragment(value: string): string {
  const hash = value.indexOf("#");
  return hash === -1 ? value : value.slice(0, hash);
}

function cleanPath(path: string): string {
  let end = path.length;
  while (end > 1 && path.charCodeAt(end - 1) === SLASH) end -= 1;
  return path.slice(0, end);
}
