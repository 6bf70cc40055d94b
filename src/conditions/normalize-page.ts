import { schemeLength } from "./strip-scheme.js";

/** A page as URL patterns see it (docs/semantics.md: URL patterns). */
export interface PageUrl {
  /** Lower-cased host then path, e.g. `"shop.example.com/pricing"`; just the path when the URL had no host. */
  hostPath: string;
  /** The path, case kept, e.g. `"/pricing"`; `"/"` for a site's home page. */
  path: string;
  /** The lower-cased host with its port, e.g. `"shop.example.com"`; `""` when the URL had no host. */
  host: string;
}

const SLASH = 0x2f;

/**
 * Normalises a page URL once per visitor for URL patterns (docs/semantics.md: URL patterns): scheme or leading `//`, query and fragment
 * are removed, the host is lower-cased (the path keeps its case), credentials are dropped (the port is kept), trailing
 * slashes are removed unless the path is `/`, and a URL without a path gets `/`. A value starting with a single `/`
 * is a path without host. Gives `null` for an empty or blank value. One scan over the characters, and the result
 * shares the input's characters whenever it can: this runs for every evaluation.
 *
 * @example
 * normalizePage("https://Shop.Example.com/Pricing/?plan=pro#faq")
 * // => { hostPath: "shop.example.com/Pricing", path: "/Pricing", host: "shop.example.com" }
 * normalizePage("example.com") // => { hostPath: "example.com/", path: "/", host: "example.com" }
 * normalizePage("/pricing")    // => { hostPath: "/pricing", path: "/pricing", host: "" }
 * normalizePage("  ")          // => null
 */
export function normalizePage(url: string): PageUrl | null {
  const s = url.trim();
  if (s === "") return null;
  const pathOnly = s.charCodeAt(0) === SLASH && s.charCodeAt(1) !== SLASH;
  const start = pathOnly ? 0 : schemeLength(s);
  // Searches rather than a loop over the characters: the engine's own search is several times faster per character.
  const end = queryStart(s, start); // where the query or fragment starts
  let slash = s.indexOf("/", start); // the first `/`: where the path starts
  if (slash >= end) slash = -1;
  const authorityEnd = slash === -1 ? end : slash;
  // Where credentials end: the last `@` of the authority (`lastIndexOf` is the slower search, and `@` is rare).
  const firstAt = s.indexOf("@", start);
  const at = firstAt === -1 || firstAt >= authorityEnd ? -1 : s.lastIndexOf("@", authorityEnd - 1);
  const hostStart = at < start ? start : at + 1;
  const rawHost = s.slice(hostStart, authorityEnd);
  const host = rawHost.toLowerCase();
  if (slash === -1) return { hostPath: `${host}/`, path: "/", host };
  let pathEnd = end;
  while (pathEnd > slash + 1 && s.charCodeAt(pathEnd - 1) === SLASH) pathEnd -= 1;
  const path = s.slice(slash, pathEnd);
  return { hostPath: host === rawHost ? s.slice(hostStart, pathEnd) : host + path, path, host };
}

/** Where the first `?` or `#` at or after `from` is, or the length of `s` when there is neither. */
function queryStart(s: string, from: number): number {
  const question = s.indexOf("?", from);
  const hash = s.indexOf("#", from);
  if (question === -1) return hash === -1 ? s.length : hash;
  return hash === -1 || question < hash ? question : hash;
}
