import { pageGlob, widenedGlobs } from "../conditions/compile-url-pattern.js";

/** One configured URL pattern as the matcher reads it: the globs it runs on, and the field of the page they test. */
export type UrlPatternGlobs =
  | { readonly negated: boolean; readonly kind: "all" | "none"; readonly body: string }
  | { readonly negated: boolean; readonly kind: "page"; readonly body: string; readonly field: "path" | "hostPath"; readonly globs: readonly string[] };

const ALL_STARS = /^\*+$/;

/**
 * The globs `compileUrlPattern` builds for a pattern (docs/semantics.md: URL patterns): trimmed, `!` read, a pasted scheme and
 * `#fragment` dropped, the host lower-cased, trailing slashes removed, and a trailing `*` widened to everything
 * below. It reads them with `compileUrlPattern`'s own steps (`pageGlob`,
 * `widenedGlobs`), so the two cannot drift apart.
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
  const { glob, field } = pageGlob(body);
  return { negated, kind: "page", body, field, globs: widenedGlobs(glob) };
}
