/**
 * The one list of the visitor's fields and the one list of the invitation's fields, with the facts the code that
 * walks them needs (docs/api.md: Invitation fields, Visitor snapshot). Each table `satisfies` a record over every key of
 * its public type, so a field added to `Visitor` or `Invitation` but not here, or here but not there, fails
 * `npm run typecheck`; the walkers (`VisitorView`'s constructor, `compileInvitation`) end their switches in a `never` check over
 * the same keys. `test/unit/fields.test.ts` holds each `default` to the `@default` tag of src/types/.
 */
import type { Invitation, Visitor } from "./types.js";
import type { ListsEvery } from "./lib/lists-every.js";

/** What a visitor field holds, as the snapshot check sees it: a string (bounded in length), a number, a list, a map. */
export type VisitorFieldKind = "string" | "number" | "list" | "record";

/** One field of a public type and its documented default (`undefined`: none, or one the docs say in words). */
type FieldTable<T, Facts> = { readonly [K in keyof T]-?: Facts & { readonly default: T[K] | undefined } };

/**
 * Every field of {@link Visitor}: its kind, and the value evaluation reads when it is absent or unusable.
 *
 * @example
 * VISITOR_FIELDS.pageviews // => { kind: "number", default: 1 }
 */
export const VISITOR_FIELDS = {
  id: { kind: "string", default: undefined },
  timeOnSite: { kind: "number", default: 0 },
  pageviews: { kind: "number", default: 1 },
  visits: { kind: "number", default: 1 },
  url: { kind: "string", default: "" },
  previousUrl: { kind: "string", default: "" },
  referrer: { kind: "string", default: "" },
  language: { kind: "string", default: "" },
  locale: { kind: "string", default: "" },
  identifier: { kind: "string", default: "" },
  // A string or a number: its string form is bounded like every other.
  department: { kind: "string", default: undefined },
  tags: { kind: "list", default: [] },
  device: { kind: "string", default: "desktop" },
  attributes: { kind: "record", default: {} },
  visibleAttributes: { kind: "record", default: {} },
  events: { kind: "list", default: [] },
  chat: { kind: "record", default: {} },
  lastVisitAt: { kind: "number", default: undefined },
  state: { kind: "record", default: undefined },
} satisfies FieldTable<Visitor, { readonly kind: VisitorFieldKind }>;

/** The name of a visitor field. */
export type VisitorField = keyof typeof VISITOR_FIELDS;

/**
 * Every field of {@link Invitation} with the default an absent one takes (compile turns some into their compiled
 * form: `devices` → all three, `cooldownSeconds` → the evaluation option).
 *
 * @example
 * INVITATION_FIELDS.kind.default // => "standard"
 */
export const INVITATION_FIELDS = {
  id: { default: undefined },
  name: { default: "" },
  position: { default: 0 },
  enabled: { default: true },
  kind: { default: "standard" },
  timeOnSite: { default: 0 },
  pageviews: { default: 0 },
  language: { default: "" },
  identifier: { default: "" },
  tag: { default: "" },
  departments: { default: [] },
  referrer: { default: "" },
  devices: { default: ["desktop", "mobile", "tablet"] },
  urls: { default: [] },
  schedule: { default: undefined },
  attributes: { default: [] },
  events: { default: [] },
  trigger: { default: undefined },
  requireOperatorIds: { default: [] },
  minSecondsSinceLastVisit: { default: undefined },
  minSecondsSinceLastChat: { default: undefined },
  oncePerVisitor: { default: false },
  showLimit: { default: 0 },
  urlBound: { default: false },
  hideForSessionAfterClose: { default: false },
  nextOnUrlChange: { default: false },
  cooldownSeconds: { default: undefined },
  expiresAfterSeconds: { default: undefined },
  message: { default: undefined },
  returningMessage: { default: "" },
  returningNick: { default: "" },
  translations: { default: {} },
  operator: { default: {} },
  wait: { default: {} },
  requires: { default: undefined },
  variations: { default: [] },
  conversion: { default: undefined },
  campaign: { default: "" },
  design: { default: {} },
} satisfies FieldTable<Invitation, object>;

/** The name of an invitation field. */
export type InvitationField = keyof typeof INVITATION_FIELDS;

/**
 * What each invitation field is, for code that must treat every condition (lint's `covers`, the testing
 * arbitraries and `aimVisitor`): a condition on the visitor, or identity, ranking, the trigger, a state limit (the
 * reducers take an invitation out of the running by it), the lifecycle of a current invitation, or content. A type
 * only, so it costs the bundles nothing; a field of the table missing here, or here but not in the table, fails to
 * compile (below).
 */
export interface InvitationFieldRoles {
  id: "identity";
  name: "identity";
  position: "ranking";
  enabled: "ranking";
  kind: "ranking";
  timeOnSite: "condition";
  pageviews: "condition";
  language: "condition";
  identifier: "condition";
  tag: "condition";
  departments: "condition";
  referrer: "condition";
  devices: "condition";
  urls: "condition";
  schedule: "condition";
  attributes: "condition";
  events: "condition";
  trigger: "trigger";
  requireOperatorIds: "condition";
  minSecondsSinceLastVisit: "condition";
  minSecondsSinceLastChat: "condition";
  oncePerVisitor: "state limit";
  showLimit: "state limit";
  urlBound: "lifecycle";
  hideForSessionAfterClose: "state limit";
  nextOnUrlChange: "lifecycle";
  cooldownSeconds: "lifecycle";
  expiresAfterSeconds: "lifecycle";
  message: "content";
  returningMessage: "content";
  returningNick: "content";
  translations: "content";
  operator: "content";
  wait: "content";
  requires: "content";
  variations: "content";
  conversion: "content";
  campaign: "content";
  design: "content";
}
true satisfies ListsEvery<InvitationField, keyof InvitationFieldRoles> & ListsEvery<keyof InvitationFieldRoles, InvitationField>;

/** The invitation fields that are conditions on the visitor (see {@link InvitationFieldRoles}). */
export type ConditionField = { [F in keyof InvitationFieldRoles]: InvitationFieldRoles[F] extends "condition" ? F : never }[keyof InvitationFieldRoles];

/**
 * The names of {@link VISITOR_FIELDS}, in table order, for code that walks them.
 *
 * @example
 * VISITOR_FIELD_NAMES[1] // => "timeOnSite"
 */
export const VISITOR_FIELD_NAMES = Object.keys(VISITOR_FIELDS) as readonly VisitorField[];

/**
 * The names of {@link INVITATION_FIELDS}, in table order, for code that walks them.
 *
 * @example
 * INVITATION_FIELD_NAMES[0] // => "id"
 */
export const INVITATION_FIELD_NAMES = Object.keys(INVITATION_FIELDS) as readonly InvitationField[];
