import type { PageUrl } from "./normalize-page.js";

/** The characters that make a glob more than text: without them, and stars only at its end, it is plain text. */
export const GLOB_SYNTAX = /["()*?[\\\]{}]/;
const TRAILING_STARS = /\*+$/;
const SLASH = 0x2f;

/**
 * The test of a URL glob that is literal text, possibly ending in stars (`host.example.com/*`, `/pricing`), the
 * pattern nearly every invitation set is made of: one string comparison on the page's `field`, no parsing, no
 * automaton and nothing remembered, so a set naming 100 000 hosts costs a closure per host. The answers are the
 * automaton's for the glob as `compileUrlPattern` widens it (docs/semantics.md: URL patterns): no star is the text itself,
 * `a/*` is `a` and all below it, `a*` everything starting with `a`. `null` for any other glob, and for the few forms
 * where micromatch's rules make a trailing star mean more (after a `/` or `.` opening the glob, after `./`).
 *
 * @example
 * literalGlobTest("shop.example.com/*", "hostPath")?.({ hostPath: "shop.example.com", path: "/", host: "shop.example.com" }) // => true
 * literalGlobTest("/docs/{a,b}", "path") // => null
 */
export function literalGlobTest(glob: string, field: "path" | "hostPath"): ((page: PageUrl) => boolean) | null {
  const base = glob.replace(TRAILING_STARS, "");
  const whole = base === glob;
  // `a/**` also matches `a` itself.
  const below = !whole && base.endsWith("/");
  const head = below ? base.slice(0, -1) : base;
  // `/**` alone is any path, and a star opening a segment must match at least one character: automaton cases.
  if (GLOB_SYNTAX.test(base) || glob.startsWith("./") || (!whole && (head === "" || head.endsWith(".")))) return null;
  return (page) => {
    const text = page[field];
    if (whole) return text === head;
    return text.startsWith(head) && (!below || text.length === head.length || text.charCodeAt(head.length) === SLASH);
  };
}
