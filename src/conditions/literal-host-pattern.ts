import type { PageUrl } from "./normalize-page.js";

/** What `compileUrlPattern` makes of such a pattern (one of its `CompiledUrlPattern` forms). */
export interface LiteralHostPattern {
  negated: boolean;
  kind: "page";
  test: (page: PageUrl) => boolean;
  host: string;
  segment: null;
}

/** `host/*`: a host of lower-case letters, digits, dots and hyphens (not opening or closing with a dot), then `/*`. */
const HOST_AND_BELOW = /^[a-z0-9-](?:[a-z0-9.-]*[a-z0-9-])?\/\*$/;
const SLASH = 0x2f;

/**
 * The compiled form of a trimmed URL pattern body that is a plain host and everything below it (`shop.example.com/*`,
 * the commonest pattern of all), made without reading the pattern as a URL or a glob: the same answers
 * `compileUrlPattern` would give (the host and all pages on it; index key the host, no first segment), but with no
 * string built and one small closure, since a set naming 100 000 hosts keeps 100 000 of them. `null` for any other
 * body.
 *
 * @example
 * literalHostPattern("shop.example.com/*", false)?.host // => "shop.example.com"
 * literalHostPattern("Shop.example.com/*", false)       // => null (upper case: the general path lower-cases it)
 */
export function literalHostPattern(body: string, negated: boolean): LiteralHostPattern | null {
  if (!HOST_AND_BELOW.test(body)) return null;
  const host = body.slice(0, -2);
  return { negated, kind: "page", test: onHost(host), host, segment: null };
}

/**
 * The test, made in a function of its own: a closure written inside the object literal above kept more than twice
 * the memory per pattern (measured: 455 against 200 bytes with its object and host).
 */
function onHost(host: string): (page: PageUrl) => boolean {
  return (page) => {
    const hostPath = page.hostPath;
    return hostPath.startsWith(host) && (hostPath.length === host.length || hostPath.charCodeAt(host.length) === SLASH);
  };
}
