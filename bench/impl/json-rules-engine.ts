/**
 * json-rules-engine: one rule per invitation (`all` of conditions over the flat facts of bench/facts.ts), custom
 * operators where the built-in ones cannot say it (URL globs, text contains). The engine runs per visitor; the
 * events fired are the eligible set, which goes through the shared ranking.
 */
import { Engine, type NestedCondition, type RuleProperties } from "json-rules-engine";
import type { AttributeCondition, Invitation } from "../../src/index.js";
import { normalizeText, numericValue } from "../derive.js";
import { createFacts, type FactCatalog, expectedValues } from "../facts.js";
import { compileUrlSpec, matchPage, toUrlMatcher, type Page, type UrlMatcher } from "../url-matcher.js";
import { pickWinner, rankOf, weeklyRanges, type Ranked } from "../winner.js";
import type { Implementation } from "./types.js";

export const jsonRulesEngine: Implementation = {
  name: "json-rules-engine",
  kind: "async",
  build(invitations) {
    const enabled = invitations.filter((i) => i.enabled !== false);
    const { catalog, facts } = createFacts(enabled);
    // The glob operator receives the rule's pattern list; its compiled matcher is looked up by that very array.
    const matchers = new WeakMap<readonly string[], UrlMatcher>();
    const engine = new Engine([], { allowUndefinedFacts: true });
    engine.addOperator<Page | null, readonly string[]>("matchesUrl", (page, patterns) => {
      let matcher = matchers.get(patterns);
      if (matcher === undefined) {
        matcher = toUrlMatcher(compileUrlSpec(patterns));
        matchers.set(patterns, matcher);
      }
      return matchPage(matcher, page ?? null);
    });
    engine.addOperator<unknown, string>("textContains", (text, needle) => typeof text === "string" && text.includes(needle));
    const ranks = new Map<string, Ranked>();
    for (const inv of enabled) {
      ranks.set(inv.id, rankOf(inv));
      engine.addRule(toRule(inv, catalog));
    }
    return async (visitor, now) => {
      const { events } = await engine.run(facts(visitor, now));
      return pickWinner(events.map((e) => ranks.get(e.params?.["id"] as string) as Ranked), visitor.id);
    };
  },
};

/**
 * One json-rules-engine rule for an invitation.
 *
 * @example
 * toRule({ id: "a", message: "x", language: "eng" }, catalog).conditions
 * // => { all: [{ fact: "language", operator: "equal", value: "eng" }] }
 */
export function toRule(inv: Invitation, catalog: FactCatalog): RuleProperties {
  const all: NestedCondition[] = [];
  const add = (fact: string, operator: string, value: unknown): number => all.push({ fact, operator, value });
  if (inv.timeOnSite) add("timeOnSite", "greaterThanInclusive", inv.timeOnSite);
  if (inv.pageviews) add("pageviews", "greaterThanInclusive", inv.pageviews);
  if (inv.language?.trim()) add("language", "equal", normalizeText(inv.language));
  if (inv.identifier?.trim()) add("identifier", "equal", normalizeText(inv.identifier));
  if (inv.tag?.trim()) add("tags", "contains", normalizeText(inv.tag));
  if (inv.departments?.length) add("department", "in", inv.departments.map((d) => normalizeText(String(d))));
  if (inv.devices) add("device", "in", inv.devices);
  if (inv.urls?.length) add("page", "matchesUrl", inv.urls);
  for (const a of inv.attributes ?? []) all.push(attributeCondition(a));
  for (const e of inv.events ?? []) add(catalog.eventFact(e.event, e.withinSeconds), "greaterThanInclusive", e.minCount);
  if (inv.schedule?.type === "weekly") {
    const fact = catalog.zoneFact(inv.schedule.timeZone ?? "UTC");
    all.push({
      any: weeklyRanges(inv.schedule).map(([from, to]) => ({
        all: [
          { fact, operator: "greaterThanInclusive", value: from },
          { fact, operator: "lessThanInclusive", value: to },
        ],
      })),
    });
  }
  return { name: inv.id, conditions: { all }, event: { type: "eligible", params: { id: inv.id } } };
}

function attributeCondition(condition: AttributeCondition): NestedCondition {
  const text = `a_${condition.key}`;
  const number = `n_${condition.key}`;
  switch (condition.op) {
    case "eq":
    case "in": {
      const { texts, numbers } = expectedValues(condition.value);
      const byText = { fact: text, operator: "in", value: texts };
      return numbers.length === 0 ? byText : { any: [byText, { fact: number, operator: "in", value: numbers }] };
    }
    case "gt":
      return { fact: number, operator: "greaterThan", value: numericValue(condition.value as number) };
    case "contains":
      return { fact: text, operator: "textContains", value: normalizeText(String(condition.value)) };
    default:
      throw new Error(`the bench does not generate attribute op ${condition.op}`);
  }
}
