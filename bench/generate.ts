/**
 * Seeded generator of realistic invitation sets and visitor snapshots (see bench/README.md, "Workload").
 *
 * Invitations are standard ones only and use only features every implementation in the bench can express exactly:
 * identifier, language, department, tag, device, URL globs (host + path, trailing `*`, path-only `/x*`, an inner `*`,
 * `!` exclusions, the global `*`), weekly schedules in a few IANA zones, attribute conditions (eq, in, gt,
 * contains), event conditions (minCount within seconds), timeOnSite and pageviews.
 */
import { safeParseInvitations } from "../src/index.js";
import type { AttributeCondition, EventCondition, Invitation, Visitor, VisitorEvent, WeeklySchedule } from "../src/index.js";
import { createRandom, type Random } from "./random.js";
import * as V from "./vocabulary.js";

type Dimension =
  | "urls"
  | "language"
  | "identifier"
  | "timeOnSite"
  | "departments"
  | "tag"
  | "devices"
  | "schedule"
  | "attributes"
  | "events"
  | "pageviews";

const DIMENSIONS: readonly (readonly [Dimension, number])[] = [
  ["urls", 30],
  ["language", 20],
  ["identifier", 20],
  ["timeOnSite", 15],
  ["departments", 10],
  ["tag", 10],
  ["devices", 8],
  ["schedule", 8],
  ["attributes", 10],
  ["events", 6],
  ["pageviews", 6],
];

/**
 * Generates `count` valid standard invitations. The stream is sequential, so a smaller set is a prefix of a larger
 * one with the same seed. Throws when beckon's `safeParseInvitations` rejects the set.
 *
 * @example
 * generateInvitations(100, 1).length // => 100
 */
export function generateInvitations(count: number, seed: number): Invitation[] {
  const random = createRandom(seed);
  const invitations = Array.from({ length: count }, (_, i) => generateInvitation(random, i));
  const parsed = safeParseInvitations(invitations);
  if (!parsed.success) throw new Error(`generated invitations are invalid:\n${parsed.error.message}`);
  return invitations;
}

function generateInvitation(random: Random, index: number): Invitation {
  const id = `inv-${String(index).padStart(5, "0")}`;
  const invitation: Invitation = { id, message: `Hello from ${id}!`, position: position(random) };
  if (random.chance(0.03)) {
    // LHC's global fallback: every page of a site (or everyone who stayed a while), low priority.
    const scope = random.chance(0.5) ? { identifier: random.pick(V.IDENTIFIERS) } : { timeOnSite: random.pick(V.TIME_ON_SITE_THRESHOLDS) };
    return { ...invitation, ...scope, urls: ["*"], position: random.int(90, 100) };
  }
  if (random.chance(0.02)) invitation.enabled = false;
  const dimensions = new Set<Dimension>();
  const wanted = random.weighted<number>([[1, 30], [2, 35], [3, 25], [4, 10]]);
  while (dimensions.size < wanted) dimensions.add(random.weighted(DIMENSIONS));
  // A device or a schedule alone would target nearly everyone: such invitations also wait for some time on site.
  if ([...dimensions].every((d) => d === "devices" || d === "schedule")) dimensions.add("timeOnSite");
  for (const dimension of dimensions) restrict(invitation, dimension, random);
  return invitation;
}

function position(random: Random): number {
  return random.chance(0.3) ? random.pick(V.COMMON_POSITIONS) : random.int(0, 100);
}

function restrict(inv: Invitation, dimension: Dimension, random: Random): void {
  switch (dimension) {
    case "urls":
      inv.urls = urlPatterns(random);
      return;
    case "language":
      inv.language = casing(random, random.pick(V.LANGUAGES));
      return;
    case "identifier":
      inv.identifier = casing(random, random.pick(V.IDENTIFIERS));
      return;
    case "timeOnSite":
      inv.timeOnSite = random.pick(V.TIME_ON_SITE_THRESHOLDS);
      return;
    case "departments":
      inv.departments = random.sample(V.DEPARTMENTS, random.int(1, 3)).map((d) => (random.chance(0.5) ? d : String(d)));
      return;
    case "tag":
      inv.tag = casing(random, random.pick(V.TAGS));
      return;
    case "devices":
      inv.devices = random.sample(V.DEVICES, random.int(1, 2));
      return;
    case "schedule":
      inv.schedule = weeklySchedule(random);
      return;
    case "attributes":
      inv.attributes = Array.from({ length: random.int(1, 2) }, () => attributeCondition(random));
      return;
    case "events":
      inv.events = [eventCondition(random)];
      return;
    case "pageviews":
      inv.pageviews = random.pick(V.PAGEVIEW_THRESHOLDS);
      return;
    default:
      throw new Error(`unknown dimension ${dimension satisfies never}`);
  }
}

/** One to three URL patterns of the supported shapes, sometimes with an exclusion. */
function urlPatterns(random: Random): string[] {
  const patterns = Array.from({ length: random.weighted([[1, 70], [2, 20], [3, 10]]) }, () => urlPattern(random));
  if (random.chance(0.07)) patterns.push(`!${random.pick(["/checkout/payment", "/account/*", "shop.example.com/cart"])}`);
  return [...new Set(patterns)];
}

function urlPattern(random: Random): string {
  const host = random.pick(V.HOSTS);
  switch (random.weighted<string>([["exact", 25], ["hostPrefix", 20], ["hostStar", 8], ["pathExact", 15], ["pathPrefix", 20], ["inner", 7], ["home", 5]])) {
    case "exact":
      return `${random.pick(["", "https://", "http://"])}${random.chance(0.1) ? host.toUpperCase() : host}${random.pick(V.PATHS)}`;
    case "hostPrefix":
      return `${host}${random.pick(V.PATH_PREFIXES)}${random.pick(["/*", "*"])}`;
    case "hostStar":
      return `${host}/*`;
    case "pathExact":
      return random.pick(V.PATHS);
    case "pathPrefix":
      return `${random.pick(V.PATH_PREFIXES)}${random.pick(["/*", "*"])}`;
    case "inner":
      return random.pick(V.INNER_STAR_PATTERNS);
    default:
      return host;
  }
}

function weeklySchedule(random: Random): WeeklySchedule {
  const shape = random.pick(V.WINDOW_SHAPES);
  const days: WeeklySchedule["days"] = {};
  for (const day of shape.days) days[day] = [{ start: shape.start, end: shape.end }];
  return { type: "weekly", timeZone: random.pick(V.TIME_ZONES), days };
}

function attributeCondition(random: Random): AttributeCondition {
  switch (random.weighted<string>([["eq", 35], ["in", 25], ["gt", 25], ["contains", 15]])) {
    case "eq":
      return random.chance(0.2)
        ? { key: "member", op: "eq", value: random.chance(0.7) }
        : { key: "plan", op: "eq", value: casing(random, random.pick(V.PLANS)) };
    case "in":
      return random.chance(0.5)
        ? { key: "plan", op: "in", value: random.sample(V.PLANS, random.int(2, 3)) }
        : { key: "country", op: "in", value: random.sample(V.COUNTRIES, random.int(1, 3)).map((c) => casing(random, c)) };
    case "gt":
      return random.chance(0.6)
        ? { key: "cartValue", op: "gt", value: random.pick([0, 50, 100, 250]) }
        : { key: "orders", op: "gt", value: random.pick([0, 2, 5]) };
    default:
      return { key: "campaign", op: "contains", value: casing(random, random.pick(V.CAMPAIGN_WORDS)) };
  }
}

function eventCondition(random: Random): EventCondition {
  const withinSeconds = random.pick(V.EVENT_WINDOWS);
  const condition: EventCondition = { event: casing(random, random.pick(V.EVENT_NAMES)), minCount: random.int(1, 5) };
  if (withinSeconds !== undefined) condition.withinSeconds = withinSeconds;
  return condition;
}

/** Texts compare trimmed and case-insensitively: the data uses that freedom now and then. */
function casing(random: Random, text: string): string {
  const roll = random.next();
  if (roll < 0.1) return text.toUpperCase();
  if (roll < 0.15) return ` ${text} `;
  return text;
}

export { generateSamples, type Sample } from "./generate-visitors.js";
