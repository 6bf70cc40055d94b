/**
 * Arbitraries for the model-based lifecycle test: small worlds (2–5 invitations, event definitions, short pauses) and
 * the arguments of the host calls a chat server makes. Pools are tiny on purpose so that positions tie, pages match
 * and stop matching the same patterns, events reach their counts and pauses end within one run of ~40 commands.
 *
 * Each URL pattern comes with its own oracle written from docs/semantics.md "URL patterns" (not by calling beckon), so the model
 * can tell which invitation a page allows.
 */
import fc from "fast-check";
import type { EventCondition, EventDefinition, Invitation, Variation } from "../../../src/types.js";

/** A page of the pool, with the host and path the model reads it as. */
export interface Page {
  url: string;
  host: string;
  path: string;
}

export const PAGES: readonly Page[] = [
  { url: "https://example.com/", host: "example.com", path: "/" },
  { url: "https://example.com/pricing", host: "example.com", path: "/pricing" },
  { url: "https://example.com/pricing/plans", host: "example.com", path: "/pricing/plans" },
  { url: "https://example.com/blog", host: "example.com", path: "/blog" },
  { url: "https://example.com/blog/post", host: "example.com", path: "/blog/post" },
  { url: "https://shop.example.com/pricing", host: "shop.example.com", path: "/pricing" },
];

/**
 * Each pattern of the pool and the pages it matches. For a `!` pattern the predicate says what it excludes. A pattern
 * ending in `*` also matches everything below it; one starting with `/` matches the path on any host.
 */
export const URL_PATTERNS: Readonly<Record<string, (page: Page) => boolean>> = {
  "*": () => true,
  "/pricing*": (page) => page.path.startsWith("/pricing"),
  "example.com/blog*": (page) => page.host === "example.com" && page.path.startsWith("/blog"),
  "/blog": (page) => page.path === "/blog",
  "shop.example.com/*": (page) => page.host === "shop.example.com",
  "!/blog*": (page) => page.path.startsWith("/blog"),
};

/** The ids invitations take, in order. */
export const INVITATION_IDS = ["a", "b", "c", "d", "e"] as const;

/** A world one run plays in: fixed configuration, fixed options, a starting page. */
export interface LifecycleWorld {
  visitorId: string;
  invitations: Invitation[];
  definitions: EventDefinition[];
  options: { suppressAfterCloseSeconds: number; suppressAfterChatSeconds: number };
  start: number;
  startUrl: string;
}

const eventConditionArb: fc.Arbitrary<EventCondition> = fc.record(
  {
    event: fc.constantFrom("viewed", "Viewed"),
    minCount: fc.integer({ min: 1, max: 3 }),
    withinSeconds: fc.constantFrom(0, 60, 600),
  },
  { requiredKeys: ["event", "minCount"] },
);

/** `arb` in `percent` % of the cases, else absent. */
function sometimes<T>(arb: fc.Arbitrary<T>, percent: number): fc.Arbitrary<T | undefined> {
  return fc.oneof({ arbitrary: fc.constant(undefined), weight: 100 - percent }, { arbitrary: arb, weight: percent });
}

/** A flag: mostly on (these are the switches the lifecycle laws are about), sometimes off or left out. */
const flagArb: fc.Arbitrary<boolean | undefined> = fc.oneof(
  { arbitrary: fc.constant(true), weight: 60 },
  { arbitrary: fc.constant(false), weight: 15 },
  { arbitrary: fc.constant(undefined), weight: 25 },
);

/** Everything an invitation may set besides its id and content; rare enough that most invitations can win. */
const invitationRulesArb = fc
  .record({
    position: fc.integer({ min: 0, max: 2 }),
    timeOnSite: sometimes(fc.constantFrom(0, 5, 30, 90), 40),
    urls: sometimes(fc.uniqueArray(fc.constantFrom(...Object.keys(URL_PATTERNS)), { minLength: 1, maxLength: 2 }), 70),
    urlBound: flagArb,
    nextOnUrlChange: flagArb,
    hideForSessionAfterClose: sometimes(fc.boolean(), 60),
    oncePerVisitor: sometimes(fc.boolean(), 40),
    showLimit: sometimes(fc.integer({ min: 0, max: 3 }), 50),
    // 3600 s outlasts a session gap (30 min), which the model must handle too.
    cooldownSeconds: sometimes(fc.constantFrom(0, 30, 90, 300, 3600), 60),
    expiresAfterSeconds: sometimes(fc.constantFrom(0, 20, 60, 240), 40),
    events: sometimes(fc.array(eventConditionArb, { minLength: 1, maxLength: 2 }), 25),
    conversion: sometimes(
      fc.record({ event: fc.constantFrom("ordered", "signup"), withinSeconds: fc.constantFrom(30, 600, 3600) }),
      60,
    ),
    campaign: sometimes(fc.constantFrom("", "spring"), 50),
  })
  .map((rules) => withoutAbsent(rules) as Omit<Invitation, "id" | "message">);

/** The object without its `undefined` entries (exactOptionalPropertyTypes: absent, not undefined). */
function withoutAbsent(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
}

/** Content: a message per invitation, sometimes a returning message and a second variation. */
function contentArb(id: string): fc.Arbitrary<Pick<Invitation, "message" | "returningMessage" | "variations">> {
  const variationArb: fc.Arbitrary<Variation> = fc.record(
    { id: fc.constant(`${id}-2`), message: fc.constant(`${id}: second take`), weight: fc.constantFrom(0, 1, 2) },
    { requiredKeys: ["id", "message"] },
  );
  return fc.record(
    {
      message: fc.constant(`Hello from ${id}`),
      returningMessage: fc.constant(`Welcome back, ${id}`),
      variations: fc.array(variationArb, { minLength: 1, maxLength: 1 }),
    },
    { requiredKeys: ["message"] },
  );
}

function invitationArb(id: string): fc.Arbitrary<Invitation> {
  return fc.tuple(invitationRulesArb, contentArb(id)).map(([rules, content]) => ({ id, ...rules, ...content }));
}

export const invitationsArb: fc.Arbitrary<Invitation[]> = fc
  .integer({ min: 2, max: INVITATION_IDS.length })
  .chain((count) => fc.tuple(...INVITATION_IDS.slice(0, count).map(invitationArb)));

export const definitionsArb: fc.Arbitrary<EventDefinition[]> = fc
  .record(
    { storeTimeoutSeconds: fc.constantFrom(0, 1, 30), filterByValue: fc.boolean() },
    { requiredKeys: [] },
  )
  .map((viewed) => [{ name: "viewed", ...viewed }, { name: "ordered" }]);

export const lifecycleWorldArb: fc.Arbitrary<LifecycleWorld> = fc.record({
  visitorId: fc.constantFrom("v1", "v2", "alice", "bob"),
  invitations: invitationsArb,
  definitions: definitionsArb,
  options: fc.record({
    suppressAfterCloseSeconds: fc.constantFrom(60, 120, 300, 600),
    suppressAfterChatSeconds: fc.constantFrom(60, 120, 300, 600),
  }),
  start: fc.constant(Date.parse("2026-11-26T09:00:00Z")),
  startUrl: fc.constantFrom(...PAGES.map((page) => page.url)),
});

/** How long time passes: below a second, seconds, minutes, and right around the 30-minute session gap. */
export const advanceMsArb: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ min: 1, max: 999 }),
  fc.integer({ min: 1, max: 120 }).map((seconds) => seconds * 1000),
  fc.integer({ min: 2, max: 12 }).map((minutes) => minutes * 60_000),
  fc.constantFrom(1_800_000, 1_800_001, 1_860_000),
);

/** Waiting for the last decision's recheckAt: a moment before, at, or after it. */
export const recheckOffsetArb: fc.Arbitrary<number> = fc.constantFrom(-1, 0, 1);

export const pageUrlArb: fc.Arbitrary<string> = fc.constantFrom(...PAGES.map((page) => page.url));

/** An event the website logs: known names in several spellings, an unknown one, with or without a value. */
export const eventCallArb: fc.Arbitrary<{ name: string; value?: string }> = fc.record(
  { name: fc.constantFrom("viewed", " Viewed", "ordered", "unknown"), value: fc.constantFrom("a", "b") },
  { requiredKeys: ["name"] },
);

/** A conversion goal the website reports. */
export const conversionEventArb: fc.Arbitrary<string> = fc.constantFrom("ordered", "ORDERED", "signup", "nope");
