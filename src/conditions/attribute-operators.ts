import type { AttributeCondition, AttributeOperator, AttributeScalar, RelativeTime } from "../types.js";
import { compileLike } from "./compile-like.js";
import { matchLike } from "./match-like.js";
import { numericValue } from "./numeric-value.js";
import { compileRegex, MAX_REGEX_INPUT_LENGTH } from "./regex.js";
import { normalizeText } from "./text.js";

/** Whether a present, non-null visitor value satisfies a compiled condition at `nowMs`. */
export type AttributePredicate = (value: AttributeScalar, nowMs: number) => boolean;

/** One row per operator: from the configured condition to its predicate, compiled once (docs/semantics.md: Attribute conditions). */
export type AttributeOperatorTable = {
  readonly [Op in AttributeOperator]: (condition: Extract<AttributeCondition, { op: Op }>) => AttributePredicate;
};

/**
 * The operator table. Each row prepares everything it can at compile time (normalised texts, numbers, regexes) so
 * that the predicate only reads the visitor value.
 *
 * @example
 * ATTRIBUTE_OPERATORS.eq({ key: "plan", op: "eq", value: ["Pro", "team"] })("PRO", 0) // => true
 */
export const ATTRIBUTE_OPERATORS: AttributeOperatorTable = {
  eq: ({ value }) => equalsAny(Array.isArray(value) ? value : [value]),
  neq: ({ value }) => not(equalsAny(Array.isArray(value) ? value : [value])),
  gt: ({ value }) => compares(value, (actual, limit) => actual > limit),
  gte: ({ value }) => compares(value, (actual, limit) => actual >= limit),
  lt: ({ value }) => compares(value, (actual, limit) => actual < limit),
  lte: ({ value }) => compares(value, (actual, limit) => actual <= limit),
  contains: ({ value }) => contains(comparableText(value)),
  notContains: ({ value }) => not(contains(comparableText(value))),
  in: ({ value }) => equalsAny(value),
  notIn: ({ value }) => not(equalsAny(value)),
  like: ({ value }) => likes(value),
  notLike: ({ value }) => not(likes(value)),
  exists: () => () => true,
  notExists: () => () => false,
  regex: ({ value }) => matchesRegex(value),
};

/** Booleans read as `"true"`/`"false"`, numbers as `String(n)`; all trimmed and lower-cased. */
function comparableText(value: AttributeScalar): string {
  return normalizeText(String(value));
}

function not(predicate: AttributePredicate): AttributePredicate {
  return (value, nowMs) => !predicate(value, nowMs);
}

/** Equal when both sides are numbers of the same value (`"1.0"` and `1`), else when their texts are equal. */
function equalsAny(expected: readonly AttributeScalar[]): AttributePredicate {
  const texts = expected.map(comparableText);
  const numbers = expected.map(numericValue);
  return (value) => {
    const text = comparableText(value);
    const number = numericValue(value);
    return texts.some((t, i) => t === text || (number !== null && numbers[i] === number));
  };
}

function compares(limit: number | string | RelativeTime, holds: (actual: number, limit: number) => boolean) {
  const threshold = thresholdAt(limit);
  return (value: AttributeScalar, nowMs: number): boolean => {
    const actual = numericValue(value);
    return actual !== null && holds(actual, threshold(nowMs));
  };
}

/** A relative time is the evaluation instant in epoch seconds plus its offset; a non-numeric limit never holds. */
function thresholdAt(limit: number | string | RelativeTime): (nowMs: number) => number {
  if (typeof limit === "object") return (nowMs) => nowMs / 1000 + limit.now;
  const fixed = numericValue(limit) ?? Number.NaN;
  return () => fixed;
}

function contains(needle: string): AttributePredicate {
  return (value) => comparableText(value).includes(needle);
}

function likes(value: string): AttributePredicate {
  const matcher = compileLike(value);
  return (actual) => matchLike(matcher, String(actual));
}

/** A pattern that does not compile fails closed: evaluation never throws. */
function matchesRegex(pattern: string): AttributePredicate {
  let test: (text: string) => boolean;
  try {
    test = compileRegex(pattern);
  } catch {
    return () => false;
  }
  return (value) => {
    const text = String(value);
    return test(text.length > MAX_REGEX_INPUT_LENGTH ? text.slice(0, MAX_REGEX_INPUT_LENGTH) : text);
  };
}
