import { extractHost } from "./extract-host.js";

/**
 * Reads the host a referrer rule is compared with (docs/semantics.md: Referrer), once per visitor: the referrer may come with a scheme,
 * scheme-relative (`//www.google.com/x`, as LHC's widget sends it) or bare; the host is lower-cased, credentials and
 * port are dropped and one leading `www.` is removed. Gives `""` when the referrer has no host.
 *
 * @example
 * referrerHost("https://www.google.com/search?q=chat") // => "google.com"
 * referrerHost("//www.google.co.uk/")                  // => "google.co.uk"
 * referrerHost("WWW.Google.com")                       // => "google.com"
 * referrerHost("")                                     // => ""
 */
export function referrerHost(referrer: string): string {
  return extractHost(referrer);
}
