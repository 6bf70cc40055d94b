/**
 * A page a URL pattern very likely matches: each `*`, `**` and `?` becomes `x`, a brace list its first alternative,
 * a bracket class its first character; a path-only pattern goes on `https://example.com`. An exclusion (`!…`) names
 * no page (`undefined`). A negated class or an escape can make the guess miss: it aims, it does not promise.
 *
 * @example
 * pageForPattern("example.com/{docs,admin}/*") // => "https://example.com/docs/x"
 * pageForPattern("/pricing")                   // => "https://example.com/pricing"
 */
export function pageForPattern(pattern: string): string | undefined {
  if (pattern.startsWith("!")) return undefined;
  const page = pattern
    .replace(/\{([^{},]*)(?:,[^{}]*)?\}/g, "$1")
    .replace(/\[[!^]?(\\?.)[^\]]*\]/g, "$1")
    .replace(/\*+|\?/g, "x");
  return page.startsWith("/") ? `https://example.com${page}` : `https://${page}`;
}
