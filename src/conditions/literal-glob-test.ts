import type { PageUrl } from "./normalize-page.js";

/** The characters that make a glob more than text: without them, and stars only at its end, it is plain text. */
export const GLOB_SYNTAX = /["()*?[\\\]{}]/;
const TRAILING_STARS = /\*+$/;
const SLASH = 0x2f;

/**
 * The test of a URL glob that is literal text, possibly ending in stars (`host.example.com/*`, `/pricing`), the
 * pattern nearly every invitation set is made of: one string comparison on the page's `field`, no parsing, no
 * automaton and nothing remembered, so a set naming 100 000 hosts costs a closure per host. The answers are the
 * automaton's for the glob as `compileUrlPattern` widens it (README: URL patterns): no star is the text itself,
 * `a/*` is `a` and all below it, `a*` everything starting with `a`. `null` for any other glob, and for the few forms
 * where micromatch's rules make a trailing star mean more (after a `/` or `.` opening the glob, after `./`).
 *
 * @example
 * literalGlobTest("shop.example.com/*", "hostPath")?.({ hostPath: "shop.example.com", path: "/", host: "shop.example.com" }) // => true
 * literalGlobTest("/docs/{a,b}", "path") // => null
 */
export function literalGlobTest(glob: string, field: "path" | "hostPath"): ((page: PageUrl) => boolean) | null {
  const base = glob.replace(TRAILING_STARS, "");
  if (GLOB_SYNTAX.test(base) || glob.startsWith("./")) return null;
  if (base === glob) return (page) => page[field] === base;
  // `a/**` also matches `a` itself; `/**` alone would be any path, so it stays with the automaton.
  if (base.endsWith("/")) return base === "/" ? null : below(base.slice(0, -1), field);
  // A star opening a segment must match at least one character.
  return base === "" || base.endsWith(".") ? null : startingWith(base, field);
}

// Closures of their own, so each keeps only the text it compares with.
function below(head: string, field: "path" | "hostPath"): (page: PageUrl) => boolean {
  return (page) => {
    const text = page[field];
    return text.startsWith(head) && (text.length === head.length || text.charCodeAt(head.length) === SLASH);
  };
}

function startingWith(head: string, field: "path" | "hostPath"): (page: PageUrl) => boolean {
  return (page) => page[field].startsWith(head);
}
