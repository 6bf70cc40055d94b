/**
 * GrowthBook's `evalCondition` (MongoDB-style targeting conditions): one condition per invitation over the flat
 * facts of bench/facts.ts. Dimensions an invitation leaves open are simply absent from its condition; URL globs are
 * `$regex` on `hostPath` / `path`; a schedule is an `$or` of minute-of-week ranges in its zone; events compare a
 * derived count. Every condition is evaluated per visitor; the eligible ones go through the shared ranking.
 */
import { evalCondition } from "@growthbook/growthbook";
import type { AttributeCondition, Invitation } from "../../src/index.js";
import { normalizeText, numericValue } from "../derive.js";
import { createFacts, type FactCatalog, expectedValues } from "../facts.js";
import { compileUrlSpec, type GlobTest } from "../url-matcher.js";
import { pickWinner, rankOf, weeklyRanges, type Ranked } from "../winner.js";
import type { Implementation } from "./types.js";

type Condition = Parameters<typeof evalCondition>[1];
type Clause = Record<string, unknown>;

export const growthbook: Implementation = {
  name: "GrowthBook evalCondition",
  kind: "sync",
  build(invitations) {
    const enabled = invitations.filter((i) => i.enabled !== false);
    const { catalog, facts } = createFacts(enabled);
    const rules = enabled.map((inv) => ({ rank: rankOf(inv), condition: toCondition(inv, catalog) }));
    return (visitor, now) => {
      const f = facts(visitor, now);
      const eligible: Ranked[] = [];
      for (const rule of rules) if (evalCondition(f, rule.condition)) eligible.push(rule.rank);
      return pickWinner(eligible, visitor.id);
    };
  },
};

/**
 * One targeting condition for an invitation.
 *
 * @example
 * toCondition({ id: "a", message: "x", language: "ENG", timeOnSite: 30 }, catalog)
 * // => { language: "eng", timeOnSite: { $gte: 30 } }
 */
export function toCondition(inv: Invitation, catalog: FactCatalog): Condition {
  const clauses: Clause[] = [];
  if (inv.timeOnSite) clauses.push({ timeOnSite: { $gte: inv.timeOnSite } });
  if (inv.pageviews) clauses.push({ pageviews: { $gte: inv.pageviews } });
  if (inv.language?.trim()) clauses.push({ language: normalizeText(inv.language) });
  if (inv.identifier?.trim()) clauses.push({ identifier: normalizeText(inv.identifier) });
  if (inv.tag?.trim()) clauses.push({ tags: { $in: [normalizeText(inv.tag)] } });
  if (inv.departments?.length) clauses.push({ department: { $in: inv.departments.map((d) => normalizeText(String(d))) } });
  if (inv.devices) clauses.push({ device: { $in: inv.devices } });
  if (inv.urls?.length) clauses.push(...urlClauses(inv.urls));
  for (const a of inv.attributes ?? []) clauses.push(attributeClause(a));
  for (const e of inv.events ?? []) clauses.push({ [catalog.eventFact(e.event, e.withinSeconds)]: { $gte: e.minCount } });
  if (inv.schedule?.type === "weekly") {
    const fact = catalog.zoneFact(inv.schedule.timeZone ?? "UTC");
    clauses.push({ $or: weeklyRanges(inv.schedule).map(([from, to]) => ({ [fact]: { $gte: from, $lte: to } })) });
  }
  return merge(clauses);
}

/** Clauses on distinct fields share one object, as one would write by hand; repeated keys go to `$and`. */
function merge(clauses: Clause[]): Condition {
  const condition: Clause = {};
  const rest: Clause[] = [];
  for (const clause of clauses) {
    const [key] = Object.keys(clause) as [string];
    if (key in condition) rest.push(clause);
    else condition[key] = clause[key];
  }
  if (rest.length > 0) condition["$and"] = rest;
  return condition as Condition;
}

function urlClauses(patterns: readonly string[]): Clause[] {
  const spec = compileUrlSpec(patterns);
  const regex = (t: GlobTest): Clause => ({ [t.target]: { $regex: t.source } });
  if (spec.excludesAll) return [{ hasPage: { $eq: "never" } }];
  const none = spec.exclude.length === 0 ? [] : [{ $nor: spec.exclude.map(regex) }];
  if (spec.matchesAll) return none.length === 0 ? [] : [{ $or: [{ hasPage: false }, ...none] }];
  if (spec.onlyExclusions) return [{ hasPage: true }, ...none];
  return [{ hasPage: true }, { $or: spec.include.map(regex) }, ...none];
}

function attributeClause(condition: AttributeCondition): Clause {
  const text = `a_${condition.key}`;
  const number = `n_${condition.key}`;
  switch (condition.op) {
    case "eq":
    case "in": {
      const { texts, numbers } = expectedValues(condition.value);
      const byText = { [text]: { $in: texts } };
      return numbers.length === 0 ? byText : { $or: [byText, { [number]: { $in: numbers } }] };
    }
    case "gt":
      return { [number]: { $type: "number", $gt: numericValue(condition.value as number) } };
    case "contains":
      return { [text]: { $type: "string", $regex: escapeRegex(normalizeText(String(condition.value))) } };
    default:
      throw new Error(`the bench does not generate attribute op ${condition.op}`);
  }
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
