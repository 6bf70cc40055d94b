import type { AttributeCondition, AttributeOperator } from "../types.js";
import { ATTRIBUTE_OPERATORS, type AttributePredicate } from "./attribute-operators.js";

/** An attribute condition compiled once per invitation, applied with `testAttribute` and `nextAttributeChange`. */
export interface CompiledAttributeCondition {
  readonly key: string;
  readonly op: AttributeOperator;
  /** Whether a present, non-null value satisfies the condition at an instant. */
  readonly holds: AttributePredicate;
  /** The result when the key is missing or null: `true` only for `notExists`. */
  readonly whenMissing: boolean;
  /** For a comparison with a relative time (`{ now: n }`): the offset `n` in seconds; else `null` (never moves). */
  readonly relativeSeconds: number | null;
}

/**
 * Compiles one attribute condition (docs/semantics.md: Attribute conditions) through the operator table: texts normalised, numbers parsed,
 * `like` words split and regexes built here, once, so that evaluation only reads the visitor value. Conditions
 * compiled with the same `predicates` map share the predicate of an equal operator and value.
 *
 * @example
 * const condition = compileAttributeCondition({ key: "plan", op: "in", value: ["Pro", "Team"] });
 * testAttribute(condition, { plan: "pro" }, 0) // => true
 */
export function compileAttributeCondition(
  condition: AttributeCondition,
  predicates?: Map<string, AttributePredicate>,
): CompiledAttributeCondition {
  return {
    key: condition.key,
    op: condition.op,
    holds: predicates === undefined ? compilePredicate(condition) : sharedPredicate(condition, predicates),
    whenMissing: condition.op === "notExists",
    relativeSeconds: relativeSeconds(condition),
  };
}

/**
 * The predicate of an operator and a value (written as JSON) compiled once per `predicates`: a predicate depends on
 * nothing else and is never changed, and a large set asks the same of many keys (`eq "yes"`), so one copy serves them.
 * JSON writes `NaN`, `±Infinity` and `null` alike; a value holding any (never a valid one) gets its own.
 */
function sharedPredicate(condition: AttributeCondition, predicates: Map<string, AttributePredicate>): AttributePredicate {
  const key = condition.op + JSON.stringify("value" in condition ? condition.value : 0);
  if (key.includes("null")) return compilePredicate(condition);
  let holds = predicates.get(key);
  if (holds === undefined) predicates.set(key, (holds = compilePredicate(condition)));
  return holds;
}

function compilePredicate<Op extends AttributeOperator>(
  condition: Extract<AttributeCondition, { op: Op }>,
): AttributePredicate {
  type Row = (c: Extract<AttributeCondition, { op: Op }>) => AttributePredicate;
  // Conditions are validated before compiling; an unknown operator from unvalidated input still fails closed.
  const row = ATTRIBUTE_OPERATORS[condition.op] as Row | undefined;
  return row === undefined ? () => false : row(condition);
}

function relativeSeconds(condition: AttributeCondition): number | null {
  if (!("value" in condition)) return null;
  const value: unknown = condition.value;
  if (typeof value !== "object" || value === null || Array.isArray(value)) return null;
  return (value as { now: number }).now;
}
