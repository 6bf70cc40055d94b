import { extractHost } from "./extract-host.js";

/**
 * Normalises an invitation's `referrer` value at compile time with the same host reading as the visitor side, so a
 * pasted URL or a `www.` prefix in the configuration still works as the host prefix it means.
 *
 * @example
 * normalizeReferrerRule(" Google ")             // => "google"
 * normalizeReferrerRule("www.google")           // => "google"
 * normalizeReferrerRule("https://google.com/")  // => "google.com"
 */
export function normalizeReferrerRule(rule: string): string {
  return extractHost(rule.trim());
}
