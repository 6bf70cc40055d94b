/**
 * Seeded visitor snapshots with their evaluation instants, drawn from the same vocabularies as the invitations
 * (with real-world spelling variations), plus a share of visitors from outside them that should match (almost)
 * nothing.
 */
import type { AttributeValue, Visitor, VisitorEvent } from "../src/index.js";
import { createRandom, type Random } from "./random.js";
import * as V from "./vocabulary.js";

/** Monday 2026-03-23 00:00 UTC; three weeks from here cross the EU (29 March) and Sydney (5 April) DST changes. */
/** One visitor and the instant it is evaluated at (epoch ms). */
export interface Sample {
  visitor: Visitor;
  now: number;
}

const START_MS = Date.UTC(2026, 2, 23);
const SPAN_MS = 21 * 24 * 3600 * 1000;

/**
 * Generates `count` visitors and instants. About 15 % come from outside every vocabulary (unknown site, language
 * and page, no tags, attributes or events, just arrived).
 *
 * @example
 * generateSamples(10_000, 7)[0].visitor.id // => "v-00000"
 */
export function generateSamples(count: number, seed: number): Sample[] {
  const random = createRandom(seed ^ 0x5eed);
  return Array.from({ length: count }, (_, i) => {
    const now = START_MS + Math.floor(random.next() * SPAN_MS);
    const id = `v-${String(i).padStart(5, "0")}`;
    return { visitor: random.chance(0.15) ? stranger(random, id) : visitor(random, id, now), now };
  });
}

function stranger(random: Random, id: string): Visitor {
  return {
    id,
    url: `https://unknown-${random.int(1, 9)}.org/landing`,
    identifier: "legacy-embed",
    language: "xx",
    timeOnSite: 0,
    pageviews: 1,
  };
}

function visitor(random: Random, id: string, now: number): Visitor {
  const v: Visitor = { id, timeOnSite: random.weighted([[0, 10], [random.int(1, 20), 30], [random.int(20, 300), 60]]) };
  if (random.chance(0.8)) v.pageviews = random.int(1, 8);
  if (random.chance(0.95)) v.url = pageUrl(random);
  if (random.chance(0.85)) v.language = spelled(random, random.pick(V.LANGUAGES));
  if (random.chance(0.85)) v.identifier = spelled(random, random.pick(V.IDENTIFIERS));
  if (random.chance(0.6)) v.department = random.chance(0.5) ? random.pick(V.DEPARTMENTS) : ` ${random.pick(V.DEPARTMENTS)}`;
  if (random.chance(0.6)) v.tags = random.sample(V.TAGS, random.int(1, 3)).map((t) => spelled(random, t));
  if (random.chance(0.9)) v.device = random.weighted([["desktop", 55], ["mobile", 35], ["tablet", 10]] as const);
  if (random.chance(0.7)) v.attributes = attributes(random);
  if (random.chance(0.5)) v.events = events(random, now);
  return v;
}

function pageUrl(random: Random): string {
  if (random.chance(0.05)) return "https://partner.other.org/pricing";
  const scheme = random.weighted([["https://", 70], ["http://", 10], ["//", 5], ["", 15]]);
  const host = random.pick(V.HOSTS);
  const shownHost = random.chance(0.1) ? host.toUpperCase() : random.chance(0.02) ? `user@${host}` : host;
  let path: string = random.pick(V.PATHS);
  if (random.chance(0.05)) path = path.replace(/\/(\w)/, (_, c: string) => `/${c.toUpperCase()}`);
  if (random.chance(0.1) && path !== "/") path += "/";
  if (random.chance(0.05)) path = `${path}/extra`.replace("//", "/");
  const query = random.chance(0.2) ? `?utm_source=${random.pick(["mail", "ads"])}` : "";
  const fragment = random.chance(0.05) ? "#faq" : "";
  const withoutPath = path === "/" && random.chance(0.3);
  return `${scheme}${shownHost}${withoutPath ? "" : path}${query}${fragment}`;
}

function attributes(random: Random): Record<string, AttributeValue> {
  const attrs: Record<string, AttributeValue> = {};
  if (random.chance(0.8)) attrs["plan"] = random.chance(0.05) ? null : spelled(random, random.pick(V.PLANS));
  if (random.chance(0.5)) attrs["country"] = spelled(random, random.pick(V.COUNTRIES));
  if (random.chance(0.4)) attrs["member"] = random.chance(0.3) ? String(random.chance(0.5)) : random.chance(0.5);
  if (random.chance(0.6)) attrs["cartValue"] = numberLike(random, random.int(0, 400));
  if (random.chance(0.5)) attrs["orders"] = numberLike(random, random.int(0, 8));
  if (random.chance(0.4)) attrs["campaign"] = spelled(random, random.pick(V.CAMPAIGNS));
  return attrs;
}

/** Numbers arrive as numbers, numeric strings, or junk. */
function numberLike(random: Random, n: number): AttributeValue {
  const roll = random.next();
  if (roll < 0.6) return n;
  if (roll < 0.8) return ` ${n} `;
  if (roll < 0.85) return `${n}.0`;
  if (roll < 0.9) return "n/a";
  if (roll < 0.95) return null;
  return `${n}e0`;
}

function events(random: Random, now: number): VisitorEvent[] {
  const log: VisitorEvent[] = [];
  const count = random.int(1, 8);
  for (let i = 0; i < count; i++) {
    const name = spelled(random, random.pick(V.EVENT_NAMES));
    // Now and then exactly on a window's edge, where `now − at < within` must be strict.
    const edge = random.pick(V.EVENT_WINDOWS.filter((w): w is number => w !== undefined));
    const ageMs = random.chance(0.08) ? edge * 1000 : Math.floor(random.next() ** 2 * 2 * 86_400_000);
    log.push({ name, at: now - ageMs });
  }
  return log;
}

/** How visitors' texts arrive: mostly clean, sometimes upper-cased or padded. */
function spelled(random: Random, text: string): string {
  const roll = random.next();
  if (roll < 0.1) return text.toUpperCase();
  if (roll < 0.15) return ` ${text}`;
  return text;
}
