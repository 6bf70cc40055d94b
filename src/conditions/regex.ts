import { compileAutomaton, MAX_AUTOMATON_STATES, patternWork } from "../automaton/compile-automaton.js";
import { MATCH_BUDGET } from "../automaton/match-work.js";
import { parseRegex, type RegexProblem } from "./parse-regex.js";

export type { RegexProblem } from "./parse-regex.js";

/** Longest `regex` attribute pattern accepted, in characters. */
export const MAX_REGEX_LENGTH = 256;

/** Longest visitor value a `regex` condition looks at; the rest is ignored, so matching cost stays bounded. */
export const MAX_REGEX_INPUT_LENGTH = 2048;

/**
 * Checks a `regex` attribute pattern at parse time: at most {@link MAX_REGEX_LENGTH} characters, compiles as a
 * JavaScript RegExp (`invalid_regex`), and runs on beckon's linear-time matcher: no back-reference, no look-around,
 * an automaton of at most `MAX_AUTOMATON_STATES` states, and cheap enough that no value of
 * {@link MAX_REGEX_INPUT_LENGTH} characters can make one match cost more than `MATCH_BUDGET`, about a millisecond
 * (`patternWork`; `unsafe_regex`).
 *
 * @example
 * checkRegex("^vip-\\d+$") // => null
 * checkRegex("(a)\\1")     // => { code: "unsafe_regex", message: "regex uses a back-reference \\1 (…)" }
 */
export function checkRegex(pattern: string): RegexProblem | null {
  const compiled = compileChecked(pattern);
  return typeof compiled === "function" ? null : compiled;
}

/**
 * Compiles a `regex` attribute pattern once, at `compile`, into a case-insensitive matcher that answers as
 * `new RegExp(pattern, "i").test(text)` in time linear in the text (it never backtracks). A pattern that
 * {@link checkRegex} refuses throws a `SyntaxError`; the caller fails the condition closed.
 *
 * @example
 * compileRegex("^vip-\\d+$")("VIP-42") // => true
 * compileRegex("^(a|a)*$")("a".repeat(2000) + "b") // => false, at once
 */
export function compileRegex(pattern: string): (text: string) => boolean {
  const compiled = compileChecked(pattern);
  if (typeof compiled === "function") return compiled;
  throw new SyntaxError(compiled.message);
}

function compileChecked(pattern: string): ((text: string) => boolean) | RegexProblem {
  if (pattern.length > MAX_REGEX_LENGTH) {
    return { code: "unsafe_regex", message: `regex is longer than ${MAX_REGEX_LENGTH} characters` };
  }
  try {
    new RegExp(pattern, "i");
  } catch (error) {
    return { code: "invalid_regex", message: `regex does not compile: ${(error as Error).message}` };
  }
  const parsed = parseRegex(pattern);
  if (!parsed.ok) return { code: parsed.code, message: parsed.message };
  const matches = compileAutomaton(parsed.pattern, { search: true, inputLength: MAX_REGEX_INPUT_LENGTH });
  if (matches === null) {
    return { code: "unsafe_regex", message: `regex needs more than ${MAX_AUTOMATON_STATES} matcher states (counted repetitions multiply its size)` };
  }
  const work = patternWork(parsed.pattern, true, MAX_REGEX_INPUT_LENGTH);
  if (work <= MATCH_BUDGET) return matches;
  return {
    code: "unsafe_regex",
    message:
      `regex is too costly to match: on a ${MAX_REGEX_INPUT_LENGTH}-character value one match could cost about ` +
      `${(work / MATCH_BUDGET).toFixed(1)} ms, over the 1 ms limit; use fewer alternatives, optional parts or repetitions`,
  };
}
