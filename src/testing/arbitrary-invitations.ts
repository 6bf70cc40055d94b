import fc from "fast-check";
import type { ConditionField } from "../fields.js";
import type { AttributeCondition, Invitation } from "../types.js";
import { arbitrarySchedule } from "./arbitrary-schedule.js";
import { compact, rarely } from "./optional.js";
import { DEPARTMENTS, IDENTIFIERS, LANGUAGES, TAGS, TESTING_BASE_MS, URL_PATTERNS } from "./vocabulary.js";
import type { ListsEvery } from "../lib/lists-every.js";

/** What the invitation arbitraries may be told. */
export interface InvitationArbitraryOptions {
  /** Schedules' periods are generated within two days of this instant (epoch ms). Default 2026-11-26T10:00Z. */
  readonly around?: number;
}

const attributeArb: fc.Arbitrary<AttributeCondition> = fc.oneof(
  fc.record({ key: fc.constant("plan"), op: fc.constantFrom("eq" as const, "neq" as const), value: fc.constantFrom("pro", "basic") }),
  fc.record({ key: fc.constant("seats"), op: fc.constantFrom("gt" as const, "lte" as const), value: fc.integer({ min: 0, max: 20 }) }),
  fc.record({
    key: fc.constant("signupAt"),
    op: fc.constantFrom("gt" as const, "lt" as const),
    value: fc.integer({ min: -300, max: 300 }).map((now) => ({ now })),
  }),
  fc.record({ key: fc.constant("q"), op: fc.constantFrom("like" as const, "notLike" as const), value: fc.constantFrom("help*", "price, pricing") }),
  fc.record({ key: fc.constantFrom("plan", "seats", "signupAt", "q"), op: fc.constantFrom("exists" as const, "notExists" as const) }),
);

/** Message templates: plain, HTML, and each placeholder family, one of them naming a variable nobody sets. */
const templateArb = fc.constantFrom(
  "Need help?",
  "Hi {lhc.var.plan}!",
  "{operator} here, {nick}",
  "Seen {lhc.add.city} &amp; more {lhc.add.missing}",
  "<b>Bold</b> offer",
);

/** The parts of an invitation that do not depend on its kind. */
function commonArb(around: number) {
  return fc
    .record({
      position: fc.integer({ min: 0, max: 3 }),
      enabled: rarely(fc.boolean(), 4),
      timeOnSite: fc.constantFrom(0, 0, 10, 30, 45, 59.5),
      pageviews: rarely(fc.integer({ min: 0, max: 3 })),
      language: rarely(fc.constantFrom("", ...LANGUAGES)),
      identifier: rarely(fc.constantFrom("", ...IDENTIFIERS)),
      tag: rarely(fc.constantFrom("", ...TAGS), 5),
      departments: rarely(fc.array(fc.constantFrom(...DEPARTMENTS), { maxLength: 2 })),
      referrer: rarely(fc.constantFrom("", "google", "bing.com"), 5),
      devices: rarely(fc.subarray(["desktop", "mobile", "tablet"] as const, { minLength: 1 })),
      urls: rarely(fc.array(fc.constantFrom(...URL_PATTERNS), { maxLength: 2 }), 3),
      schedule: rarely(arbitrarySchedule({ around }), 4),
      attributes: rarely(fc.array(attributeArb, { maxLength: 2 }), 3),
      requireOperatorIds: rarely(fc.array(fc.constantFrom("7", "8"), { maxLength: 1 }), 5),
      minSecondsSinceLastVisit: rarely(fc.constantFrom(0, 600), 5),
      minSecondsSinceLastChat: rarely(fc.constantFrom(0, 600), 5),
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
}

/**
 * Every condition of the field table is generated (events by `kindArb`), so each law the property tests state is
 * tried on it: a condition added to `InvitationFieldRoles` fails to compile here until the arbitrary draws it.
 */
type Generated = keyof (ReturnType<typeof commonArb> extends fc.Arbitrary<infer T> ? T : never) | "events";
true satisfies ListsEvery<ConditionField, Generated>;

const eventsArb = fc.array(
  fc.record(
    { event: fc.constantFrom("login_failed", "birthday"), minCount: fc.integer({ min: 1, max: 3 }), withinSeconds: fc.constantFrom(0, 60, 1800) },
    { requiredKeys: ["event", "minCount"] },
  ),
  { maxLength: 1 },
);

/** Standard (sometimes with event conditions), dynamic with a trigger, or inject with a design. */
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

/**
 * One valid invitation with the given id: every kind, most conditions (languages, pages, tags, schedules, attribute
 * and event conditions, …) drawn from small shared vocabularies, content with placeholders, translations and
 * variations. `parseInvitations` accepts every one.
 *
 * @example
 * fc.assert(fc.property(arbitraryInvitation("help"), (invitation) => safeParseInvitations([invitation]).success))
 */
export function arbitraryInvitation(id: string, options: InvitationArbitraryOptions = {}): fc.Arbitrary<Invitation> {
  return fc
    .tuple(commonArb(options.around ?? TESTING_BASE_MS), kindArb)
    .map(([common, kind]) => ({ id, ...common, ...kind }) as Invitation);
}

/**
 * A valid invitation set: `inv-0`, `inv-1`, … (unique ids), 0 to `maxLength` (10) of them.
 *
 * @example
 * fc.assert(fc.property(arbitraryInvitations(), arbitraryVisitor(), arbitraryInstant(), (set, visitor, at) => {
 *   const decision = evaluate(set, visitor, at);
 *   return decision.status !== "selected" || set.some((i) => i.id === decision.invitation.id);
 * }));
 */
export function arbitraryInvitations(options: InvitationArbitraryOptions & { readonly maxLength?: number } = {}): fc.Arbitrary<Invitation[]> {
  return fc
    .integer({ min: 0, max: options.maxLength ?? 10 })
    .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => arbitraryInvitation(`inv-${i}`, options))));
}
