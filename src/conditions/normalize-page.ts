import { stripScheme } from "./strip-scheme.js";

/** A page as URL patterns see it (SPEC §4.3). */
export interface PageUrl {
  /** Lower-cased host then path, e.g. `"shop.example.com/pricing"`; just the path when the URL had no host. */
  hostPath: string;
  /** The path, case kept, e.g. `"/pricing"`; `"/"` for a site's home page. */
  path: string;
}

const PATH_END = /[?#]/;
const SLASH = 0x2f;

/**
 * Normalises a page URL once per visitor for URL patterns (SPEC §4.3): scheme or leading `//`, query and fragment
 * are removed, the host is lower-cased (the path keeps its case), credentials are dropped (the port is kept), trailing
 * slashes are removed unless the path is `/`, and a URL without a path gets `/`. A value starting with a single `/`
 * is a path without host. Gives `null` for an empty or blank value.
 *
 * @example
 * normalizePage("https://Shop.Example.com/Pricing/?plan=pro#faq")
 * // => { hostPath: "shop.example.com/Pricing", path: "/Pricing" }
 * normalizePage("example.com") // => { hostPath: "example.com/", path: "/" }
 * normalizePage("/pricing")    // => { hostPath: "/pricing", path: "/pricing" }
 * normalizePage("  ")          // => null
 */
export function normalizePage(url: string): PageUrl | null {
  const trimmed = url.trim();
  if (trimmed === "") return null;
  const pathOnly = trimmed.startsWith("/") && !trimmed.startsWith("//");
  const rest = pathOnly ? trimmed : stripScheme(trimmed);
  const end = rest.search(PATH_END);
  const beforeQuery = end === -1 ? rest : rest.slice(0, end);
  const slash = beforeQuery.indexOf("/");
  const authority = slash === -1 ? beforeQuery : beforeQuery.slice(0, slash);
  const path = cleanPath(slash === -1 ? "" : beforeQuery.slice(slash));
  const host = authority.slice(authority.lastIndexOf("@") + 1).toLowerCase();
  return { hostPath: host + path, path };
}

/** Trailing slashes carry no meaning for matching (`/pricing/` is `/pricing`), but the root stays `/`. */
function cleanPath(path: string): string {
  let end = path.length;
  while (end > 1 && path.charCodeAt(end - 1) === SLASH) end -= 1;
  return end === 0 ? "/" : path.slice(0, end);
}
