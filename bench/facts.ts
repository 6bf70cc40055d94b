/**
 * Flat "facts" for the general rule engines (json-rules-engine and GrowthBook): the derived visitor plus, for the
 * invitation set at hand, one count per distinct (event, window) pair, the local minute of the week per time zone
 * and each attribute as text (`a_<key>`) and as number (`n_<key>`, absent when not numeric). Computed once per
 * visitor, inside the timed call.
 */
import type { Invitation } from "../src/index.js";
import { attributeText, countEvents, deriveVisitor, minuteOfWeek, normalizeText, numericValue, readAttribute } from "./derive.js";
import type { Visitor } from "../src/index.js";

export type Facts = Record<string, unknown>;

/** Names the rule builders use to refer to facts. */
export interface FactCatalog {
  eventFact(event: string, withinSeconds: number | undefined): string;
  zoneFact(timeZone: string): string;
}

/**
 * Collects what facts an invitation set needs and returns the per-visitor fact builder.
 *
 * @example
 * const { facts } = createFacts(invitations);
 * facts({ id: "v", language: "ENG" }, now).language // => "eng"
 */
export function createFacts(invitations: readonly Invitation[]): { catalog: FactCatalog; facts: (visitor: Visitor, now: number) => Facts } {
  const eventPairs: { name: string; withinMs: number }[] = [];
  const zones: string[] = [];
  const keys = new Set<string>();
  for (const inv of invitations) {
    for (const e of inv.events ?? []) eventIndex(eventPairs, normalizeText(e.event), (e.withinSeconds ?? 0) * 1000);
    if (inv.schedule?.type === "weekly" && !zones.includes(inv.schedule.timeZone ?? "UTC")) zones.push(inv.schedule.timeZone ?? "UTC");
    for (const a of inv.attributes ?? []) keys.add(a.key);
  }
  const catalog: FactCatalog = {
    eventFact: (event, withinSeconds) => `e_${eventIndex(eventPairs, normalizeText(event), (withinSeconds ?? 0) * 1000)}`,
    zoneFact: (timeZone) => `m_${zones.indexOf(timeZone)}`,
  };
  const attributeKeys = [...keys];
  const facts = (visitor: Visitor, now: number): Facts => {
    const v = deriveVisitor(visitor);
    const f: Facts = {
      language: v.language,
      identifier: v.identifier,
      tags: v.tags,
      department: v.department ?? null,
      device: v.device,
      page: v.page,
      hasPage: v.page !== null,
      timeOnSite: v.timeOnSite,
      pageviews: v.pageviews,
    };
    if (v.page !== null) {
      f["hostPath"] = v.page.hostPath;
      f["path"] = v.page.path;
    }
    for (const key of attributeKeys) {
      const value = readAttribute(v.attributes, key);
      const text = attributeText(value);
      if (text !== undefined) f[`a_${key}`] = text;
      const n = numericValue(value);
      if (n !== null) f[`n_${key}`] = n;
    }
    eventPairs.forEach(({ name, withinMs }, i) => (f[`e_${i}`] = countEvents(v.events.get(name), withinMs, now)));
    zones.forEach((zone, i) => (f[`m_${i}`] = minuteOfWeek(zone, now)));
    return f;
  };
  return { catalog, facts };
}

function eventIndex(pairs: { name: string; withinMs: number }[], name: string, withinMs: number): number {
  const found = pairs.findIndex((p) => p.name === name && p.withinMs === withinMs);
  if (found !== -1) return found;
  pairs.push({ name, withinMs });
  return pairs.length - 1;
}

/**
 * What an `eq` / `in` condition accepts, in the two forms the derived facts carry: the normalised texts and the
 * values that read as numbers (`"1.0"` eq `1`). Shared by the GrowthBook and json-rules-engine translations.
 */
export function expectedValues(value: unknown): { texts: string[]; numbers: number[] } {
  const expected = Array.isArray(value) ? value : [value];
  return {
    texts: expected.map((e) => normalizeText(String(e))),
    numbers: expected.map(numericValue).filter((n): n is number => n !== null),
  };
}
