import { schemeLength } from "./strip-scheme.js";
import { isPlainLower, normalizeText } from "./text.js";

const SLASH = 0x2f;
const QUESTION = 0x3f;
const HASH = 0x23;
const AT = 0x40;
const COLON = 0x3a;
const WWW = "www.";

/**
 * Reads the host of a URL written with or without scheme, the way referrers are compared (docs/semantics.md: Referrer): credentials
 * and port dropped, lower-cased, and exactly one leading `www.` removed. Gives `""` when there is no host. One scan
 * by hand, no regular expression: it runs once per visitor with a referrer.
 *
 * @example
 * extractHost("https://user@WWW.Google.com:443/search?q=x") // => "google.com"
 * extractHost("www.www.example.com")                        // => "www.example.com"
 * extractHost("/relative/path")                             // => ""
 */
export function extractHost(value: string): string {
  const s = value.trim();
  const start = schemeLength(s);
  // The authority ends at the first `/`, `?` or `#`; credentials end at its last `@`.
  let end = start;
  let at = -1;
  for (; end < s.length; end++) {
    const c = s.charCodeAt(end);
    if (c === SLASH || c === QUESTION || c === HASH) break;
    if (c === AT) at = end;
  }
  const from = at === -1 ? start : at + 1;
  // A port is a last `:` followed by digits only (or nothing) up to the authority's end.
  let to = end;
  for (let i = end - 1; i >= from; i--) {
    const c = s.charCodeAt(i);
    if (c === COLON) {
      to = i;
      break;
    }
    if (c < 0x30 || c > 0x39) break;
  }
  if (isPlainLower(s, from, to)) {
    // Nothing to trim or lower-case: one slice, past a leading `www.`.
    return s.slice(s.startsWith(WWW, from) && to - from >= WWW.length ? from + WWW.length : from, to);
  }
  const host = normalizeText(s.slice(from, to));
  return host.startsWith(WWW) ? host.slice(WWW.length) : host;
}
