import safeRegex from "safe-regex2";

/** Longest `regex` attribute pattern accepted, in characters. */
export const MAX_REGEX_LENGTH = 256;

/** Longest visitor value a `regex` condition looks at; the rest is ignored, so matching cost stays bounded. */
export const MAX_REGEX_INPUT_LENGTH = 2048;

/** Why a pattern cannot be used in a `regex` attribute condition. */
export interface RegexProblem {
  code: "invalid_regex" | "unsafe_regex";
  message: string;
}

/**
 * Checks a `regex` attribute pattern at parse time: it must compile, be at most {@link MAX_REGEX_LENGTH} characters,
 * and have no nested quantifiers (star height > 1, the shape behind catastrophic backtracking).
 *
 * @example
 * checkRegex("^vip-\\d+$") // => null
 * checkRegex("(a+)+$")     // => { code: "unsafe_regex", message: "…" }
 */
export function checkRegex(pattern: string): RegexProblem | null {
  if (pattern.length > MAX_REGEX_LENGTH) {
    return { code: "unsafe_regex", message: `regex is longer than ${MAX_REGEX_LENGTH} characters` };
  }
  try {
    new RegExp(pattern, "i");
  } catch (error) {
    return { code: "invalid_regex", message: `regex does not compile: ${(error as Error).message}` };
  }
  if (!safeRegex(pattern)) {
    return { code: "unsafe_regex", message: "regex may backtrack catastrophically (nested or too many quantifiers)" };
  }
  return null;
}

/**
 * Compiles a `regex` attribute pattern once, at `compile`, case-insensitively. The pattern is expected to have passed
 * {@link checkRegex}; one that does not compile throws, and the caller fails the condition closed.
 *
 * @example
 * compileRegex("^vip-\\d+$").test("VIP-42") // => true
 */
export function compileRegex(pattern: string): RegExp {
  return new RegExp(pattern, "i");
}
