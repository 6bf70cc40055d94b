import { compileAutomaton, patternWork } from "../automaton/compile-automaton.js";
import { MATCH_BUDGET } from "../automaton/match-work.js";
import type { Pattern } from "../automaton/pattern.js";
import { GLOB_SYNTAX } from "./literal-glob-test.js";
import { parseGlob } from "./parse-glob.js";
import { remember } from "../lib/remember.js";

/** Longest URL pattern accepted, in characters. */
export const MAX_GLOB_LENGTH = 1024;

/**
 * The longest page a URL glob is matched against, in UTF-16 code units: the visitor's URL cap (a visitor string of
 * more is refused before matching), which is what a glob's worst case is measured on.
 */
export const GLOB_INPUT_LENGTH = 8192;

// Invitation sets repeat the same few patterns many times, and each is checked at parse time and compiled again at
// compile time: both are remembered per pattern (bounded). A compiled matcher also keeps the DFA states it has built,
// so sharing it between invitations shares that work too.
const checked = new Map<string, string | null>();
const compiled = new Map<string, (input: string) => boolean>();
const REMEMBER = 10_000;

/**
 * Checks one URL pattern at parse time. Returns a message saying what is wrong, or `null` when the pattern is a
 * usable glob: at most {@link MAX_GLOB_LENGTH} characters; brackets, braces and parentheses balanced; no `!(…)`
 * extglob and no brace range other than one character to one (`{a..e}`); not so large that its automaton would pass
 * `MAX_AUTOMATON_STATES`; and cheap enough that no page of {@link GLOB_INPUT_LENGTH} characters can make one match
 * cost more than `MATCH_BUDGET` (about a millisecond: `patternWork` of the glob as it is matched, a trailing `*`
 * widened). An empty pattern matches nothing and is refused.
 *
 * @example
 * checkGlob("shop.example.com/strategy/*") // => null
 * checkGlob("shop.example.com/[a")          // => "Missing closing: \"]\" …"
 */
export function checkGlob(pattern: string): string | null {
  const trimmed = pattern.trim();
  if (trimmed === "" || trimmed === "!") return "pattern is empty";
  if (trimmed.length > MAX_GLOB_LENGTH) return `pattern is longer than ${MAX_GLOB_LENGTH} characters`;
  // Text, possibly ending in stars (most patterns), always parses, into far fewer states than the bound.
  if (!GLOB_SYNTAX.test(trimmed.replace(/\*+$/, ""))) return null;
  const known = checked.get(trimmed);
  if (known !== undefined) return known;
  const parsed = parseGlob(trimmed);
  if (typeof parsed === "string") return remember(checked, trimmed, parsed, REMEMBER);
  if (compileAutomaton(parsed.pattern) === null) return remember(checked, trimmed, "pattern is too complex to match in linear time", REMEMBER);
  return remember(checked, trimmed, costProblem(trimmed, parsed.pattern), REMEMBER);
}

/** Why a parsed glob costs too much to match, or `null`; measured on the globs the matcher runs (trailing `*` widened). */
function costProblem(glob: string, parsed: Pattern): string | null {
  const widened = widenedGlobs(glob);
  let work: number;
  try {
    work = patternWork(widened.length === 1 && widened[0] === glob ? parsed : parseAll(widened), false, GLOB_INPUT_LENGTH);
  } catch {
    // A widened form that does not parse (a trailing `*` after an escape) is matched as written.
    work = patternWork(parsed, false, GLOB_INPUT_LENGTH);
  }
  if (work <= MATCH_BUDGET) return null;
  return (
    `pattern is too costly to match: on a ${GLOB_INPUT_LENGTH}-character page one match could cost about ` +
    `${(work / MATCH_BUDGET).toFixed(1)} ms, over the 1 ms limit; use fewer wildcards, classes or alternatives after a * or **`
  );
}

/**
 * Compiles one glob into a reusable test, once per pattern at `compile`: micromatch semantics (`*`, `**`, `?`,
 * `{a,b}`, `[…]`, extglobs) with `dot: true` so hidden segments match too, decided by beckon's own automaton in
 * time linear in the input (no backtracking, whatever the glob and the page). A leading `!` is literal here;
 * negation is handled by the URL matcher. Throws on a glob {@link checkGlob} refuses. Given several globs, the test
 * holds when any of them matches, still in one pass over the input.
 *
 * @example
 * const matches = compileGlob("shop.example.com/strategy/*");
 * matches("shop.example.com/strategy/plans") // => true
 * matches("shop.example.com/pricing")        // => false
 * compileGlob("/docs", "/docs/{guide,api}")("/docs/api") // => true
 */
export function compileGlob(...patterns: [string, ...string[]]): (input: string) => boolean {
  const key = JSON.stringify(patterns);
  const known = compiled.get(key);
  if (known !== undefined) return known;
  // The parsed pattern is dropped once checked and parsed again on first use: most of a large set's patterns never
  // run (each names a host or path the visitor is not on), and a parsed glob is ~20 times its text.
  const matches = compileAutomaton(parseAll(patterns), { rebuild: () => parseAll(patterns), inputLength: GLOB_INPUT_LENGTH });
  if (matches === null) throw new Error("pattern is too complex to match in linear time");
  return remember(compiled, key, matches, REMEMBER);
}

function parseAll(patterns: readonly string[]): Pattern {
  const items = patterns.map((pattern) => {
    const parsed = parseGlob(pattern);
    if (typeof parsed === "string") throw new Error(parsed);
    return parsed.pattern;
  });
  return items.length === 1 ? (items[0] as Pattern) : { type: "alt", items };
}

/**
 * The globs a pattern's glob is matched as: LHC treats a trailing `*` as "starts with", so `a/b/*` also matches
 * `a/b` and `a/b/c/d` (widened with a globstar).
 *
 * @example
 * widenedGlobs("/docs/*") // => ["/docs/**"]
 */
export function widenedGlobs(glob: string): [string, ...string[]] {
  const base = glob.replace(/\*+$/, "");
  if (base === glob || base.endsWith("\\")) return [glob];
  if (base.endsWith("/")) return [`${base}**`];
  return [`${base}*`, `${base}*/**`];
}
