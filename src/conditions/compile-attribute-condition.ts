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
 * Compiles one attribute condition (README: Attribute conditions) through the operator table: texts normalised, numbers parsed,
 * `like` words split and regexes built here, once, so that evaluation only reads the visitor value.
 *
 * @example
 * const condition = compileAttributeCondition({ key: "plan", op: "in", value: ["Pro", "Team"] });
 * testAttribute(condition, { plan: "pro" }, 0) // => true
 */
export function compileAttributeCondition(condition: AttributeCondition): CompiledAttributeCondition {
  return {
    key: condition.key,
    op: condition.op,
    holds: compilePredicate(condition),
    whenMissing: condition.op === "notExists",
    relativeSeconds: relativeSeconds(condition),
  };
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
