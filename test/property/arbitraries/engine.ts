// Arbitraries for whole-engine properties: small vocabularies, so invitations and visitors overlap often enough
// that selection, ties and rendering are all exercised.
import fc from "fast-check";
import type {
  AttributeCondition,
  ConversionRecord,
  CurrentInvitation,
  EvaluateOptions,
  Invitation,
  InvitationState,
  Schedule,
  Visitor,
} from "../../../src/index.js";

/** 2026-11-26T10:00:00Z, a Thursday: the middle of the instants generated. */
export const BASE_MS = Date.UTC(2026, 10, 26, 10, 0, 0);

const languages = ["eng", "lit", "ger"];
const identifiers = ["example1_com", "example2_com"];
const tags = ["vip", "promo"];
const departments = ["1", "2", 3];
// Host, first-path-segment and time-on-site indexes must never drop a candidate: patterns with literal and glob
// hosts and segments, the home page, case differences and path-only pages all meet here.
const urls = [
  "*",
  "example.com/pricing*",
  "/docs/**",
  "shop.example.com/strategy/*",
  "!example.com/admin/**",
  "example.com",
  "/",
  "/pricing",
  "/Docs/*",
  "*.example.com/docs/*",
  "example.com/{docs,admin}/*",
  "/doc*",
];
const pages = [
  "https://example.com/pricing",
  "https://example.com/pricing/enterprise",
  "https://shop.example.com/strategy/a/b",
  "https://example.com/docs/start",
  "https://example.com/admin/users",
  "https://example.com/",
  "https://shop.example.com/docs",
  "/docs/start",
  "/pricing/",
  "example.com/Docs/x",
  "",
];
const attributeKeys = ["plan", "seats", "signupAt", "q"];
const timeZones = ["UTC", "Europe/Vilnius", "America/New_York"];

const optional = <T>(arb: fc.Arbitrary<T>, freq = 3): fc.Arbitrary<T | undefined> =>
  fc.option(arb, { nil: undefined, freq });

const hhmm = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 59))
  .map(([h, m]) => `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`);

const window = fc.tuple(hhmm, hhmm).filter(([start, end]) => start !== end).map(([start, end]) => ({ start, end }));

export const scheduleArb: fc.Arbitrary<Schedule> = fc.oneof(
  fc.record({
    type: fc.constant("weekly" as const),
    timeZone: fc.constantFrom(...timeZones),
    days: fc.record(
      { thu: fc.array(window, { maxLength: 2 }), fri: fc.array(window, { maxLength: 2 }) },
      { requiredKeys: [] },
    ),
  }),
  fc
    .tuple(fc.integer({ min: -48, max: 48 }), fc.integer({ min: 1, max: 96 }))
    .map(([from, length]) => ({
      type: "period" as const,
      from: BASE_MS + from * 3_600_000,
      to: BASE_MS + (from + length) * 3_600_000,
    })),
);

const attributeArb: fc.Arbitrary<AttributeCondition> = fc.oneof(
  fc.record({ key: fc.constant("plan"), op: fc.constantFrom("eq" as const, "neq" as const), value: fc.constantFrom("pro", "basic") }),
  fc.record({ key: fc.constant("seats"), op: fc.constantFrom("gt" as const, "lte" as const), value: fc.integer({ min: 0, max: 20 }) }),
  fc.record({
    key: fc.constant("signupAt"),
    op: fc.constantFrom("gt" as const, "lt" as const),
    value: fc.integer({ min: -300, max: 300 }).map((now) => ({ now })),
  }),
  fc.record({ key: fc.constant("q"), op: fc.constantFrom("like" as const, "notLike" as const), value: fc.constantFrom("help*", "price, pricing") }),
  fc.record({ key: fc.constantFrom(...attributeKeys), op: fc.constantFrom("exists" as const, "notExists" as const) }),
);

const templateArb = fc.constantFrom(
  "Need help?",
  "Hi {lhc.var.plan}!",
  "{operator} here, {nick}",
  "Seen {lhc.add.city} &amp; more {lhc.add.missing}",
  "<b>Bold</b> offer",
);

/** `arb` one time in `1 + rarity`, else absent: most invitations restrict only a few dimensions. */
const rarely = <T>(arb: fc.Arbitrary<T>, rarity = 3): fc.Arbitrary<T | undefined> =>
  fc.oneof({ weight: rarity, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: arb });

/** `T` with every key that may hold `undefined` made optional instead. */
type Compact<T> = { [K in keyof T as undefined extends T[K] ? never : K]: T[K] } & {
  [K in keyof T as undefined extends T[K] ? K : never]?: Exclude<T[K], undefined>;
};

/** Drops the keys whose value is absent (a key holding `undefined` is not a valid configuration). */
const compact = <T extends object>(value: T): Compact<T> =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Compact<T>;

/** The parts of an invitation that do not depend on its kind. */
const commonArb = fc
  .record({
    position: fc.integer({ min: 0, max: 3 }),
    enabled: rarely(fc.boolean(), 4),
    timeOnSite: fc.constantFrom(0, 0, 10, 30, 45, 59.5),
    pageviews: rarely(fc.integer({ min: 0, max: 3 })),
    language: rarely(fc.constantFrom("", ...languages)),
    identifier: rarely(fc.constantFrom("", ...identifiers)),
    tag: rarely(fc.constantFrom("", ...tags), 5),
    departments: rarely(fc.array(fc.constantFrom(...departments), { maxLength: 2 })),
    referrer: rarely(fc.constantFrom("", "google", "bing.com"), 5),
    devices: rarely(fc.subarray(["desktop", "mobile", "tablet"] as const, { minLength: 1 })),
    urls: rarely(fc.array(fc.constantFrom(...urls), { maxLength: 2 }), 3),
    schedule: rarely(scheduleArb, 4),
    attributes: rarely(fc.array(attributeArb, { maxLength: 2 }), 3),
    requireOperatorIds: rarely(fc.array(fc.constantFrom("7", "8"), { maxLength: 1 }), 5),
    minSecondsSinceLastVisit: rarely(fc.constantFrom(0, 600), 5),
    oncePerVisitor: rarely(fc.boolean(), 5),
    message: templateArb,
    returningMessage: rarely(fc.constantFrom("", "Welcome back, {nick}"), 2),
    returningNick: rarely(fc.constantFrom("", "friend"), 2),
    operator: rarely(
      fc.record(
        { name: fc.constantFrom("", "Rita"), random: fc.boolean(), operatorIds: fc.array(fc.constantFrom("7", "8", "9"), { maxLength: 2 }) },
        { requiredKeys: [] },
      ),
      1,
    ),
    translations: rarely(fc.constant({ lt: { message: "Labas {nick}" } }), 2),
    variations: rarely(
      fc
        .array(fc.record({ id: fc.constantFrom("va", "vb"), weight: fc.constantFrom(0, 1, 3), message: templateArb }, { requiredKeys: ["id"] }), {
          maxLength: 2,
        })
        .map((vs) => vs.filter((v, i) => vs.findIndex((w) => w.id === v.id) === i)),
      2,
    ),
  })
  .map(compact);

const eventsArb = fc.array(
  fc.record(
    { event: fc.constantFrom("login_failed", "birthday"), minCount: fc.integer({ min: 1, max: 3 }), withinSeconds: fc.constantFrom(0, 60, 1800) },
    { requiredKeys: ["event", "minCount"] },
  ),
  { maxLength: 1 },
);

const kindArb = fc.oneof(
  { weight: 6, arbitrary: rarely(eventsArb, 3).map((events) => compact({ kind: "standard" as const, events })) },
  {
    weight: 2,
    arbitrary: fc
      .oneof(fc.constant({ type: "exitIntent" as const }), fc.constantFrom(10, 30).map((seconds) => ({ type: "idle" as const, seconds })))
      .map((trigger) => ({ kind: "dynamic" as const, trigger })),
  },
  { weight: 1, arbitrary: fc.constant({ kind: "inject" as const, design: { html: "<div>x</div>" } }) },
);

/** One valid invitation with the given id. */
export const invitationArb = (id: string): fc.Arbitrary<Invitation> =>
  fc.tuple(commonArb, kindArb).map(([common, kind]) => ({ id, ...common, ...kind }) as Invitation);

/** A valid invitation set: unique ids, 0–8 invitations. */
export const invitationsArb: fc.Arbitrary<Invitation[]> = fc
  .integer({ min: 0, max: 10 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => invitationArb(`inv-${i}`))));

const attributeValue = fc.oneof(
  fc.constantFrom("pro", "basic", "I need help", "helpdesk pricing", "<script>alert(1)</script>", "{nick}"),
  fc.integer({ min: 0, max: 30 }),
  fc.integer({ min: -400, max: 400 }).map((d) => Math.floor(BASE_MS / 1000) + d),
  fc.constant(null),
);

const secondsAround = (min: number, max: number): fc.Arbitrary<number> =>
  fc.integer({ min, max }).map((s) => BASE_MS + s * 1000);

/** The invitation on screen: one the set has, one it lost ("gone"), closed or not, expiring or not. */
const currentArb: fc.Arbitrary<CurrentInvitation> = fc
  .record(
    {
      invitationId: fc.constantFrom("inv-0", "inv-1", "inv-2", "gone"),
      variationId: fc.constantFrom("", "-b"),
      assignedAt: secondsAround(-3600, 0),
      shownPageviews: fc.integer({ min: 0, max: 3 }),
      closedAt: rarely(secondsAround(-600, 0), 2),
      expiresAt: rarely(secondsAround(-600, 600), 2),
    },
    { requiredKeys: ["invitationId", "variationId", "assignedAt", "shownPageviews"] },
  )
  .map((current) => compact({ ...current, variationId: `${current.invitationId}${current.variationId}` }));

const conversionArb: fc.Arbitrary<ConversionRecord> = fc
  .record(
    {
      invitationId: fc.constantFrom("inv-0", "inv-1"),
      campaign: fc.constantFrom("spring", ""),
      status: fc.constantFrom("sent" as const, "shown" as const, "closed" as const, "chatStarted" as const),
      sentAt: secondsAround(-7200, 0),
      event: fc.constantFrom("ordered", "signup"),
      expiresAt: secondsAround(-3600, 7200),
      convertedAt: rarely(secondsAround(-3600, 0), 2),
    },
    { requiredKeys: ["invitationId", "campaign", "status", "sentAt", "event", "expiresAt"] },
  )
  .map((record) => compact({ ...record, variationId: record.invitationId }));

/** A visitor's lifecycle state: sometimes a current invitation, a suppression, conversion records, exclusions. */
export const stateArb: fc.Arbitrary<InvitationState> = fc.record(
  {
    v: fc.constant(1 as const),
    current: rarely(currentArb, 2),
    sessionExcluded: fc.array(fc.constantFrom("inv-0", "inv-1"), { maxLength: 1 }),
    seenOnce: fc.array(fc.constantFrom("inv-0", "inv-2"), { maxLength: 1 }),
    conversions: fc.array(conversionArb, { maxLength: 2 }),
    suppressedUntil: rarely(secondsAround(-120, 120), 2),
  },
  { requiredKeys: ["v", "sessionExcluded", "seenOnce", "conversions"] },
).map(compact);

/** A valid visitor snapshot around {@link BASE_MS}. */
export const visitorArb: fc.Arbitrary<Visitor> = fc.record(
  {
    id: fc.constantFrom("v1", "v2", "v3", "visitor-42"),
    timeOnSite: fc.integer({ min: 0, max: 60 }),
    pageviews: fc.integer({ min: 1, max: 4 }),
    visits: fc.integer({ min: 1, max: 3 }),
    url: fc.constantFrom(...pages),
    referrer: fc.constantFrom("", "https://www.google.com/search", "bing.com/x"),
    language: fc.constantFrom("", ...languages),
    locale: fc.constantFrom("", "lt-LT", "en-US"),
    identifier: fc.constantFrom("", ...identifiers),
    department: fc.constantFrom(...departments),
    tags: fc.subarray(tags),
    device: fc.constantFrom("desktop" as const, "mobile" as const, "tablet" as const),
    attributes: fc.dictionary(fc.constantFrom(...attributeKeys), attributeValue, { maxKeys: 4 }),
    visibleAttributes: fc.dictionary(fc.constantFrom("city", "note"), attributeValue, { maxKeys: 2 }),
    events: fc.array(
      fc.record({ name: fc.constantFrom("login_failed", "birthday"), at: fc.integer({ min: -3600, max: 0 }).map((s) => BASE_MS + s * 1000) }),
      { maxLength: 5 },
    ),
    chat: fc
      .record({
        active: rarely(fc.boolean(), 4),
        lastStartedAt: rarely(fc.integer({ min: 1, max: 200 }).map((h) => BASE_MS - h * 3_600_000), 2),
        nick: rarely(fc.constantFrom("Ann", "<b>Bob</b>"), 1),
      })
      .map(compact),
    lastVisitAt: fc.integer({ min: 1, max: 7200 }).map((s) => BASE_MS - s * 1000),
    state: rarely(stateArb, 2),
  },
  { requiredKeys: ["id"] },
).map(compact);

/** Evaluation options, sometimes with operator presence, a seed, a trigger. */
export const optionsArb: fc.Arbitrary<EvaluateOptions> = fc
  .record({
    operatorsOnline: rarely(
      fc.array(
        fc.record(
          { id: fc.constantFrom("7", "8", "9"), name: fc.constantFrom("Tom", "Rita"), departments: fc.array(fc.constantFrom(...departments), { maxLength: 2 }) },
          { requiredKeys: ["id"] },
        ),
        { maxLength: 3 },
      ),
      2,
    ),
    requireOperatorOnline: rarely(fc.boolean(), 2),
    suppressAfterChatSeconds: rarely(fc.constantFrom(0, 3600, 86_400), 2),
    timeZone: rarely(fc.constantFrom(...timeZones), 1),
    escape: rarely(fc.constantFrom("html" as const, "none" as const), 2),
    seed: rarely(fc.constantFrom("", "s1"), 1),
    trigger: rarely(
      fc.oneof(fc.constant({ type: "exitIntent" as const }), fc.constantFrom(5, 30).map((seconds) => ({ type: "idle" as const, seconds }))),
      4,
    ),
  })
  .map(compact);

/** An evaluation instant within two days of {@link BASE_MS}. */
export const instantArb = fc.integer({ min: -2 * 86_400, max: 2 * 86_400 }).map((s) => BASE_MS + s * 1000);
