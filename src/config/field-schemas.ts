/**
 * The building blocks every beckon schema is made of. Each carries its own wording, so a message always names the
 * full expectation ("expected an integer ≥ 0, got 1.5") whichever of its checks failed.
 */
import * as z from "zod/mini";
import { MAX_VISITOR_LIST_LENGTH } from "./visitor-limits.js";
import { findMalformedPlaceholders } from "../render/placeholders.js";
import { expected } from "./expected.js";
import { inspectFirst, NO_ISSUES } from "./inspect-first.js";
import { customIssue, reportIssue } from "./report-issue.js";

function numberFrom(what: string): z.ZodMiniNumber {
  return z.number({ error: expected(what) });
}

function integerFrom(what: string): z.ZodMiniInt {
  return z.int({ error: expected(what) });
}

const optionals = new WeakMap<z.core.$ZodType, z.core.$ZodType>();

/**
 * A field that may be left out; when present it must hold a `T` (a key holding `undefined` is refused, JSON cannot say
 * it). One instance per schema, however many objects have such a field: building schemas is a third of the import.
 *
 * @example
 * z.strictObject({ name: optional(stringSchema) }).safeParse({}).success // => true
 */
export function optional<T extends z.core.$ZodType>(schema: T): z.ZodMiniExactOptional<T> {
  const known = optionals.get(schema) as z.ZodMiniExactOptional<T> | undefined;
  if (known !== undefined) return known;
  const made = z.exactOptional(schema);
  optionals.set(schema, made);
  return made;
}

/**
 * A finite number (zod refuses NaN and ±Infinity).
 *
 * @example
 * numberSchema.safeParse(Infinity).success // => false
 */
export const numberSchema = numberFrom("a number");
/**
 * Seconds and other amounts that cannot be negative.
 *
 * @example
 * nonNegativeNumberSchema.safeParse(-3) // fails: "expected a number ≥ 0, got -3"
 */
export const nonNegativeNumberSchema = numberFrom("a number ≥ 0").check(
  z.minimum(0, { error: expected("a number ≥ 0") }),
);
/**
 * Amounts where 0 would mean "never" (idle seconds, conversion window).
 *
 * @example
 * positiveNumberSchema.safeParse(0) // fails: "expected a number > 0, got 0"
 */
export const positiveNumberSchema = numberFrom("a number > 0").check(z.gt(0, { error: expected("a number > 0") }));
/**
 * Any safe integer (positions may be negative).
 *
 * @example
 * integerSchema.safeParse(-2).success // => true
 */
export const integerSchema = integerFrom("an integer");
/**
 * Counts.
 *
 * @example
 * nonNegativeIntegerSchema.safeParse(1.5) // fails: "expected an integer ≥ 0, got 1.5"
 */
export const nonNegativeIntegerSchema = integerFrom("an integer ≥ 0").check(
  z.minimum(0, { error: expected("an integer ≥ 0") }),
);
/**
 * Counts where 0 makes no sense (`minCount`).
 *
 * @example
 * positiveIntegerSchema.safeParse(0) // fails: "expected an integer ≥ 1, got 0"
 */
export const positiveIntegerSchema = integerFrom("an integer ≥ 1").check(
  z.minimum(1, { error: expected("an integer ≥ 1") }),
);
/**
 * A string, kept as written (never trimmed).
 *
 * @example
 * stringSchema.parse(" eng ") // => " eng "
 */
export const stringSchema = z.string();
/**
 * A boolean.
 *
 * @example
 * booleanSchema.safeParse("true").success // => false
 */
export const booleanSchema = z.boolean();
/**
 * A list of strings.
 *
 * @example
 * stringListSchema.parse(["op-1"]) // => ["op-1"]
 */
export const stringListSchema = z.array(stringSchema);
/**
 * A list of strings in a visitor snapshot or state, at most `MAX_VISITOR_LIST_LENGTH` long.
 *
 * @example
 * visitorStringListSchema.safeParse(new Array(1001).fill("x")).success // => false
 */
export const visitorStringListSchema = z.array(stringSchema).check(z.maxLength(MAX_VISITOR_LIST_LENGTH));
/**
 * The device classes a visitor is told apart by.
 *
 * @example
 * deviceSchema.safeParse("watch").success // => false
 */
export const deviceSchema = z.enum(["desktop", "mobile", "tablet"]);
/**
 * A string or a number (department ids and period ends are written both ways).
 *
 * @example
 * stringOrNumberSchema.safeParse(true) // fails: "expected a string or a number, got true"
 */
export const stringOrNumberSchema = z.union([stringSchema, numberSchema], { error: expected("a string or a number") });

/**
 * A string that is not blank after trimming.
 *
 * @example
 * nonEmptyStringSchema.safeParse("  ") // fails with code "empty_string"
 */
export const nonEmptyStringSchema = stringSchema.check(
  z.superRefine((text, ctx) => {
    if (text.trim() !== "") return;
    reportIssue(ctx, "empty_string", `expected a non-empty string, got ${JSON.stringify(text)}`);
  }),
);

const PLACEHOLDERS = "use {nick}, {operator}, {lhc.var.KEY} or {lhc.add.KEY}";

/**
 * A message template (docs/semantics.md: Rendering): every `{lhc.…}` in it must be a well-formed placeholder.
 *
 * @example
 * templateSchema.safeParse("Hi {lhc.var.}") // fails with code "malformed_placeholder"
 */
export const templateSchema = stringSchema.check(
  z.superRefine((text, ctx) => {
    // Most texts have no braces at all; every placeholder, well-formed or not, starts with one.
    if (!text.includes("{")) return;
    for (const bad of findMalformedPlaceholders(text)) {
      const message = `malformed placeholder ${JSON.stringify(bad)}: ${PLACEHOLDERS}`;
      reportIssue(ctx, "malformed_placeholder", message);
    }
  }),
);

/**
 * A template that must also say something (the invitation's `message`).
 *
 * @example
 * requiredTemplateSchema.safeParse("") // fails with code "empty_string"
 */
export const requiredTemplateSchema = templateSchema.check(
  z.superRefine((text, ctx) => {
    if (text.trim() !== "") return;
    reportIssue(ctx, "empty_string", `expected a non-empty message, got ${JSON.stringify(text)}`);
  }),
);

/**
 * A string-keyed record. zod silently drops an own `__proto__` key, which would make the output differ from the input
 * without a word; it is reported instead.
 *
 * @example
 * recordOf(z.string()).safeParse(JSON.parse('{"__proto__": "x"}')) // fails with code "invalid_value"
 */
export function recordOf<T extends z.core.$ZodType>(valueSchema: T) {
  return inspectFirst((value) => {
    if (typeof value !== "object" || value === null || Array.isArray(value) || !Object.hasOwn(value, "__proto__")) {
      return NO_ISSUES;
    }
    return [customIssue("invalid_value", 'the key "__proto__" cannot be used', ["__proto__"])];
  }, z.record(stringSchema, valueSchema));
}
