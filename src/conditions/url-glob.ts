// picomatch is micromatch's own matching engine, without micromatch's use of Node's `util` and `path`: beckon's core
// must run in browsers and edge functions and bundle into one ESM file. The `posix` entry never looks at the OS.
import picomatch from "picomatch/posix.js";

const STRICT = { strictBrackets: true } as const;
const MATCHING = { dot: true, nonegate: true } as const;

// Invitation sets repeat the same few patterns many times, and each is checked at parse time and compiled again at
// compile time: building a glob's RegExp is the costly part, so both are remembered per pattern (bounded).
const checked = new Map<string, string | null>();
const compiled = new Map<string, RegExp>();
const REMEMBER = 10_000;

function remember<V>(cache: Map<string, V>, key: string, value: V): V {
  if (cache.size >= REMEMBER) cache.clear();
  cache.set(key, value);
  return value;
}

/**
 * Checks one URL pattern at parse time. Returns a message saying what is wrong, or `null` when the pattern is a
 * usable glob. Brackets, braces and parentheses must balance; an empty pattern matches nothing and is refused.
 *
 * @example
 * checkGlob("shop.example.com/strategy/*") // => null
 * checkGlob("shop.example.com/[a")          // => "Missing closing: \"]\" …"
 */
export function checkGlob(pattern: string): string | null {
  const trimmed = pattern.trim();
  if (trimmed === "" || trimmed === "!") return "pattern is empty";
  const known = checked.get(trimmed);
  if (known !== undefined) return known;
  try {
    picomatch.makeRe(trimmed, STRICT);
    return remember(checked, trimmed, null);
  } catch (error) {
    return remember(checked, trimmed, (error as Error).message);
  }
}

/**
 * Compiles one glob into a reusable test, once per pattern at `compile`: micromatch semantics (`*`, `**`, `?`,
 * `{a,b}`, `[…]`, extglobs) with `dot: true` so hidden segments match too. A leading `!` is literal here; negation is
 * handled by the URL matcher. The pattern is expected to have passed {@link checkGlob}.
 *
 * @example
 * const matches = compileGlob("shop.example.com/strategy/*");
 * matches("shop.example.com/strategy/plans") // => true
 * matches("shop.example.com/pricing")        // => false
 */
export function compileGlob(pattern: string): (input: string) => boolean {
  const re = compiled.get(pattern) ?? remember(compiled, pattern, picomatch.makeRe(pattern, MATCHING));
  return (input) => re.test(input);
}
