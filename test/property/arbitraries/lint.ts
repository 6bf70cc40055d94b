// Arbitraries for lint's properties: invitation sets built around a "target" invitation that lint should find can
// never be shown (a better-ranked invitation covering it, a schedule that is never active, contradictory attributes,
// a URL list that matches no page), sometimes spoilt on purpose so that the finding may or may not apply, and
// visitors aimed at the target so that it is often eligible.
import fc from "fast-check";
import type { AttributeCondition, EvaluateOptions, Invitation, Schedule, Visitor } from "../../../src/index.js";
import { BASE_MS, invitationArb, optionsArb, visitorArb } from "./engine.js";

export const TARGET = "target";
export const COVER = "cover";

/** The constructions lint targets, one per never-shown code. */
export type Construction = "shadowed" | "never_active" | "contradictory_conditions" | "url_matches_nothing";

/** Fields of a target that a covering invitation may copy or leave out (copying keeps the shared compiled piece). */
const DROPPABLE = [
  "pageviews", "language", "identifier", "tag", "departments", "referrer", "devices", "urls", "schedule",
  "requireOperatorIds", "minSecondsSinceLastVisit",
] as const satisfies readonly (keyof Invitation)[];

/** A target of a kind that can be selected (standard, or dynamic with its trigger). */
const targetArb: fc.Arbitrary<Invitation> = invitationArb(TARGET).filter((i) => i.kind !== "inject");

/**
 * An invitation that covers `a` as lint proves it: ranked strictly before it, every condition left out or copied (a
 * subset of its attributes and events, a lower or equal time on site and page views, `*` for its URLs), the same
 * kind and trigger, and none of the limits through which the reducers drop one invitation and not another.
 */
export function coverArb(a: Invitation): fc.Arbitrary<Invitation> {
  return fc
    .record({
      keep: fc.subarray([...DROPPABLE]),
      everyPage: fc.boolean(),
      attributes: fc.subarray(a.attributes ?? []),
      events: fc.subarray(a.events ?? []),
      lowerTime: fc.boolean(),
      below: fc.integer({ min: 1, max: 3 }),
      widerWeek: fc.boolean(),
    })
    .map(({ keep, everyPage, attributes, events, lowerTime, below, widerWeek }) => {
      const b: Record<string, unknown> = { id: COVER, message: "Covering you" };
      for (const field of keep) if (a[field] !== undefined) b[field] = a[field];
      if (everyPage) b.urls = ["*"];
      // A weekly schedule of its own whose windows contain the target's: the same days plus a Monday.
      if (widerWeek && a.schedule?.type === "weekly") b.schedule = { ...a.schedule, days: { ...a.schedule.days, mon: [{ start: "08:00", end: "18:00" }] } };
      if (attributes.length > 0) b.attributes = attributes;
      if (events.length > 0) b.events = events;
      if (a.kind !== undefined) b.kind = a.kind;
      if (a.trigger !== undefined) b.trigger = a.trigger;
      const time = a.timeOnSite ?? 0;
      const position = a.position ?? 0;
      // Ranked before: a lower position, or the same position and a lower time on site.
      if (lowerTime && time > 0) Object.assign(b, { position, timeOnSite: 0 });
      else Object.assign(b, { position: position - below, timeOnSite: lowerTime ? 0 : time });
      return b as unknown as Invitation;
    });
}

/** Changes that may break the cover (a condition of its own, a state limit, a worse rank): lint must then judge again. */
function spoilArb(b: Invitation): fc.Arbitrary<Invitation> {
  return fc.constantFrom<Partial<Invitation>>(
    { language: "lit" },
    { oncePerVisitor: true },
    { hideForSessionAfterClose: true },
    { showLimit: 1 },
    { position: 9 },
    { timeOnSite: 59.5 },
    { attributes: [{ key: "plan", op: "eq", value: "pro" }] },
    { urls: ["/pricing"] },
    { schedule: { type: "weekly", timeZone: "UTC", days: { thu: [{ start: "10:00", end: "11:00" }] } } },
    { schedule: { type: "weekly", timeZone: "Europe/Vilnius", days: { thu: [{ start: "00:00", end: "23:59" }], fri: [{ start: "00:00", end: "23:59" }] } } },
    { enabled: false },
  ).map((change) => ({ ...b, ...change }));
}

const neverSchedules: Schedule[] = [
  { type: "weekly", days: {} },
  { type: "weekly", timeZone: "Europe/Vilnius", days: { mon: [], fri: [] } },
  { type: "period", to: BASE_MS - 3_600_000 },
  { type: "period", from: BASE_MS - 86_400_000 * 5, to: BASE_MS - 1 },
  { type: "period", to: "2026-11-24" },
  { type: "period", to: "2026-11-24T23:30" },
];

const contradictions: AttributeCondition[][] = [
  [{ key: "seats", op: "gt", value: 10 }, { key: "seats", op: "lt", value: 5 }],
  [{ key: "seats", op: "gte", value: 5 }, { key: "seats", op: "lt", value: "5.0" }],
  [{ key: "plan", op: "eq", value: "pro" }, { key: "plan", op: "eq", value: "basic" }],
  [{ key: "plan", op: "eq", value: "pro" }, { key: "plan", op: "neq", value: "pro" }],
  [{ key: "plan", op: "in", value: ["pro", "basic"] }, { key: "plan", op: "notIn", value: ["basic", "PRO"] }],
  [{ key: "plan", op: "exists" }, { key: "plan", op: "notExists" }],
  [{ key: "q", op: "like", value: "help*" }, { key: "q", op: "notLike", value: "help*" }],
  [{ key: "seats", op: "eq", value: 3 }, { key: "seats", op: "gt", value: 5 }],
  [{ key: "signupAt", op: "gt", value: { now: 100 } }, { key: "signupAt", op: "lte", value: { now: -100 } }],
];

const deadUrlLists: string[][] = [
  ["!*"],
  ["/pricing", "!/pricing"],
  ["example.com/pricing*", "/docs/**", "!example.com/pricing*", "!/docs/**"],
  ["/search[?]q=*"],
  ["/help/{faq,docs}[?]*", "!/pricing"],
];

/** A target spoilt by one construction of `kind`; with `exact`, exactly as lint targets it (no spoiling). */
function constructed(kind: Construction, exact: boolean): fc.Arbitrary<Invitation[]> {
  switch (kind) {
    case "shadowed":
      return targetArb.chain((a) => coverArb(a).chain((b) => (exact ? fc.constant(b) : fc.oneof({ weight: 1, arbitrary: fc.constant(b) }, { weight: 2, arbitrary: spoilArb(b) })).map((cover) => [{ ...a, enabled: exact ? true : a.enabled ?? true }, cover])));
    case "never_active":
      return fc.tuple(targetArb, fc.constantFrom(...neverSchedules)).map(([a, schedule]) => [{ ...a, schedule, enabled: true }]);
    case "contradictory_conditions":
      return fc.tuple(targetArb, fc.constantFrom(...contradictions)).map(([a, attributes]) => [{ ...a, attributes: [...(a.attributes ?? []), ...attributes], enabled: true }]);
    case "url_matches_nothing":
      return fc.tuple(targetArb, fc.constantFrom(...deadUrlLists)).map(([a, urls]) => [{ ...a, urls, enabled: true }]);
  }
}

/** A set of 0–3 ordinary invitations plus a construction of `kind` around the invitation {@link TARGET}. */
export const lintSetArb = (kind: Construction, exact = false): fc.Arbitrary<Invitation[]> =>
  fc
    .tuple(fc.integer({ min: 0, max: 3 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => invitationArb(`inv-${i}`)))), constructed(kind, exact))
    .map(([others, made]) => [...others, ...made]);

/** A page each URL pattern of the engine's vocabulary matches (an exclusion: a page it does not exclude). */
const PAGE_FOR: Readonly<Record<string, string>> = {
  "*": "https://example.com/pricing",
  "example.com/pricing*": "https://example.com/pricing/enterprise",
  "/docs/**": "/docs/start",
  "shop.example.com/strategy/*": "https://shop.example.com/strategy/a/b",
  "!example.com/admin/**": "https://example.com/pricing",
  "example.com": "https://example.com/",
  "/": "https://example.com/",
  "/pricing": "/pricing/",
  "/Docs/*": "example.com/Docs/x",
  "*.example.com/docs/*": "https://shop.example.com/docs",
  "example.com/{docs,admin}/*": "https://example.com/docs/start",
  "/doc*": "/docs/start",
};

const NOW_S = Math.floor(BASE_MS / 1000);

/** A value that meets an attribute condition of the engine's vocabulary (`undefined`: leave the key out). */
function meeting(c: AttributeCondition): string | number | undefined {
  switch (c.op) {
    case "eq":
      return Array.isArray(c.value) ? (c.value[0] as string) : (c.value as string);
    case "neq":
    case "notLike":
      return "zzz";
    case "gt":
    case "gte":
      return typeof c.value === "object" ? NOW_S + 400_000 : Number(c.value) + 1;
    case "lt":
    case "lte":
      return typeof c.value === "object" ? NOW_S - 400_000 : Number(c.value) - 1;
    case "like":
      return c.value.split(",")[0]?.replace("*", "").trim();
    case "notExists":
      return undefined;
    default:
      return "x";
  }
}

/** One evaluation: a visitor, an instant at or after {@link BASE_MS} (lint's instant) and options. */
export interface LintSample {
  visitor: Visitor;
  now: number;
  options: EvaluateOptions;
}

/** Mostly within a minute of lint's instant (event windows), sometimes up to two days later. */
const laterInstantArb = fc.oneof(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 2 * 86_400 })).map((s) => BASE_MS + s * 1000);

/**
 * A sample whose visitor state beckon's reducers could have written for `set` (session exclusions only of
 * invitations that hide for the session, `seenOnce` only of once-per-visitor ones); half the time aimed at the
 * target: its language, identifier, tag, department, device, time on site, page views, referrer, a page its URLs
 * match, attribute values and events that meet its conditions, no chat or state, its trigger fired and presence not
 * checked — so that the target is often eligible, and a wrong "shadowed" would show as the target winning.
 */
export function lintSampleArb(set: readonly Invitation[]): fc.Arbitrary<LintSample> {
  const target = set.find((i) => i.id === TARGET) as Invitation;
  const hides = new Set(set.filter((i) => i.hideForSessionAfterClose === true).map((i) => i.id));
  const once = new Set(set.filter((i) => i.oncePerVisitor === true).map((i) => i.id));
  const excluded = fc.record({ sessionExcluded: fc.subarray([...hides]), seenOnce: fc.subarray([...once]) });
  return fc.record({ visitor: visitorArb, now: laterInstantArb, options: optionsArb, aim: fc.boolean(), excluded }).map(({ visitor, now, options, aim, excluded }) => {
    let v: Visitor = { ...visitor };
    if (aim) v = aimed(v, target, now);
    // Exclusions the reducers could have recorded: of invitations that hide for the session or show once.
    v.state = { ...(v.state ?? { v: 1, conversions: [] }), ...excluded };
    return { visitor: v, now, options: aim ? aimedOptions(options, target) : options };
  });
}

function aimed(v: Visitor, target: Invitation, now: number): Visitor {
  if (target.language !== undefined) v.language = target.language;
  if (target.identifier !== undefined) v.identifier = target.identifier;
  if (target.tag !== undefined && target.tag !== "") v.tags = [...(v.tags ?? []), target.tag];
  if (target.departments?.[0] !== undefined) v.department = target.departments[0];
  if (target.devices?.[0] !== undefined) v.device = target.devices[0];
  if (target.referrer !== undefined && target.referrer !== "") v.referrer = `https://www.${target.referrer}/x`;
  const page = (target.urls ?? []).map((u) => PAGE_FOR[u]).find((p) => p !== undefined);
  if (page !== undefined) v.url = page;
  v.timeOnSite = Math.max(v.timeOnSite ?? 0, Math.ceil(target.timeOnSite ?? 0));
  v.pageviews = Math.max(v.pageviews ?? 1, target.pageviews ?? 0);
  const attributes: Record<string, string | number> = {};
  for (const c of target.attributes ?? []) {
    const value = meeting(c);
    if (value !== undefined) attributes[c.key] = value;
  }
  v.attributes = attributes;
  v.events = (target.events ?? []).flatMap((e) => Array.from({ length: e.minCount }, () => ({ name: e.event, at: now - 1000 })));
  delete v.chat;
  delete v.state;
  delete v.lastVisitAt;
  return v;
}

function aimedOptions(options: EvaluateOptions, target: Invitation): EvaluateOptions {
  const { operatorsOnline: _presence, trigger: _trigger, ...rest } = options;
  return target.trigger === undefined ? rest : { ...rest, trigger: target.trigger };
}
