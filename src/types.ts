/**
 * Public data model of beckon (README: Invitation fields, Visitor snapshot, Decision).
 *
 * These interfaces are written by hand so that they read well in editors; `test/types.test-d.ts` proves that each
 * one is exactly the output type of its zod schema in `src/config/`, so the two can never drift apart.
 */
import type { ReasonCode } from "./explain/reason-codes.js";

/** A device class, covering LHC's seven device options as a set. */
export type Device = "desktop" | "mobile" | "tablet";

/** How an invitation competes: on every call, on a widget trigger, or as an HTML injection payload (README: Kinds). */
export type InvitationKind = "standard" | "dynamic" | "inject";

/** A dynamic invitation's client-side trigger. */
export type Trigger = { type: "exitIntent" } | { type: "idle"; seconds: number };

/** A weekly window, `HH:mm` 24-hour local times, inclusive at both ends to the minute; `end < start` crosses midnight. */
export interface ScheduleWindow {
  start: string;
  end: string;
}

/** The seven weekday keys of a weekly schedule. */
export type Weekday = "mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun";

/** Active during the listed windows of each weekday, in the schedule's time zone. */
export interface WeeklySchedule {
  type: "weekly";
  timeZone?: string;
  days: Partial<Record<Weekday, ScheduleWindow[]>>;
}

/** Active from `from` to `to` (inclusive); either end may be left open. */
export interface PeriodSchedule {
  type: "period";
  from?: string | number;
  to?: string | number;
}

/** Active every year between two `MM-DD HH:mm` local instants (inclusive); may wrap the year end. */
export interface AnnualSchedule {
  type: "annual";
  timeZone?: string;
  from: string;
  to: string;
}

/** When an invitation may be offered (README: Schedules). */
export type Schedule = WeeklySchedule | PeriodSchedule | AnnualSchedule;

/** A moving instant: the evaluation instant in epoch **seconds** plus `now` seconds (LHC's `{time}-(3*24*3600)`). */
export interface RelativeTime {
  now: number;
}

/** A scalar an attribute condition compares against. */
export type AttributeScalar = string | number | boolean;

/** A condition on `visitor.attributes[key]` (README: Attribute conditions). */
export type AttributeCondition =
  | { key: string; op: "eq" | "neq"; value: AttributeScalar | AttributeScalar[] }
  | { key: string; op: "gt" | "gte" | "lt" | "lte"; value: number | string | RelativeTime }
  | { key: string; op: "contains" | "notContains"; value: string | number }
  | { key: string; op: "in" | "notIn"; value: AttributeScalar[] }
  | { key: string; op: "like" | "notLike"; value: string }
  | { key: string; op: "exists" | "notExists" }
  | { key: string; op: "regex"; value: string };

/** Attribute operators, one per row of the operator table. */
export type AttributeOperator = AttributeCondition["op"];

/** A condition on the visitor's event log (README: Events): at least `minCount` records of `event` in the window. */
export interface EventCondition {
  event: string;
  minCount: number;
  withinSeconds?: number;
}

/** Sender of an invitation (README: Sender). */
export interface OperatorConfig {
  name?: string;
  random?: boolean;
  operatorIds?: string[];
}

/** Translated texts for one locale (README: Translations). */
export interface Translation {
  message?: string;
  returningMessage?: string;
  returningNick?: string;
  operatorName?: string;
}

/** Texts shown while the visitor waits for an operator; passed through to the decision. */
export interface WaitConfig {
  message?: string;
  timeoutSeconds?: number;
  timeoutMessage?: string;
  repeat?: number;
}

/** Fields the chat form must ask for; passed through to the decision. */
export interface RequiresConfig {
  email?: boolean;
  username?: boolean;
  phone?: boolean;
}

/** An A/B content variation of an invitation (README: Variations). */
export interface Variation {
  id: string;
  weight?: number;
  message?: string;
  returningMessage?: string;
  returningNick?: string;
  operator?: OperatorConfig;
  translations?: Record<string, Translation>;
}

/** Custom conversion goal (README: Conversions). */
export interface ConversionConfig {
  event: string;
  withinSeconds: number;
}

/** Opaque JSON handed to the widget. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/**
 * One proactive invitation as configured (README: Invitation fields). Every field but `id` and `message` is optional; the documented
 * defaults are applied by `compile`, so the object you pass in is the object you get back in `Decision.invitation`.
 */
export interface Invitation {
  id: string;
  name?: string;
  position?: number;
  enabled?: boolean;
  kind?: InvitationKind;
  timeOnSite?: number;
  pageviews?: number;
  language?: string;
  identifier?: string;
  tag?: string;
  departments?: (string | number)[];
  referrer?: string;
  devices?: Device[];
  urls?: string[];
  schedule?: Schedule;
  attributes?: AttributeCondition[];
  events?: EventCondition[];
  trigger?: Trigger;
  requireOperatorIds?: string[];
  minSecondsSinceLastVisit?: number;
  minSecondsSinceLastChat?: number;
  oncePerVisitor?: boolean;
  showLimit?: number;
  urlBound?: boolean;
  hideForSessionAfterClose?: boolean;
  nextOnUrlChange?: boolean;
  cooldownSeconds?: number;
  expiresAfterSeconds?: number;
  message: string;
  returningMessage?: string;
  returningNick?: string;
  translations?: Record<string, Translation>;
  operator?: OperatorConfig;
  wait?: WaitConfig;
  requires?: RequiresConfig;
  variations?: Variation[];
  conversion?: ConversionConfig;
  campaign?: string;
  design?: { [key: string]: JsonValue };
}

/** A value of a visitor variable. */
export type AttributeValue = string | number | boolean | null;

/** One record of the visitor's event log (README: Events); `at` in epoch ms. */
export interface VisitorEvent {
  name: string;
  at: number;
  value?: string;
}

/** What the visitor's chat history says. */
export interface ChatHistory {
  active?: boolean;
  lastStartedAt?: number;
  nick?: string;
}

/** The invitation currently assigned to a visitor (README: The visitor's life). */
export interface CurrentInvitation {
  invitationId: string;
  variationId: string;
  assignedAt: number;
  shownPageviews: number;
  closedAt?: number;
  expiresAt?: number;
}

/** Status of a conversion record (README: Conversions). */
export type ConversionStatus = "sent" | "shown" | "closed" | "chatStarted";

/** One sent invitation awaiting (or having reached) its conversion goal. */
export interface ConversionRecord {
  invitationId: string;
  variationId: string;
  campaign: string;
  status: ConversionStatus;
  sentAt: number;
  event: string;
  expiresAt: number;
  convertedAt?: number;
}

/**
 * What pruned conversion records of one invitation and variation added up to: the counts `summarize` gives them,
 * kept once the records themselves can no longer change an outcome.
 */
export interface ConversionTally {
  invitationId: string;
  variationId: string;
  sent: number;
  shown: number;
  closed: number;
  chatStarted: number;
  converted: number;
}

/** What a visitor has been shown, closed and excluded from, as versioned JSON (README: The visitor's life). */
export interface InvitationState {
  v: 1;
  current?: CurrentInvitation;
  suppressedUntil?: number;
  sessionExcluded: string[];
  seenOnce: string[];
  conversions: ConversionRecord[];
  /** Counts of conversion records pruned from `conversions`, one per (invitationId, variationId); absent = none. */
  conversionTallies?: ConversionTally[];
}

/**
 * A snapshot of one visitor at the moment of evaluation (README: Visitor snapshot). Only `id` is required. Every string in it is at
 * most `MAX_VISITOR_STRING_LENGTH` (8 192) UTF-16 code units: `parseVisitor` reports a longer one as `too_big`,
 * `evaluate` answers `invalid_visitor`. A snapshot whose parts cannot be read (a getter or proxy that throws) is
 * `invalid_visitor` too.
 */
export interface Visitor {
  id: string;
  timeOnSite?: number;
  pageviews?: number;
  visits?: number;
  url?: string;
  previousUrl?: string;
  referrer?: string;
  language?: string;
  locale?: string;
  identifier?: string;
  department?: string | number;
  tags?: string[];
  device?: Device;
  attributes?: Record<string, AttributeValue>;
  visibleAttributes?: Record<string, AttributeValue>;
  events?: VisitorEvent[];
  chat?: ChatHistory;
  lastVisitAt?: number;
  state?: InvitationState;
}

/** An operator who is online right now. `name` is beckon's addition: the sender name shown for a random pick. */
export interface OnlineOperator {
  id: string;
  name?: string;
  departments?: (string | number)[];
}

/** World facts and switches for one evaluation (README: Visitor snapshot, the fourth argument). */
export interface EvaluateOptions {
  /** Operators online right now; absent = presence unknown and not checked. */
  operatorsOnline?: readonly OnlineOperator[];
  /** With `operatorsOnline` given: no invitation when nobody in it serves the visitor. Default `true`. */
  requireOperatorOnline?: boolean;
  /** Global pause after an invitation is closed or expires, in seconds. Default 86 400. */
  suppressAfterCloseSeconds?: number;
  /** Pause after the visitor's last chat started, in seconds. Default 86 400. */
  suppressAfterChatSeconds?: number;
  /** IANA time zone for schedules that name none. Default `"UTC"`. */
  timeZone?: string;
  /** How visitor values are escaped in messages. Default `"html"`. */
  escape?: "html" | "none";
  /** Sender name when an invitation names none. Default `"Live Support"`. */
  defaultOperatorName?: string;
  /** Mixed into every deterministic choice (ties, variations, random operator). Default `""`. */
  seed?: string;
  /** A dynamic trigger that just fired in the widget (README: Kinds). */
  trigger?: Trigger;
}

/** The instant of evaluation: epoch ms, a `Date`, or anything with `now()`. Read exactly once per call. */
export type Clock = number | Date | { now(): number | Date };

/** Sender shown with the invitation. */
export interface DecisionOperator {
  id?: string;
  name: string;
}

/** The answer of `evaluate` (README: Decision). */
export interface Decision {
  status: "selected" | "current" | "none";
  invitation: Invitation | null;
  variationId: string | null;
  message: string | null;
  operator: DecisionOperator | null;
  wait: WaitConfig | null;
  requires: Required<RequiresConfig> | null;
  design: { [key: string]: JsonValue } | null;
  armed: { invitationId: string; trigger: Trigger }[];
  inject: { invitationId: string; design: { [key: string]: JsonValue } }[];
  reason: ReasonCode | null;
  warnings: ReasonCode[];
  recheckAt: number | null;
  at: number;
}

/** Declares an event the website may log (LHC "proactive chat variable", README: Events). */
export interface EventDefinition {
  name: string;
  /** Refresh instead of append while the newest matching record is younger than this; 0 = refresh for ever. */
  storeTimeoutSeconds?: number;
  /** Only a record with the same value counts as the one to refresh. */
  filterByValue?: boolean;
}

/** What `recordEvent` did with an event. */
export type RecordEventOutcome = "appended" | "refreshed" | "unknown_event";

/** What `recordConversion` did. */
export type ConversionOutcome = "converted" | "no_record" | "expired" | "already_converted";

/** Counts per invitation and variation, from `summarize`: a tally and its rate. */
export interface ConversionSummary extends ConversionTally {
  /** `converted / sent`, 0 when nothing was sent. */
  conversionRate: number;
}
