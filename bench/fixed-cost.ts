/**
 * The fixed cost of one decision (issue 11, item 8): a small LHC-like workload — each invitation with time on site,
 * page views, language, identifier, tag, departments, referrer, device, a weekly hour window in UTC, a URL list and
 * an event count; visitors with 0–3 events — decided by `evaluate` on a compiled set and by a plain loop written for
 * exactly these conditions (it returns the winner's index and nothing else: no message, no recheckAt, no reasons).
 * Both must pick the same winner for every visitor before anything is timed.
 *
 *   npx tsx bench/fixed-cost.ts                 # K = 10 and K = 1 000
 *   npx tsx bench/fixed-cost.ts --k 10,100      # other sizes
 *
 * Targets: beckon at most 1.5× the loop at K = 10; at least 8× faster than the loop at K = 1 000.
 */
import { compile, evaluate, type Invitation, type Visitor } from "../src/index.js";
import { createRandom, type Random } from "./random.js";

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i] ?? "", process.argv[i + 1] ?? "");
const SIZES = (args.get("--k") ?? "10,1000").split(",").map(Number);
const VISITORS = 2_000;
/** Monday 2026-11-23, 00:00 UTC; instants fall within that week. */
const WEEK = Date.UTC(2026, 10, 23);
const DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
const LANGUAGES = ["eng", "lit", "ger", "rus"];
const IDENTIFIERS = ["site_a", "site_b", "site_c"];
const TAGS = ["vip", "promo", "trial", "b2b"];
const REFERRERS = ["google", "bing", "facebook", "news"];
const DEVICES = ["desktop", "mobile", "tablet"] as const;
const SECTIONS = ["pricing", "docs", "blog", "shop", "help", "account"];

const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random.next() * list.length)] as T;
const chance = (random: Random, p: number): boolean => random.next() < p;
const hh = (hour: number): string => `${String(hour).padStart(2, "0")}:00`;

function invitationAt(random: Random, i: number, position: number): Invitation {
  const from = Math.floor(random.next() * 12);
  const window = { start: hh(from), end: hh(from + 6 + Math.floor(random.next() * 6)) };
  return {
    id: `inv-${i}`,
    position,
    message: "Need help?",
    timeOnSite: Math.floor(random.next() * 30),
    pageviews: Math.floor(random.next() * 3),
    language: chance(random, 0.5) ? pick(random, LANGUAGES) : "",
    identifier: chance(random, 0.3) ? pick(random, IDENTIFIERS) : "",
    tag: chance(random, 0.2) ? pick(random, TAGS) : "",
    departments: chance(random, 0.3) ? [String(1 + Math.floor(random.next() * 3))] : [],
    referrer: chance(random, 0.2) ? pick(random, REFERRERS) : "",
    devices: chance(random, 0.3) ? [pick(random, DEVICES)] : ["desktop", "mobile", "tablet"],
    schedule: { type: "weekly", timeZone: "UTC", days: Object.fromEntries(DAYS.filter(() => chance(random, 0.8)).map((d) => [d, [window]])) },
    urls: chance(random, 0.6) ? [`/${pick(random, SECTIONS)}*`, `/${pick(random, SECTIONS)}/*`] : [],
    ...(chance(random, 0.3) ? { events: [{ event: "login_failed", minCount: 1 + Math.floor(random.next() * 3), withinSeconds: 1800 }] } : {}),
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

/** What the plain loop needs of an invitation, prepared once. */
interface Plain {
  position: number;
  timeOnSite: number;
  pageviews: number;
  language: string;
  identifier: string;
  tag: string;
  departments: string[];
  referrer: string;
  devices: string[];
  /** Per weekday (0 = Monday) the window in minutes of the day, or null. */
  windows: ([number, number] | null)[];
  /** Path prefixes: `/pricing*` → "/pricing", `/docs/*` → "/docs/" (the loop's own simplification of globs). */
  prefixes: string[];
  minEvents: number;
}

const minutes = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

function prepare(invitation: Invitation): Plain {
  const days = invitation.schedule?.type === "weekly" ? invitation.schedule.days : {};
  return {
    position: invitation.position ?? 0,
    timeOnSite: invitation.timeOnSite ?? 0,
    pageviews: invitation.pageviews ?? 0,
    language: invitation.language ?? "",
    identifier: invitation.identifier ?? "",
    tag: invitation.tag ?? "",
    departments: (invitation.departments ?? []).map(String),
    referrer: invitation.referrer ?? "",
    devices: invitation.devices ?? [],
    windows: DAYS.map((day) => {
      const window = days[day]?.[0];
      return window === undefined ? null : [minutes(window.start), minutes(window.end)];
    }),
    prefixes: (invitation.urls ?? []).map((url) => url.replace(/\*$/, "")),
    minEvents: invitation.events?.[0]?.minCount ?? 0,
  };
}

/** The winner's index, or -1: the eligible invitation with the lowest position (positions are all different). */
function plainLoop(plain: readonly Plain[], v: Visitor, now: number): number {
  const path = (v.url ?? "").replace(/^https?:\/\/[^/]*/, "");
  const referrerHost = (v.referrer ?? "").replace(/^https?:\/\//, "").replace(/^www\./, "").split("/")[0] ?? "";
  const sinceMonday = now - WEEK;
  const day = Math.floor(sinceMonday / 86_400_000) % 7;
  const minute = Math.floor((sinceMonday % 86_400_000) / 60_000);
  let recent = 0;
  for (const event of v.events ?? []) if (now - event.at < 1_800_000) recent++;
  let winner = -1;
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < plain.length; i++) {
    const p = plain[i] as Plain;
    if (p.position >= best) continue;
    if ((v.timeOnSite ?? 0) < p.timeOnSite || (v.pageviews ?? 1) < p.pageviews) continue;
    if (p.language !== "" && p.language !== v.language) continue;
    if (p.identifier !== "" && p.identifier !== v.identifier) continue;
    if (p.tag !== "" && !(v.tags ?? []).includes(p.tag)) continue;
    if (p.departments.length > 0 && !p.departments.includes(String(v.department))) continue;
    if (p.referrer !== "" && !referrerHost.startsWith(p.referrer)) continue;
    if (!p.devices.includes(v.device ?? "desktop")) continue;
    const window = p.windows[day];
    // Weekly windows are inclusive to the minute at both ends (README: Schedules).
    if (window === null || window === undefined || minute < window[0] || minute > window[1]) continue;
    if (p.prefixes.length > 0 && !p.prefixes.some((prefix) => path.startsWith(prefix))) continue;
    if (recent < p.minEvents) continue;
    winner = i;
    best = p.position;
  }
  return winner;
}

/** ns per decision: the fastest of `rounds` passes over every visitor, each pass long enough to time. */
function time(decide: (visitor: Visitor, now: number) => unknown, visitors: readonly Visitor[], instants: readonly number[], rounds = 15): number {
  let best = Number.POSITIVE_INFINITY;
  let sink = 0;
  for (let round = 0; round < rounds; round++) {
    const started = process.hrtime.bigint();
    for (let i = 0; i < visitors.length; i++) if (decide(visitors[i] as Visitor, instants[i] as number) !== undefined) sink++;
    best = Math.min(best, Number(process.hrtime.bigint() - started) / visitors.length);
  }
  if (sink < 0) console.log(sink);
  return best;
}

console.log(`Fixed cost per decision: ${VISITORS} visitors, fastest of 15 passes (ns per decision), Node ${process.version}.\n`);
console.log("| K | beckon evaluate (compiled) | plain loop | beckon / loop | winners agree |");
console.log("| ---: | ---: | ---: | ---: | --- |");
for (const k of SIZES) {
  const random = createRandom(11 * k + 5);
  // Positions are a shuffled 0 … K−1, in no order: the loop has to look at every invitation that could still win.
  const positions = Array.from({ length: k }, (_, i) => i);
  for (let i = k - 1; i > 0; i--) {
    const j = Math.floor(random.next() * (i + 1));
    [positions[i], positions[j]] = [positions[j] as number, positions[i] as number];
  }
  const invitations = Array.from({ length: k }, (_, i) => invitationAt(random, i, positions[i] as number));
  const instants = Array.from({ length: VISITORS }, () => WEEK + Math.floor(random.next() * 7 * 86_400_000));
  const visitors = instants.map((now, i) => visitorAt(random, i, now));
  const ruleset = compile(invitations);
  const plain = invitations.map(prepare);
  const agree = visitors.every((visitor, i) => {
    const index = plainLoop(plain, visitor, instants[i] as number);
    return (evaluate(ruleset, visitor, instants[i] as number).invitation?.id ?? null) === (index < 0 ? null : (invitations[index] as Invitation).id);
  });
  const winners = visitors.filter((visitor, i) => plainLoop(plain, visitor, instants[i] as number) >= 0).length;
  const beckonNs = time((visitor, now) => evaluate(ruleset, visitor, now), visitors, instants);
  const loopNs = time((visitor, now) => plainLoop(plain, visitor, now), visitors, instants);
  console.log(`| ${k} | ${beckonNs.toFixed(0)} | ${loopNs.toFixed(0)} | ${(beckonNs / loopNs).toFixed(2)}× | ${agree ? "yes" : "**NO**"} (${winners} of ${VISITORS} get one) |`);
}
