/**
 * The fixed cost of one decision (issue 11, item 8): a small LHC-like workload — each invitation with time on site,
 * page views, language, identifier, tag, departments, referrer, device, a weekly hour window in UTC, a URL list and
 * an event count; visitors with 0–3 events — decided by `evaluate` on a compiled set and by a plain loop written for
 * exactly these conditions (it returns the winner's index and nothing else: no message, no recheckAt, no reasons).
 * Both must pick the same winner for every visitor before anything is timed.
 *
 *   npx tsx bench/fixed-cost.ts                 # K = 10 and K = 1 000
 *   npx tsx bench/fixed-cost.ts --k 10,100      # other sizes
 *   npx tsx bench/fixed-cost.ts --cpu           # CPU time instead of wall-clock time (shared machines)
 *   npx tsx bench/fixed-cost.ts --rounds 30     # passes per measurement (the fastest counts); default 15
 *   node --cpu-prof --import tsx bench/fixed-cost.ts --k 10 --profile 8   # then 8 s of beckon alone, to profile
 *
 * Targets: beckon at most 1.5× the loop at K = 10; at least 8× faster than the loop at K = 1 000.
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { compile, evaluate, type Invitation, type Visitor } from "../src/index.js";
import { DAYS, fixedCostWorkload, WEEK } from "./fixed-cost-workload.js";

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i++) {
  const arg = process.argv[i] ?? "";
  if (arg === "--k" || arg === "--rounds" || arg === "--profile") args.set(arg, process.argv[++i] ?? "");
}
const SIZES = (args.get("--k") ?? "10,1000").split(",").map(Number);
const CPU = process.argv.includes("--cpu");
const ROUNDS = Number(args.get("--rounds") ?? 15);
/** Seconds of beckon alone after the table, for a profiler (`node --cpu-prof --import tsx bench/fixed-cost.ts --profile 8`). */
const PROFILE_SECONDS = Number(args.get("--profile") ?? 0);
const VISITORS = 2_000;

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
    // Weekly windows are inclusive to the minute at both ends (docs/semantics.md: Schedules).
    if (window === null || window === undefined || minute < window[0] || minute > window[1]) continue;
    if (p.prefixes.length > 0 && !p.prefixes.some((prefix) => path.startsWith(prefix))) continue;
    if (recent < p.minEvents) continue;
    winner = i;
    best = p.position;
  }
  return winner;
}

/**
 * ns per decision: the fastest of `rounds` passes over every visitor. Wall-clock time by default; with `--cpu` the
 * process's CPU time (user + system), which a neighbour on a shared machine disturbs far less.
 */
function time(decide: (visitor: Visitor, now: number) => unknown, visitors: readonly Visitor[], instants: readonly number[], rounds = ROUNDS): number {
  let best = Number.POSITIVE_INFINITY;
  let sink = 0;
  for (let round = 0; round < rounds; round++) {
    const started = CPU ? cpuNs() : Number(process.hrtime.bigint());
    for (let i = 0; i < visitors.length; i++) if (decide(visitors[i] as Visitor, instants[i] as number) !== undefined) sink++;
    const spent = (CPU ? cpuNs() : Number(process.hrtime.bigint())) - started;
    best = Math.min(best, spent / visitors.length);
  }
  if (sink < 0) console.log(sink);
  return best;
}

function cpuNs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) * 1000;
}

/**
 * Bytes of heap growth per decision over a run with no collection in between (after a full one), minus the same
 * for a function that does nothing: the garbage one decision leaves. NaN when every run saw a collection.
 */
function allocated(decide: (visitor: Visitor, now: number) => unknown, visitors: readonly Visitor[], instants: readonly number[]): number {
  const growth = (f: (visitor: Visitor, now: number) => unknown): number => {
    for (let n = 400; n >= 25; n = Math.floor(n / 2)) {
      gc();
      gc();
      const start = process.memoryUsage().heapUsed;
      let last = start;
      let collected = false;
      for (let i = 0; i < n; i++) {
        f(visitors[i % visitors.length] as Visitor, instants[i % visitors.length] as number);
        if (i % 10 === 9) {
          const heap = process.memoryUsage().heapUsed;
          collected ||= heap < last;
          last = heap;
        }
      }
      const end = process.memoryUsage().heapUsed;
      if (!collected && end >= last) return (end - start) / n;
    }
    return Number.NaN;
  };
  return growth(decide) - growth(() => null);
}

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

const clock = CPU ? "CPU time" : "wall-clock time";
console.log(`Fixed cost per decision: ${VISITORS} visitors, fastest of ${ROUNDS} passes (ns per decision, ${clock}), Node ${process.version}.\n`);
console.log("| K | beckon evaluate (compiled) | plain loop | beckon / loop | beckon allocated B / decision | winners agree |");
console.log("| ---: | ---: | ---: | ---: | ---: | --- |");
for (const k of SIZES) {
  const { invitations, visitors, instants } = fixedCostWorkload(k, VISITORS);
  const ruleset = compile(invitations);
  const plain = invitations.map(prepare);
  const agree = visitors.every((visitor, i) => {
    const index = plainLoop(plain, visitor, instants[i] as number);
    return (evaluate(ruleset, visitor, instants[i] as number).invitation?.id ?? null) === (index < 0 ? null : (invitations[index] as Invitation).id);
  });
  const winners = visitors.filter((visitor, i) => plainLoop(plain, visitor, instants[i] as number) >= 0).length;
  const beckonNs = time((visitor, now) => evaluate(ruleset, visitor, now), visitors, instants);
  const loopNs = time((visitor, now) => plainLoop(plain, visitor, now), visitors, instants);
  const bytes = allocated((visitor, now) => evaluate(ruleset, visitor, now), visitors, instants);
  console.log(`| ${k} | ${beckonNs.toFixed(0)} | ${loopNs.toFixed(0)} | ${(beckonNs / loopNs).toFixed(2)}× | ${bytes.toFixed(0)} | ${agree ? "yes" : "**NO**"} (${winners} of ${VISITORS} get one) |`);
  for (const deadline = performance.now() + PROFILE_SECONDS * 1000; performance.now() < deadline; ) {
    for (let i = 0; i < visitors.length; i++) evaluate(ruleset, visitors[i] as Visitor, instants[i] as number);
  }
}
