/**
 * Tells whether a visitor's referrer host (from `referrerHost`) satisfies a referrer rule (from
 * `normalizeReferrerRule`): an empty rule allows everyone, otherwise the host must start with the rule, so
 * `google` matches `google.com` and `google.co.uk` but not `news.google.com`. A visitor without a referrer host
 * never matches a non-empty rule.
 *
 * @example
 * matchReferrer("google", "google.co.uk")    // => true
 * matchReferrer("google", "news.google.com") // => false
 * matchReferrer("", "")                      // => true
 */
export function matchReferrer(rule: string, host: string): boolean {
  return rule === "" || host.startsWith(rule);
}
