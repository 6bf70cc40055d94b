/**
 * What a competent developer writes in an afternoon: invitations prepared once (texts normalised, URL globs as
 * RegExps, schedules as minute ranges), the visitor's values derived once, then one loop over every invitation that
 * skips those that cannot beat the best so far and checks the conditions of the others in order. No indexes.
 *
 * Two uses: a competitor in the benchmark (bench/impl/index.ts), and an oracle for evaluate's selection on the
 * conditions it knows (test/property/hand-loop.property.test.ts) — standard invitations, no lifecycle state, no
 * chat, no operators, the benchmark's vocabulary.
 */
import type { AttributeCondition, Invitation } from "../../../src/index.js";
import {
  attributeText,
  countEvents,
  deriveVisitor,
  minuteOfWeek,
  normalizeText,
  numericValue,
  readAttribute,
  type DerivedVisitor,
} from "../../../bench/derive.js";
import { compileUrlSpec, matchPage, toUrlMatcher, type UrlMatcher } from "../../../bench/url-matcher.js";
import { breakTie, compareRank, rankOf, weeklyRanges, type Ranked } from "../../../bench/winner.js";
import type { Implementation } from "../../../bench/impl/types.js";

interface Prepared extends Ranked {
  pageviews: number;
  language: string;
  identifier: string;
  tag: string;
  departments: Set<string> | null;
  devices: Set<string> | null;
  urls: UrlMatcher | null;
  attributes: ((v: DerivedVisitor) => boolean)[];
  events: { name: string; minCount: number; withinMs: number }[];
  schedule: { zone: number; ranges: [number, number][] } | null;
}

export const handLoop: Implementation = {
  name: "hand-written loop",
  kind: "sync",
  build(invitations) {
    const zones: string[] = [];
    const prepared = invitations.filter((i) => i.enabled !== false).map((i) => prepare(i, zones));
    return (visitor, now) => {
      const v = deriveVisitor(visitor);
      const minutes: number[] = new Array<number>(zones.length).fill(-1);
      let best: Prepared[] = [];
      for (const inv of prepared) {
        const first = best[0];
        const order = first === undefined ? -1 : compareRank(inv, first);
        if (order > 0 || !eligible(inv, v, now, zones, minutes)) continue;
        if (order < 0) best = [inv];
        else best.push(inv);
      }
      return breakTie(best, v.id);
    };
  },
};

function eligible(inv: Prepared, v: DerivedVisitor, now: number, zones: string[], minutes: number[]): boolean {
  if (v.timeOnSite < inv.timeOnSite || v.pageviews < inv.pageviews) return false;
  if (inv.language !== "" && inv.language !== v.language) return false;
  if (inv.identifier !== "" && inv.identifier !== v.identifier) return false;
  if (inv.tag !== "" && !v.tags.includes(inv.tag)) return false;
  if (inv.departments !== null && (v.department === undefined || !inv.departments.has(v.department))) return false;
  if (inv.devices !== null && !inv.devices.has(v.device)) return false;
  if (inv.urls !== null && !matchPage(inv.urls, v.page)) return false;
  for (const test of inv.attributes) if (!test(v)) return false;
  for (const e of inv.events) if (countEvents(v.events.get(e.name), e.withinMs, now) < e.minCount) return false;
  if (inv.schedule !== null) {
    const { zone, ranges } = inv.schedule;
    if (minutes[zone] === -1) minutes[zone] = minuteOfWeek(zones[zone] as string, now);
    const minute = minutes[zone] as number;
    if (!ranges.some(([from, to]) => minute >= from && minute <= to)) return false;
  }
  return true;
}

function prepare(inv: Invitation, zones: string[]): Prepared {
  let schedule: Prepared["schedule"] = null;
  if (inv.schedule !== undefined) {
    if (inv.schedule.type !== "weekly") throw new Error("the bench only generates weekly schedules");
    const zone = inv.schedule.timeZone ?? "UTC";
    if (!zones.includes(zone)) zones.push(zone);
    schedule = { zone: zones.indexOf(zone), ranges: weeklyRanges(inv.schedule) };
  }
  const { id, position, timeOnSite } = rankOf(inv);
  return {
    id,
    position,
    timeOnSite,
    pageviews: inv.pageviews ?? 0,
    language: normalizeText(inv.language ?? ""),
    identifier: normalizeText(inv.identifier ?? ""),
    tag: normalizeText(inv.tag ?? ""),
    departments: inv.departments?.length ? new Set(inv.departments.map((d) => normalizeText(String(d)))) : null,
    devices: inv.devices ? new Set(inv.devices) : null,
    urls: inv.urls?.length ? toUrlMatcher(compileUrlSpec(inv.urls)) : null,
    attributes: (inv.attributes ?? []).map(attributeTest),
    events: (inv.events ?? []).map((e) => ({ name: normalizeText(e.event), minCount: e.minCount, withinMs: (e.withinSeconds ?? 0) * 1000 })),
    schedule,
  };
}

/** eq / in compare as text, or as numbers when both sides are numeric; gt numerically; contains as text. */
function attributeTest(condition: AttributeCondition): (v: DerivedVisitor) => boolean {
  const { key } = condition;
  switch (condition.op) {
    case "eq":
    case "in": {
      const expected = Array.isArray(condition.value) ? condition.value : [condition.value];
      const texts = expected.map((e) => normalizeText(String(e)));
      const numbers = expected.map(numericValue).filter((n): n is number => n !== null);
      return (v) => {
        const value = readAttribute(v.attributes, key);
        if (value === undefined) return false;
        const n = numericValue(value);
        return texts.includes(attributeText(value) as string) || (n !== null && numbers.includes(n));
      };
    }
    case "gt": {
      const limit = numericValue(condition.value as number);
      return (v) => {
        const n = numericValue(readAttribute(v.attributes, key));
        return n !== null && limit !== null && n > limit;
      };
    }
    case "contains": {
      const needle = normalizeText(String(condition.value));
      return (v) => attributeText(readAttribute(v.attributes, key))?.includes(needle) ?? false;
    }
    default:
      throw new Error(`the bench does not generate attribute op ${condition.op}`);
  }
}
