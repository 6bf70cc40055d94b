import { compileAutomaton } from "../automaton/compile-automaton.js";
import type { Pattern } from "../automaton/pattern.js";
import { GLOB_SYNTAX } from "./literal-glob-test.js";
import { parseGlob } from "./parse-glob.js";

/** Longest URL pattern accepted, in characters. */
export const MAX_GLOB_LENGTH = 1024;

// Invitation sets repeat the same few patterns many times, and each is checked at parse time and compiled again at
// compile time: both are remembered per pattern (bounded). A compiled matcher also keeps the DFA states it has built,
// so sharing it between invitations shares that work too.
const checked = new Map<string, string | null>();
const compiled = new Map<string, (input: string) => boolean>();
const REMEMBER = 10_000;

function remember<V>(cache: Map<string, V>, key: string, value: V): V {
  if (cache.size >= REMEMBER) cache.clear();
  cache.set(key, value);
  return value;
}

/**
 * Checks one URL pattern at parse time. Returns a message saying what is wrong, or `null` when the pattern is a
 * usable glob: at most {@link MAX_GLOB_LENGTH} characters; brackets, braces and parentheses balanced; no `!(…)`
 * extglob and no brace range other than one character to one (`{a..e}`); not so large that its automaton would pass
 * `MAX_AUTOMATON_STATES`. An empty pattern matches nothing and is refused.
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
  if (typeof parsed === "string") return remember(checked, trimmed, parsed);
  const problem = compileAutomaton(parsed.pattern) === null ? "pattern is too complex to match in linear time" : null;
  return remember(checked, trimmed, problem);
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
  const matches = compileAutomaton(parseAll(patterns), { rebuild: () => parseAll(patterns) });
  if (matches === null) throw new Error("pattern is too complex to match in linear time");
  return remember(compiled, key, matches);
}

function parseAll(patterns: readonly string[]): Pattern {
  const items = patterns.map((pattern) => {
    const parsed = parseGlob(pattern);
    if (typeof parsed === "string") throw new Error(parsed);
    return parsed.pattern;
  });
  return items.length === 1 ? (items[0] as Pattern) : { type: "alt", items };
}
