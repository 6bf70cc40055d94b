/**
 * How `jsonValueSchema` listed what keeps a value from being JSON until 2 Dec 2026, kept verbatim as the oracle of
 * its replacement (which copies a path only for a problem): the same problems, with the same paths, in the same order.
 */
import { describeValue } from "../../../src/config/describe-value.js";
import { isRecord } from "../../../src/config/is-record.js";
import { MAX_JSON_DEPTH } from "../../../src/config/json-value-schema.js";

interface JsonProblem {
  code: string;
  path: (string | number)[];
  message: string;
}

const JSON_TYPES = "a JSON value (string, finite number, boolean, null, array or plain object)";

export function findJsonProblemsOracle(value: unknown, path: (string | number)[] = [], ancestors: Set<object> = new Set()): JsonProblem[] {
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
  const problems = entries.flatMap(([key, item]) => findJsonProblemsOracle(item, [...path, key], ancestors));
  if (!Array.isArray(value) && Object.hasOwn(value, "__proto__")) {
    const message = 'the key "__proto__" cannot be used';
    problems.push({ code: "invalid_value", path: [...path, "__proto__"], message });
  }
  ancestors.delete(value);
  return problems;
}
