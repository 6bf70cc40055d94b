import { ATTRIBUTE_OPERATORS } from "../conditions/attribute-operators.js";
import { compileLike } from "../conditions/compile-like.js";
import { numericValue } from "../conditions/numeric-value.js";
import { normalizeText } from "../conditions/text.js";
import type { AttributeCondition, AttributeScalar, Invitation } from "../types.js";
import { finding, type LintFinding } from "./lint-codes.js";

type Op = AttributeCondition["op"];

/** Each operator that holds exactly where its partner fails, for a present value (docs/semantics.md: Attribute conditions). */
const NEGATIONS: Partial<Record<Op, Op>> = { eq: "neq", in: "notIn", contains: "notContains", like: "notLike" };

/**
 * Finds invitations whose attribute conditions on one key can never hold together, whatever the visitor's value and
 * the instant: `notExists` with any other test of the key (a missing value fails every other operator); an operator
 * with its negation on the same value (`eq x` and `neq x`, `like` and `notLike`, …); `eq`/`in` lists with no value
 * equal between them (`eq "pro"` and `eq "basic"`), or every value excluded by a `neq`/`notIn`; numeric bounds with
 * nothing between them (`gt 10` and `lt 5`; relative times compare their offsets); and `eq`/`in` values none of
 * which is a number the bounds allow. Equality is the operator table's own (`"1.0"` equals `1`), so the finding holds
 * exactly as evaluation compares.
 *
 * @example
 * findContradictions([{ id: "a", message: "Hi", attributes: [{ key: "seats", op: "gt", value: 10 }, { key: "seats", op: "lt", value: 5 }] }])
 * // => [{ code: "contradictory_conditions", path: [0, "attributes"], message: 'attribute "seats": …' }]
 */
export function findContradictions(invitations: readonly Invitation[]): LintFinding[] {
  const findings: LintFinding[] = [];
  invitations.forEach((invitation, i) => {
    if (invitation.enabled === false) return;
    const byKey = new Map<string, AttributeCondition[]>();
    for (const condition of invitation.attributes ?? []) {
      const list = byKey.get(condition.key) ?? [];
      list.push(condition);
      byKey.set(condition.key, list);
    }
    for (const [key, conditions] of byKey) {
      const why = contradiction(conditions);
      if (why !== null) findings.push(finding("contradictory_conditions", [i, "attributes"], `attribute "${key}": ${why}; the invitation can never be shown`));
    }
  });
  return findings;
}

/** Why the conditions on one key cannot all hold, or `null` when lint cannot tell. */
function contradiction(conditions: readonly AttributeCondition[]): string | null {
  const ops = new Set(conditions.map((c) => c.op));
  if (ops.has("notExists") && conditions.some((c) => c.op !== "notExists")) return "notExists with a test that needs the value";
  for (const c of conditions) {
    const negation = NEGATIONS[c.op];
    if (negation !== undefined && conditions.some((d) => d.op === negation && sameTest(c, d))) {
      return `${c.op} and ${negation} of the same value`;
    }
  }
  return equalities(conditions) ?? bounds(conditions);
}

/**
 * Do an operator and its negation test the same value, as evaluation reads it? `contains` compares texts trimmed and
 * lower-cased, `like` its compiled words (case and spacing folded); the others their values as written (`eq`/`in`
 * values that are equal only as numbers are `equalities`' to find).
 */
function sameTest(c: AttributeCondition, d: AttributeCondition): boolean {
  if ((c.op === "contains" || c.op === "notContains") && (d.op === "contains" || d.op === "notContains")) {
    return normalizeText(String(c.value)) === normalizeText(String(d.value));
  }
  if ((c.op === "like" || c.op === "notLike") && (d.op === "like" || d.op === "notLike")) {
    return JSON.stringify(compileLike(c.value).groups) === JSON.stringify(compileLike(d.value).groups);
  }
  return JSON.stringify("value" in c ? c.value : null) === JSON.stringify("value" in d ? d.value : null);
}

/** The values an `eq` or `in` condition accepts; `null` for another operator. */
function accepted(c: AttributeCondition): readonly AttributeScalar[] | null {
  if (c.op === "eq" || c.op === "in") return Array.isArray(c.value) ? c.value : [c.value as AttributeScalar];
  return null;
}

function refused(c: AttributeCondition): readonly AttributeScalar[] | null {
  if (c.op === "neq" || c.op === "notIn") return Array.isArray(c.value) ? c.value : [c.value as AttributeScalar];
  return null;
}

/** Equal as `eq` compares: the same text, or numbers of the same value. */
function equal(a: AttributeScalar, b: AttributeScalar): boolean {
  // The table types each row by `Extract<AttributeCondition, { op }>`, which is `never` for the eq/neq member.
  const condition: AttributeCondition = { key: "", op: "eq", value: a };
  return ATTRIBUTE_OPERATORS.eq(condition as never)(b, 0);
}

function equalities(conditions: readonly AttributeCondition[]): string | null {
  const lists = conditions.map(accepted).filter((l): l is readonly AttributeScalar[] => l !== null);
  for (let x = 0; x < lists.length; x++) {
    for (let y = x + 1; y < lists.length; y++) {
      const [p, q] = [lists[x] as readonly AttributeScalar[], lists[y] as readonly AttributeScalar[]];
      if (!p.some((a) => q.some((b) => equal(a, b)))) return `no value is equal to both ${JSON.stringify(p)} and ${JSON.stringify(q)}`;
    }
  }
  const excluded = conditions.flatMap((c) => refused(c) ?? []);
  for (const list of lists) {
    if (excluded.length > 0 && list.every((a) => excluded.some((b) => equal(a, b)))) return `every value of ${JSON.stringify(list)} is excluded by neq/notIn`;
  }
  return null;
}

interface Bound {
  value: number;
  strict: boolean;
}

/** Numeric bounds, absolute and relative apart (a relative one is the instant plus its offset: offsets compare). */
function bounds(conditions: readonly AttributeCondition[]): string | null {
  const span = { abs: { lo: null as Bound | null, hi: null as Bound | null }, rel: { lo: null as Bound | null, hi: null as Bound | null } };
  let any = false;
  for (const c of conditions) {
    if (c.op !== "gt" && c.op !== "gte" && c.op !== "lt" && c.op !== "lte") continue;
    any = true;
    const relative = typeof c.value === "object";
    const value = typeof c.value === "object" ? c.value.now : numericValue(c.value);
    if (value === null) return `${c.op} compares with ${JSON.stringify(c.value)}, which is not a number`;
    const side = relative ? span.rel : span.abs;
    const bound = { value, strict: c.op === "gt" || c.op === "lt" };
    if (c.op === "gt" || c.op === "gte") side.lo = tighter(side.lo, bound, 1);
    else side.hi = tighter(side.hi, bound, -1);
  }
  for (const side of [span.abs, span.rel]) {
    if (side.lo !== null && side.hi !== null && empty(side.lo, side.hi)) return "no number lies between its lower and upper bounds";
  }
  if (!any) return null;
  for (const list of conditions.map(accepted)) {
    if (list !== null && !list.some((v) => allowed(numericValue(v), span.abs.lo, span.abs.hi))) {
      return `none of ${JSON.stringify(list)} is a number its bounds allow`;
    }
  }
  return null;
}

/** The tighter of two bounds on one side (`sign` 1: lower bounds, the larger wins; -1: upper, the smaller). */
function tighter(current: Bound | null, next: Bound, sign: 1 | -1): Bound {
  if (current === null) return next;
  if (next.value * sign > current.value * sign) return next;
  if (next.value === current.value && next.strict) return next;
  return current;
}

function empty(lo: Bound, hi: Bound): boolean {
  return lo.value > hi.value || (lo.value === hi.value && (lo.strict || hi.strict));
}

function allowed(value: number | null, lo: Bound | null, hi: Bound | null): boolean {
  if (value === null) return false;
  if (lo !== null && (value < lo.value || (value === lo.value && lo.strict))) return false;
  return hi === null || value < hi.value || (value === hi.value && !hi.strict);
}
