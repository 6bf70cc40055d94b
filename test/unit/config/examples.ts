/** Valid configuration used by the config tests: every field of docs/api.md: Invitation fields, Visitor snapshot, The visitor's life is set somewhere. */
import type { Invitation, InvitationState, Visitor } from "../../../src/types.js";

/** Every invitation field set (trigger aside, which only a dynamic invitation may have: `otherInvitations` set it). */
export const fullInvitation: Invitation = {
  id: "plans",
  name: "Help choosing a plan",
  position: -2,
  enabled: true,
  kind: "standard",
  timeOnSite: 30,
  pageviews: 2,
  language: "eng",
  identifier: "shop",
  tag: "pricing",
  departments: ["sales", 7],
  referrer: "google",
  devices: ["desktop", "tablet"],
  urls: ["shop.example.com/plans/*", "/pricing", "!*/admin/**"],
  schedule: {
    type: "weekly",
    timeZone: "Europe/Vilnius",
    days: { mon: [{ start: "09:00", end: "17:30" }], fri: [{ start: "22:00", end: "02:00" }], sun: [] },
  },
  attributes: [
    { key: "plan", op: "eq", value: "free" },
    { key: "plan", op: "neq", value: ["gold", 3, true] },
    { key: "score", op: "gte", value: 10 },
    { key: "score", op: "lt", value: "99.5" },
    { key: "signedUpAt", op: "gt", value: { now: -259200 } },
    { key: "email", op: "contains", value: "@example." },
    { key: "email", op: "notContains", value: 42 },
    { key: "country", op: "in", value: ["LT", "LV"] },
    { key: "country", op: "notIn", value: [false] },
    { key: "interest", op: "like", value: "help*, support && price" },
    { key: "interest", op: "notLike", value: "spam" },
    { key: "vip", op: "exists" },
    { key: "banned", op: "notExists" },
    { key: "ref", op: "regex", value: "^vip-\\d+$" },
  ],
  events: [
    { event: "birthday", minCount: 1, withinSeconds: 86400 },
    { event: "login_failed", minCount: 5 },
  ],
  requireOperatorIds: ["op-1"],
  minSecondsSinceLastVisit: 3600,
  minSecondsSinceLastChat: 0,
  oncePerVisitor: true,
  showLimit: 3,
  urlBound: true,
  hideForSessionAfterClose: false,
  nextOnUrlChange: true,
  cooldownSeconds: 600,
  expiresAfterSeconds: 120,
  message: "<b>Hi {lhc.var.name}!</b> {operator} here. Need help choosing a plan?",
  returningMessage: "Welcome back, {nick}!",
  returningNick: "friend",
  translations: {
    lt: { message: "Sveiki, {lhc.add.city}!", returningMessage: "Sveiki sugrįžę, {nick}", returningNick: "drauge" },
    "lt-LT": { operatorName: "Konsultantas" },
  },
  operator: { name: "Ana", random: true, operatorIds: ["op-1", "op-2"] },
  wait: { message: "Connecting…", timeoutSeconds: 60, timeoutMessage: "Everyone is busy", repeat: 2 },
  requires: { email: true, username: false, phone: true },
  variations: [
    {
      id: "plans-b",
      weight: 2,
      message: "Compare plans with us, {nick}",
      returningMessage: "Back again?",
      returningNick: "there",
      operator: { name: "Bob" },
      translations: { "lt-LT": { message: "Palyginkime planus" } },
    },
    { id: "plans-c", weight: 0 },
  ],
  conversion: { event: "purchase", withinSeconds: 3600 },
  campaign: "spring",
  design: { width: 320, css: ".x { color: red }", images: ["a.png", null], nested: { ok: true, n: -1.5 } },
};

/** The kinds and schedule types the full invitation does not show. */
export const otherInvitations: Invitation[] = [
  {
    id: "exit",
    kind: "dynamic",
    trigger: { type: "exitIntent" },
    message: "Leaving so soon?",
    schedule: { type: "period", from: "2025-01-01T00:00:00Z", to: 1767225600000 },
  },
  {
    id: "idle",
    kind: "dynamic",
    trigger: { type: "idle", seconds: 45 },
    events: [],
    message: "Still there?",
    schedule: { type: "annual", timeZone: "UTC", from: "12-20 00:00", to: "01-05 23:59" },
  },
  { id: "banner", kind: "inject", message: "<div>Sale</div>", design: {}, schedule: { type: "period" } },
];

/** A state with every field of docs/api.md: The visitor's life set. */
export const fullState: InvitationState = {
  v: 1,
  current: {
    invitationId: "plans",
    variationId: "plans-b",
    assignedAt: 1_700_000_000_000,
    shownPageviews: 2,
    closedAt: 1_700_000_060_000,
    expiresAt: 1_700_000_120_000,
  },
  suppressedUntil: 1_700_086_460_000,
  sessionExcluded: ["plans"],
  seenOnce: ["plans", "exit"],
  conversions: [
    {
      invitationId: "plans",
      variationId: "plans-b",
      campaign: "spring",
      status: "closed",
      sentAt: 1_700_000_000_000,
      event: "purchase",
      expiresAt: 1_700_003_600_000,
      convertedAt: 1_700_000_500_000,
    },
    {
      invitationId: "exit",
      variationId: "exit",
      campaign: "",
      status: "sent",
      sentAt: 1,
      event: "signup",
      expiresAt: 2,
    },
  ],
  conversionTallies: [{ invitationId: "plans", variationId: "plans-a", sent: 3, shown: 2, closed: 1, chatStarted: 1, converted: 1 }],
};

/** A visitor with every field of docs/api.md: Visitor snapshot set. */
export const fullVisitor: Visitor = {
  id: "visitor-1",
  timeOnSite: 42.5,
  pageviews: 3,
  visits: 2,
  url: "https://shop.example.com/plans?x=1",
  previousUrl: "shop.example.com/",
  referrer: "https://www.google.com/search",
  language: "eng",
  locale: "lt-LT",
  identifier: "shop",
  department: 7,
  tags: ["pricing", "vip"],
  device: "mobile",
  attributes: { plan: "free", score: 12, vip: true, banned: null },
  visibleAttributes: { city: "Vilnius" },
  events: [
    { name: "birthday", at: 1_700_000_000_000 },
    { name: "login_failed", at: 1_700_000_001_000, value: "wrong password" },
  ],
  chat: { active: false, lastStartedAt: 1_699_000_000_000, nick: "Ana" },
  lastVisitAt: 1_699_900_000_000,
  state: fullState,
};

/** Deep-clones test data so a test can break one copy without touching the shared examples. */
export function copy<T>(value: T): T {
  return structuredClone(value);
}

/** Lists the paths of `output` that hold an object or array also found in `input` (a parse must share none). */
export function sharedObjects(input: unknown, output: unknown): string[] {
  const seen = new Set<unknown>();
  const collect = (value: unknown): void => {
    if (typeof value !== "object" || value === null) return;
    seen.add(value);
    Object.values(value).forEach(collect);
  };
  collect(input);
  const shared: string[] = [];
  const walk = (value: unknown, path: string): void => {
    if (typeof value !== "object" || value === null) return;
    if (seen.has(value)) shared.push(path);
    Object.entries(value).forEach(([key, item]) => walk(item, `${path}.${key}`));
  };
  walk(output, "$");
  return shared;
}
