import { stripScheme } from "./strip-scheme.js";
import { normalizeText } from "./text.js";

const HOST_END = /[/?#]/;
const PORT = /:\d*$/;
const WWW = "www.";

/**
 * Reads the host of a URL written with or without scheme, the way referrers are compared (README: Referrer): credentials
 * and port dropped, lower-cased, and exactly one leading `www.` removed. Gives `""` when there is no host.
 *
 * @example
 * extractHost("https://user@WWW.Google.com:443/search?q=x") // => "google.com"
 * extractHost("www.www.example.com")                        // => "www.example.com"
 * extractHost("/relative/path")                             // => ""
 */
export function extractHost(value: string): string {
  const rest = stripScheme(value.trim());
  const end = rest.search(HOST_END);
  const authority = end === -1 ? rest : rest.slice(0, end);
  const host = normalizeText(authority.slice(authority.lastIndexOf("@") + 1).replace(PORT, ""));
  return host.startsWith(WWW) ? host.slice(WWW.length) : host;
}
