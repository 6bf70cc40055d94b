/** Structure and checks of attribute conditions (docs/semantics.md: Attribute conditions), one variant per row of the operator table. */
import * as z from "zod/mini";
import { likeWords } from "../conditions/like-words.js";
import { numericValue } from "../conditions/numeric-value.js";
import { checkRegex, MAX_REGEX_LENGTH, type RegexProblem } from "../conditions/regex.js";
import { remember } from "../lib/remember.js";
import { expected } from "./expected.js";
import {
  booleanSchema,
  nonEmptyStringSchema,
  numberSchema,
  stringOrNumberSchema,
  stringSchema,
} from "./field-schemas.js";
import { inspectFirst, NO_ISSUES } from "./inspect-first.js";
import { isRecord } from "./is-record.js";
import { customIssue, reportIssue } from "./report-issue.js";

const COMPARABLE = "a number, a numeric string or a relative time { now: seconds }";

const scalarSchema = z.union([stringSchema, numberSchema, booleanSchema], {
  error: expected("a string, number or boolean"),
});

/**
 * A moving instant, `{ now: seconds }` from the evaluation instant.
 *
 * @example
 * relativeTimeSchema.parse({ now: -259200 }) // => { now: -259200 }
 */
export const relativeTimeSchema = z.strictObject({ now: numberSchema });

const NOT_HERE = "a relative time { now: … } only works with gt, gte, lt and lte";

function isRelativeTime(value: unknown): boolean {
  return isRecord(value) && Object.hasOwn(value, "now");
}

/** A relative time only makes sense for numeric comparisons; anywhere else it is refused by name. */
function withoutRelativeTime<T extends z.core.$ZodType>(schema: T) {
  return inspectFirst((value) => {
    if (isRelativeTime(value)) return [customIssue("relative_time_not_allowed", NOT_HERE)];
    if (!Array.isArray(value) || !value.some(isRelativeTime)) return NO_ISSUES;
    const at = (item: unknown, i: number) => (isRelativeTime(item) ? [i] : []);
    return value.flatMap(at).map((i) => customIssue("relative_time_not_allowed", NOT_HERE, [i]));
  }, schema);
}

/** Exactly the strings evaluation reads as numbers, so a comparison accepted here can never silently fail there. */
const numericStringSchema = stringSchema.check(
  z.superRefine((text, ctx) => {
    if (numericValue(text) === null) reportIssue(ctx, "invalid_value", expected(COMPARABLE)({ input: text }));
  }),
);

const comparableSchema = z.union([numberSchema, numericStringSchema, relativeTimeSchema], {
  error: expected(COMPARABLE),
});

/**
 * `like` lists alternatives separated by commas, in groups joined by `&&`. An alternative without a word (blank, or
 * only punctuation) would be skipped silently by the matcher, so it is refused here.
 */
const likeSchema = nonEmptyStringSchema.check(
  z.superRefine((text, ctx) => {
    const alternatives = text.split("&&").flatMap((group) => group.split(","));
    if (text.trim() !== "" && alternatives.some((alternative) => likeWords(alternative).length === 0)) {
      const message = `expected comma-separated words without an empty alternative, got ${JSON.stringify(text)}`;
      reportIssue(ctx, "invalid_value", message);
    }
  }),
);

const regexSchema = stringSchema.check(
  z.superRefine((pattern, ctx) => {
    const problem = checkedRegex(pattern);
    if (problem !== null) reportIssue(ctx, problem.code, problem.message);
  }),
);

/**
 * What `checkRegex` found for the patterns read lately, as url-glob.ts keeps its globs' verdicts. Pricing a costly
 * pattern works out its automaton, ≈ 10 ms, and a set that does not validate is read three times (compile's quick
 * pass, the fast reader, then the schema listing every issue): without this, refusing one such pattern cost a call
 * three times that. Patterns past the length cap are refused without being kept.
 */
const checked = new Map<string, RegexProblem | null>();
const CHECKED_KEPT = 256;

function checkedRegex(pattern: string): RegexProblem | null {
  if (pattern.length > MAX_REGEX_LENGTH) return checkRegex(pattern);
  const known = checked.get(pattern);
  return known !== undefined ? known : remember(checked, pattern, checkRegex(pattern), CHECKED_KEPT);
}

const key = nonEmptyStringSchema;
const SCALARS = "a string, number, boolean or a list of them";
const nonEmptyScalars = "a non-empty list of strings, numbers or booleans";

/**
 * Any attribute condition, told apart by `op`.
 *
 * @example
 * attributeConditionSchema.safeParse({ key: "plan", op: "exists", value: 1 }) // fails: unknown key "value"
 */
export const attributeConditionSchema = z.discriminatedUnion("op", [
  z.strictObject({
    key,
    op: z.enum(["eq", "neq"]),
    value: withoutRelativeTime(z.union([scalarSchema, z.array(scalarSchema)], { error: expected(SCALARS) })),
  }),
  z.strictObject({ key, op: z.enum(["gt", "gte", "lt", "lte"]), value: comparableSchema }),
  z.strictObject({
    key,
    op: z.enum(["contains", "notContains"]),
    value: withoutRelativeTime(stringOrNumberSchema),
  }),
  z.strictObject({
    key,
    op: z.enum(["in", "notIn"]),
    value: withoutRelativeTime(
      z
        .array(scalarSchema, { error: expected(nonEmptyScalars) })
        .check(z.minLength(1, { error: expected(nonEmptyScalars) })),
    ),
  }),
  z.strictObject({ key, op: z.enum(["like", "notLike"]), value: withoutRelativeTime(likeSchema) }),
  z.strictObject({ key, op: z.enum(["exists", "notExists"]) }),
  z.strictObject({ key, op: z.literal("regex"), value: withoutRelativeTime(regexSchema) }),
]);
