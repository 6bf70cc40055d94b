import { numericValue } from "../conditions/numeric-value.js";
import { attributeConditionSchema } from "./attribute-condition-schema.js";
import { bySchema, isPlainObject, isScalar, isStringOrNumber, listOf, type Quick } from "./quick-fields.js";

const scalars = listOf(isScalar);
const nonEmptyScalars = listOf(isScalar, 1);
// `like` and `regex` values need the checks of their own schemas; they are rare enough to be read by them.
const bySchemas = bySchema(attributeConditionSchema);

/**
 * One attribute condition as `attributeConditionSchema` parses it (`{ key, op, value }`, a fresh copy), checked by
 * hand for every operator but `like`, `notLike` and `regex`, which the schema reads; `undefined` when the schema
 * would refuse it.
 *
 * @example
 * quickAttributeCondition({ key: "plan", op: "in", value: ["pro"] }) // => { key: "plan", op: "in", value: ["pro"] }
 * quickAttributeCondition({ key: "plan", op: "eq", value: { now: 1 } }) // => undefined
 */
export const quickAttributeCondition: Quick = (condition) => {
  if (!isPlainObject(condition)) return undefined;
  let key: unknown;
  let op: unknown;
  let value: unknown;
  let hasValue = false;
  // `for…in`, as the schemas walk an object's keys: any key but these three is unknown.
  for (const name in condition) {
    if (name === "key") key = condition[name];
    else if (name === "op") op = condition[name];
    else if (name === "value") {
      value = condition[name];
      hasValue = true;
    } else return undefined;
  }
  if (typeof key !== "string" || key.trim() === "") return undefined;
  if (op === "exists" || op === "notExists") return hasValue ? undefined : { key, op };
  if (!hasValue) return undefined;
  const parsed = parsedValue(op, value);
  return parsed === undefined ? (op === "like" || op === "notLike" || op === "regex" ? bySchemas(condition) : undefined) : { key, op, value: parsed };
};

/** The value of an operator checked by hand, parsed; `undefined` when refused or not checked here. */
function parsedValue(op: unknown, value: unknown): unknown {
  switch (op) {
    case "eq":
    case "neq":
      return isScalar(value) ? value : scalars(value);
    case "in":
    case "notIn":
      return nonEmptyScalars(value);
    case "contains":
    case "notContains":
      return isStringOrNumber(value) ? value : undefined;
    case "gt":
    case "gte":
    case "lt":
    case "lte":
      return comparable(value);
    default:
      return undefined;
  }
}

/** A number, a string evaluation reads as one, or a relative time `{ now }` (copied). */
function comparable(value: unknown): unknown {
  if (Number.isFinite(value)) return value;
  if (typeof value === "string") return numericValue(value) === null ? undefined : value;
  if (!isPlainObject(value)) return undefined;
  let now: unknown;
  for (const name in value) {
    if (name !== "now") return undefined;
    now = value[name];
  }
  return Number.isFinite(now) ? { now } : undefined;
}
