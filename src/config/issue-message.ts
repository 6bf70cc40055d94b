import type * as z from "zod/mini";
import { describeValue } from "./describe-value.js";
import { expected } from "./expected.js";
import { ownProperty } from "./own-property.js";

type RawIssue = z.core.$ZodRawIssue;

const TYPE_NAMES: Record<string, string> = {
  string: "a string",
  number: "a number",
  int: "an integer",
  boolean: "a boolean",
  object: "an object",
  record: "an object",
  array: "an array",
  null: "null",
};

/**
 * The parse-level zod error map: beckon's wording for every issue whose schema did not word it itself. Messages name
 * the expected thing and the value found ("expected one of \"weekly\", \"period\", \"annual\", got \"daily\"").
 *
 * @example
 * schema.safeParse(input, { error: issueMessage })
 */
export function issueMessage(issue: RawIssue): string {
  switch (issue.code) {
    case "invalid_type":
      return expected(typeName(issue.expected))(issue);
    case "too_small":
      return expected(lowerBound(issue.origin, Number(issue.minimum), issue.inclusive !== false))(issue);
    case "too_big":
      return expected(upperBound(issue.origin, Number(issue.maximum), issue.inclusive !== false))(issue);
    case "invalid_value":
      return expected(oneOf(issue.values))(issue);
    case "invalid_union":
      return unionMessage(issue);
    case "unrecognized_keys":
      return `unknown keys ${issue.keys.map((key) => JSON.stringify(key)).join(", ")}`;
    default:
      return `invalid value ${describeValue(issue.input)}`;
  }
}

function typeName(name: string): string {
  return TYPE_NAMES[name] ?? `a ${name}`;
}

function lowerBound(origin: string, minimum: number, inclusive: boolean): string {
  if (origin === "string") return minimum === 1 ? "a non-empty string" : `a string of at least ${minimum} characters`;
  if (origin === "array") return minimum === 1 ? "a non-empty array" : `an array of at least ${minimum} items`;
  return `a number ${inclusive ? "≥" : ">"} ${minimum}`;
}

function upperBound(origin: string, maximum: number, inclusive: boolean): string {
  if (origin === "string") return `a string of at most ${maximum} characters`;
  if (origin === "array") return `an array of at most ${maximum} items`;
  return `a number ${inclusive ? "≤" : "<"} ${maximum}`;
}

function oneOf(values: readonly unknown[]): string {
  const shown = values.map((value) => describeValue(value));
  return shown.length === 1 ? (shown[0] ?? "") : `one of ${shown.join(", ")}`;
}

/** A failed discriminator names the allowed tags; any other union lists the types its options start with. */
function unionMessage(issue: RawIssue & { code: "invalid_union" }): string {
  const { discriminator, options } = issue as { discriminator?: unknown; options?: unknown };
  if (typeof discriminator === "string" && Array.isArray(options)) {
    return expected(oneOf(options))({ input: ownProperty(issue.input, discriminator) });
  }
  const names = issue.errors
    .flat()
    .flatMap((inner) => (inner.code === "invalid_type" && inner.path.length === 0 ? [typeName(inner.expected)] : []));
  const unique = [...new Set(names)];
  const last = unique.pop();
  const what = last === undefined ? "a valid value" : unique.length === 0 ? last : `${unique.join(", ")} or ${last}`;
  return expected(what)(issue);
}
