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

/**
 * Lists what keeps `value` from being JSON, with paths, in the order of a walk over its entries. The path walked is one
 * array, extended and shortened in place: a copy is made only for a problem, so a large valid design costs no
 * allocation per value. `ancestors` catches circular references.
 */
function findJsonProblems(value: unknown): JsonProblem[] {
  const problems: JsonProblem[] = [];
  walkJson(value, [], new Set(), problems);
  return problems;
}

function walkJson(value: unknown, path: (string | number)[], ancestors: Set<object>, problems: JsonProblem[]): void {
  if (value === null || typeof value === "string" || typeof value === "boolean") return;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) problems.push({ code: "invalid_value", path: [...path], message: `expected a finite number, got ${value}` });
    return;
  }
  if (!Array.isArray(value) && !isRecord(value)) {
    problems.push({ code: "invalid_type", path: [...path], message: `expected ${JSON_TYPES}, got ${describeValue(value)}` });
    return;
  }
  if (ancestors.has(value)) {
    problems.push({ code: "invalid_value", path: [...path], message: "circular reference" });
    return;
  }
  if (ancestors.size >= MAX_JSON_DEPTH) {
    problems.push({ code: "too_big", path: [...path], message: `expected JSON nested at most ${MAX_JSON_DEPTH} levels deep` });
    return;
  }
  ancestors.add(value);
  // Every entry is read before any is walked, holes included (they read as undefined), as `entries()` reads them.
  const entries: [string | number, unknown][] = Array.isArray(value) ? [...value.entries()] : Object.entries(value);
  for (let e = 0; e < entries.length; e++) {
    const [key, item] = entries[e] as [string | number, unknown];
    path.push(key);
    walkJson(item, path, ancestors, problems);
    path.pop();
  }
  if (!Array.isArray(value) && Object.hasOwn(value, "__proto__")) {
    problems.push({ code: "invalid_value", path: [...path, "__proto__"], message: 'the key "__proto__" cannot be used' });
  }
  ancestors.delete(value);
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
      for (const problem of findJsonProblems(value)) {
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
