import { describeValue } from "./describe-value.js";

/** The part of a zod raw issue a message needs: the offending input (`undefined` when the key is missing). */
export interface IssueInput {
  readonly input?: unknown;
}

/**
 * Builds a zod error function that says what was expected and what came instead. A missing value reads as
 * "required", so the same function serves required and optional fields.
 *
 * @example
 * expected("an integer ≥ 0")({ input: -3 })        // => "expected an integer ≥ 0, got -3"
 * expected("a string")({ input: undefined })        // => "missing, expected a string"
 */
export function expected(what: string): (issue: IssueInput) => string {
  return (issue) =>
    issue.input === undefined ? `missing, expected ${what}` : `expected ${what}, got ${describeValue(issue.input)}`;
}
