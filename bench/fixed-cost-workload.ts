/**
 * The workload of bench/fixed-cost.ts (issue 11, item 8), seeded: K invitations each restricted by time on site, page
 * views, language, identifier, tag, departments, referrer, device, a weekly window in UTC, a URL list and sometimes
 * an event count, at positions that are a shuffled 0 … K−1; visitors with 0–3 events at instants within one week.
 *
 * Two shapes of invitation, both readings of the "invitations with time on site, page views, language, …":
 * `mixed` (the default, and every figure in bench/RESULTS.md before its twenty-eighth round) restricts each
 * dimension on some invitations only (language on half, identifier and departments on 30 %, tag and referrer on 20 %,
 * one device on 30 %, URLs on 60 %, an event count on 30 %), so most dimensions leave most invitations open to a
 * visitor; `every` restricts every dimension on every invitation, so few invitations fit any one visitor.
 */
import type { Invitation, Visitor } from "../src/index.js";
import { createRandom, type Random } from "./random.js";

/** Monday 2026-11-23, 00:00 UTC; instants fall within that week. */
export const WEEK = Date.UTC(2026, 10, 23);
export const DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
const LANGUAGES = ["eng", "lit", "ger", "rus"];
const IDENTIFIERS = ["site_a", "site_b", "site_c"];
const TAGS = ["vip", "promo", "trial", "b2b"];
const REFERRERS = ["google", "bing", "facebook", "news"];
const DEVICES = ["desktop", "mobile", "tablet"] as const;
const SECTIONS = ["pricing", "docs", "blog", "shop", "help", "account"];

const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random.next() * list.length)] as T;
const chance = (random: Random, p: number): boolean => random.next() < p;
/** See the module's comment. */
export type WorkloadShape = "mixed" | "every";

/** The shape a benchmark's `--shape` option names (absent: `mixed`); any other name is refused. */
export function workloadShape(name: string | undefined): WorkloadShape {
  if (name === undefined || name === "mixed" || name === "every") return name ?? "mixed";
  throw new Error(`--shape: expected "mixed" or "every", got ${JSON.stringify(name)}`);
}

const hh = (hour: number): string => `${String(hour).padStart(2, "0")}:00`;

function invitationAt(random: Random, i: number, position: number, shape: WorkloadShape): Invitation {
  // Under `every` a restriction is kept whatever its draw says; the values it then picks take further draws, so after
  // the first restriction `mixed` leaves out the two shapes' invitations differ (their positions do not).
  const restrict = (p: number): boolean => chance(random, p) || shape === "every";
  const from = Math.floor(random.next() * 12);
  const window = { start: hh(from), end: hh(from + 6 + Math.floor(random.next() * 6)) };
  return {
    id: `inv-${i}`,
    position,
    message: "Need help?",
    timeOnSite: Math.floor(random.next() * 30),
    pageviews: Math.floor(random.next() * 3),
    language: restrict(0.5) ? pick(random, LANGUAGES) : "",
    identifier: restrict(0.3) ? pick(random, IDENTIFIERS) : "",
    tag: restrict(0.2) ? pick(random, TAGS) : "",
    departments: restrict(0.3) ? [String(1 + Math.floor(random.next() * 3))] : [],
    referrer: restrict(0.2) ? pick(random, REFERRERS) : "",
    devices: restrict(0.3) ? [pick(random, DEVICES)] : ["desktop", "mobile", "tablet"],
    schedule: { type: "weekly", timeZone: "UTC", days: Object.fromEntries(DAYS.filter(() => chance(random, 0.8)).map((d) => [d, [window]])) },
    urls: restrict(0.6) ? [`/${pick(random, SECTIONS)}*`, `/${pick(random, SECTIONS)}/*`] : [],
    ...(restrict(0.3) ? { events: [{ event: "login_failed", minCount: 1 + Math.floor(random.next() * 3), withinSeconds: 1800 }] } : {}),
  };
}

function visitorAt(random: Random, i: number, now: number): Visitor {
  const events = Array.from({ length: Math.floor(random.next() * 4) }, () => ({ name: "login_failed", at: now - Math.floor(random.next() * 3_600_000) }));
  return {
    id: `v${i}`,
    timeOnSite: Math.floor(random.next() * 60),
    pageviews: 1 + Math.floor(random.next() * 4),
    language: pick(random, LANGUAGES),
    identifier: pick(random, IDENTIFIERS),
    tags: TAGS.filter(() => chance(random, 0.3)),
    department: String(1 + Math.floor(random.next() * 3)),
    referrer: chance(random, 0.5) ? `https://www.${pick(random, REFERRERS)}.com/search?q=x` : "",
    device: pick(random, DEVICES),
    url: `https://example.com/${pick(random, SECTIONS)}/${i % 7}`,
    events,
  };
}

/** The seeded invitations, visitors and their instants for one set size. */
export function fixedCostWorkload(k: number, count: number, shape: WorkloadShape = "mixed"): { invitations: Invitation[]; visitors: Visitor[]; instants: number[] } {
  const random = createRandom(11 * k + 5);
  // Positions are a shuffled 0 … K−1, in no order: the loop has to look at every invitation that could still win.
  const positions = Array.from({ length: k }, (_, i) => i);
  for (let i = k - 1; i > 0; i--) {
    const j = Math.floor(random.next() * (i + 1));
    [positions[i], positions[j]] = [positions[j] as number, positions[i] as number];
  }
  const invitations = Array.from({ length: k }, (_, i) => invitationAt(random, i, positions[i] as number, shape));
  const instants = Array.from({ length: count }, () => WEEK + Math.floor(random.next() * 7 * 86_400_000));
  const visitors = instants.map((now, i) => visitorAt(random, i, now));
  return { invitations, visitors, instants };
}
