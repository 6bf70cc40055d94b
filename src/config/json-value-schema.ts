import * as z from "zod/mini";
import type { JsonValue } from "../types.js";
import { describeValue } from "./describe-value.js";
import { isRecord } from "./is-record.js";
import { recordOf } from "./field-schemas.js";
import type { IssueCode } from "./issue-codes.js";
import { reportIssue } from "./report-issue.js";

interface JsonProblem {
  code: IssueCode;
  path: (string | number)[];
  message: string;
}

const JSON_TYPES = "a JSON value (string, finite number, boolean, null, array or plain object)";

/** Deeper designs are refused rather than risk overflowing the stack while checking or copying them. */
export const MAX_JSON_DEPTH = 64;

/** Lists what keeps `value` from being JSON, with paths; `ancestors` catches circular references. */
function findJsonProblems(value: unknown, path: (string | number)[], ancestors: Set<object>): JsonProblem[] {
  if (value === null || typeof value === "string" || typeof value === "boolean") return [];
  if (typeof value === "number") {
    if (Number.isFinite(value)) return [];
    return [{ code: "invalid_value", path, message: `expected a finite number, got ${value}` }];
  }
  if (!Array.isArray(value) && !isRecord(value)) {
    return [{ code: "invalid_type", path, message: `expected ${JSON_TYPES}, got ${describeValue(value)}` }];
  }
  if (ancestors.has(value)) return [{ code: "invalid_value", path, message: "circular reference" }];
  if (ancestors.size >= MAX_JSON_DEPTH) {
    return [{ code: "too_big", path, message: `expected JSON nested at most ${MAX_JSON_DEPTH} levels deep` }];
  }
  ancestors.add(value);
  const entries: [string | number, unknown][] = Array.isArray(value) ? [...value.entries()] : Object.entries(value);
  const problems = entries.flatMap(([key, item]) => findJsonProblems(item, [...path, key], ancestors));
  if (!Array.isArray(value) && Object.hasOwn(value, "__proto__")) {
    const message = 'the key "__proto__" cannot be used';
    problems.push({ code: "invalid_value", path: [...path, "__proto__"], message });
  }
  ancestors.delete(value);
  return problems;
}

/** Copies checked JSON, so the parsed configuration never shares objects with the caller's input. */
function cloneJson(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(cloneJson);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, cloneJson(item)]));
  }
  return value;
}

/**
 * Any JSON value, checked all the way down and deep-copied.
 *
 * @example
 * jsonValueSchema.safeParse({ width: NaN }) // fails at ["width"]: "expected a finite number, got NaN"
 */
export const jsonValueSchema = z.pipe(
  z.custom<JsonValue>(() => true).check(
    z.superRefine((value, ctx) => {
      for (const problem of findJsonProblems(value, [], new Set())) {
        reportIssue(ctx, problem.code, problem.message, problem.path);
      }
    }),
  ),
  z.transform(cloneJson),
);

/**
 * An opaque JSON object (`design`).
 *
 * @example
 * jsonObjectSchema.parse({ css: ".x{}" }) // => { css: ".x{}" }, a fresh copy
 */
export const jsonObjectSchema = recordOf(jsonValueSchema);
