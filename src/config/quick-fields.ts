/**
 * Hand-written checks of the common field types, for `quickParseInvitations`. Each returns the value when the zod
 * schema of the same name would accept it (and what that schema would return: the value itself for a primitive, a
 * fresh copy for a list), and `undefined` otherwise, which sends the whole input to the schemas for their report.
 */
import type * as z from "zod/mini";
import { checkGlob } from "../conditions/url-glob.js";
import { findMalformedPlaceholders } from "../render/placeholders.js";
import { tierUp } from "./tier-up.js";

/** A field check: the parsed value, or `undefined` when the schema should judge it. */
export type Quick = (value: unknown) => unknown;

/** `stringSchema`. */
export const quickString: Quick = (value) => (typeof value === "string" ? value : undefined);

/** `nonEmptyStringSchema`. */
export const quickNonEmptyString: Quick = (value) => (typeof value === "string" && value.trim() !== "" ? value : undefined);

/** `booleanSchema`. */
export const quickBoolean: Quick = (value) => (typeof value === "boolean" ? value : undefined);

/** `integerSchema` (zod's `int` is a safe integer). */
export const quickInteger: Quick = (value) => (Number.isSafeInteger(value) ? value : undefined);

/** `nonNegativeIntegerSchema`. */
export const quickNonNegativeInteger: Quick = (value) => (Number.isSafeInteger(value) && (value as number) >= 0 ? value : undefined);

/** `positiveIntegerSchema`. */
export const quickPositiveInteger: Quick = (value) => (Number.isSafeInteger(value) && (value as number) >= 1 ? value : undefined);

/** `nonNegativeNumberSchema` (zod refuses NaN and ±Infinity). */
export const quickNonNegativeNumber: Quick = (value) => (Number.isFinite(value) && (value as number) >= 0 ? value : undefined);

/** `templateSchema`: every `{lhc.…}` well-formed. */
export const quickTemplate: Quick = (value) => {
  if (typeof value !== "string") return undefined;
  return !value.includes("{") || findMalformedPlaceholders(value).length === 0 ? value : undefined;
};

/** `requiredTemplateSchema`: a template that is not blank. */
export const quickRequiredTemplate: Quick = (value) => (quickTemplate(value) !== undefined && (value as string).trim() !== "" ? value : undefined);

/** A string, finite number or boolean (the attribute scalars). */
export function isScalar(value: unknown): boolean {
  return typeof value === "string" || typeof value === "boolean" || Number.isFinite(value);
}

/** A string or a finite number (`stringOrNumberSchema`). */
export function isStringOrNumber(value: unknown): boolean {
  return typeof value === "string" || Number.isFinite(value);
}

/** A URL pattern `checkGlob` accepts. */
function isUrlPattern(value: unknown): boolean {
  return typeof value === "string" && checkGlob(value) === null;
}

const DEVICES: readonly unknown[] = ["desktop", "mobile", "tablet"];

function isDevice(value: unknown): boolean {
  return DEVICES.includes(value);
}

function isString(value: unknown): boolean {
  return typeof value === "string";
}

/**
 * A fresh copy of a list whose every item passes `accepts`, made from the items as they were checked (never read
 * twice); `undefined` when one does not, or when the list is shorter than `minLength`.
 *
 * @example
 * listOf(isString)(["a", "b"]) // => ["a", "b"], a new array
 */
export function listOf(accepts: (item: unknown) => boolean, minLength = 0): Quick {
  return (value) => {
    if (!Array.isArray(value) || value.length < minLength) return undefined;
    const length = value.length;
    const copy = new Array<unknown>(length);
    for (let i = 0; i < length; i++) {
      const item: unknown = value[i];
      if (!accepts(item)) return undefined;
      copy[i] = item;
    }
    return copy;
  };
}

/** A list whose items are parsed (copied) by `item`. */
export function listParsedBy(item: Quick): Quick {
  return (value) => {
    if (!Array.isArray(value)) return undefined;
    const length = value.length;
    const copy = new Array<unknown>(length);
    for (let i = 0; i < length; i++) {
      const parsed = item(value[i]);
      if (parsed === undefined) return undefined;
      copy[i] = parsed;
    }
    return copy;
  };
}

/** `stringListSchema`. */
export const quickStringList = listOf(isString);
/** `z.array(stringOrNumberSchema)` (departments). */
export const quickStringOrNumberList = listOf(isStringOrNumber);
/** A non-empty list of devices. */
export const quickDevices = listOf(isDevice, 1);
/** A list of URL patterns. */
export const quickUrls = listOf(isUrlPattern);

/**
 * The schema itself, for the fields rare enough not to need a check of their own (schedules, content, design): its
 * data when it accepts the value. Compiled, like the whole set's schema, once it has checked many values.
 */
export function bySchema(schema: z.ZodMiniType): Quick {
  return (value) => {
    const result = tierUp(schema, 1).safeParse(value);
    return result.success ? result.data : undefined;
  };
}

const OBJECT_PROTOTYPE: unknown = Object.prototype;

/** An object the schemas would read as one: not an array, prototype `Object.prototype` or null. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === OBJECT_PROTOTYPE || proto === null;
}
