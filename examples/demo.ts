// The main job of beckon, end to end on in-memory data: validate a realistic invitation set once, then decide for
// a few visitors which invitation each one gets, with the message, the sender, why, and when to ask again.
//
//   npm run demo
import { readFileSync } from "node:fs";
import { compile, explain, parseInvitations, type EvaluateOptions, type Visitor } from "beckon";
import { createBeckon, createMemoryStorage } from "beckon/storage";

const invitations = parseInvitations(JSON.parse(readFileSync(new URL("./invitations.json", import.meta.url), "utf8")));
const ruleset = compile(invitations);

// Thursday 26 November 2026, 12:00 in Vilnius. Every time is printed in the site's zone.
const now = Date.parse("2026-11-26T10:00:00Z");
const SITE_ZONE = "Europe/Vilnius";
const timeFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: SITE_ZONE,
  weekday: "short",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  timeZoneName: "short",
});
/** An instant as the site's wall clock, with its zone: "Thu 12:00:15 GMT+2". */
const clockTime = (ms: number): string => timeFormat.format(ms).replace(",", "");
const minutesAgo = (m: number): number => now - m * 60_000;

const options: EvaluateOptions = {
  operatorsOnline: [
    { id: "7", name: "Rita" },
    { id: "9", name: "Tom" },
  ],
  seed: "demo",
};

const visitors: { who: string; visitor: Visitor }[] = [
  {
    who: "On the pricing page for 35 s, Lithuanian browser",
    visitor: { id: "visitor-1", url: "https://example.com/pricing", timeOnSite: 35, locale: "lt-LT" },
  },
  {
    who: "On the pricing page for 5 s (not long enough yet)",
    visitor: { id: "visitor-2", url: "https://example.com/pricing", timeOnSite: 5 },
  },
  {
    who: "Deep in the strategy section",
    visitor: { id: "visitor-3", url: "https://shop.example.com/strategy/pricing/templates", timeOnSite: 3 },
  },
  {
    who: "Failed to log in five times in the last half hour",
    visitor: {
      id: "visitor-4",
      url: "https://example.com/login",
      attributes: { username: "ann<script>" },
      events: [25, 20, 12, 6, 1].map((m) => ({ name: "login_failed", at: minutesAgo(m) })),
    },
  },
  {
    who: "Returning visitor, second page, chatted as 'Ann' before",
    visitor: { id: "visitor-5", url: "https://example.com/blog", pageviews: 2, visits: 3, chat: { nick: "Ann" } },
  },
  {
    who: "On example2.com's embed, first page",
    visitor: { id: "visitor-6", url: "https://example2.com/", identifier: "example2_com" },
  },
  {
    who: "Chatting right now",
    visitor: { id: "visitor-7", url: "https://example.com/pricing", timeOnSite: 90, chat: { active: true } },
  },
];

for (const { who, visitor } of visitors) {
  const { decision, candidates } = explain(ruleset, visitor, now, options);
  console.log(`\n● ${who}`);
  if (decision.status === "none") {
    console.log(`  no invitation (${decision.reason})`);
  } else {
    // With A/B variations, variationId names the content shown (the invitation's own id for its base content).
    const variation = decision.variationId === decision.invitation?.id ? "" : `, variation ${decision.variationId} of its A/B test`;
    console.log(`  ${decision.invitation?.id}${variation}, from ${decision.operator?.name} (${decision.reason})`);
    console.log(`  “${decision.message}”`);
  }
  if (decision.armed.length > 0) console.log(`  armed: ${decision.armed.map((a) => `${a.invitationId} on ${a.trigger.type}`).join(", ")}`);
  if (decision.warnings.length > 0) console.log(`  warnings: ${decision.warnings.join(", ")}`);
  console.log(`  ask again: ${decision.recheckAt === null ? "only on new input" : clockTime(decision.recheckAt)}`);
  const why = candidates.map((c) => `${c.invitationId}: ${c.reasons.join("+")}`).join(" · ");
  console.log(`  why: ${why}`);
}

// A visitor's journey in the evening (office hours are over), through the service a chat server runs: every call
// loads the visitor from storage (here the embedded memory adapter), applies the pure functions and saves atomically.
console.log(`\n● A visitor's journey on the pricing page in the evening, ${clockTime(Date.parse("2026-11-26T18:00:00Z"))} (service on the memory adapter)`);
const evening = Date.parse("2026-11-26T18:00:00Z");
const beckon = createBeckon({ storage: createMemoryStorage(), invitations, options: { ...options, suppressAfterCloseSeconds: 600 } });
async function poll(what: string, t: number, pageView = false): Promise<void> {
  const visitor: Visitor = { id: "visitor-8", url: "https://example.com/pricing", timeOnSite: (t - evening) / 1000 };
  const decision = await beckon.check(visitor, { at: t, pageView });
  const offered = decision.status === "none" ? `nothing (${decision.reason})` : `${decision.status} ${decision.invitation?.id}`;
  const again = decision.recheckAt === null ? "only on new input" : clockTime(decision.recheckAt);
  console.log(`  ${clockTime(t)} ${what}: ${offered}; ask again: ${again}`);
}
await poll("arrives", evening, true);
await poll("20 s later", evening + 20_000);
await beckon.shown("visitor-8", evening + 21_000);
await beckon.closed("visitor-8", evening + 25_000);
await poll("closes it", evening + 25_000);
await poll("10 minutes later (closed invitations stay away this session)", evening + 625_000);
console.log(`  counters: ${JSON.stringify(await beckon.stats())}`);
