/**
 * Public data model of beckon (README: Invitation fields, Visitor snapshot, Decision).
 *
 * These interfaces are written by hand so that they read well in editors; `test/types.test-d.ts` proves that each
 * one is exactly the output type of its zod schema in `src/config/`, so the two can never drift apart.
 */
import type { NoneReason, WarningCode } from "./reason-codes.js";

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
  /** Unique within a set; names the invitation in decisions, state and counters. */
  id: string;
  /** A label for humans only. @default "" */
  name?: string;
  /** Priority: the lowest eligible position wins; may be negative. @default 0 */
  position?: number;
  /** A disabled invitation never matches. @default true */
  enabled?: boolean;
  /** `"standard"` competes for the visitor; `"dynamic"` waits for its `trigger`; `"inject"` adds `design` to the page. @default "standard" */
  kind?: InvitationKind;
  /** Seconds the visitor must have spent in the session (`visitor.timeOnSite ≥ value`). @default 0 */
  timeOnSite?: number;
  /** Page views the visitor must have made this session (`visitor.pageviews ≥ value`). @default 0 */
  pageviews?: number;
  /** Only for this site language (`visitor.language`); `""` for all. @default "" */
  language?: string;
  /** Only for this embed-code identifier (`visitor.identifier`); `""` for all. @default "" */
  identifier?: string;
  /** Only for visitors whose `tags` contain it; `""` for all. @default "" */
  tag?: string;
  /** Only for visitors of one of these departments; `[]` for all. @default [] */
  departments?: (string | number)[];
  /** Only when the referrer host starts with it (`google` matches google.com and google.co.uk); `""` for all. @default "" */
  referrer?: string;
  /** Only on these devices; an empty list is refused. @default ["desktop", "mobile", "tablet"] */
  devices?: Device[];
  /** Only on pages matching one of these globs (`!` excludes); `[]` for every page. @default [] */
  urls?: string[];
  /** Only while this weekly, period or annual schedule is active. @default none (always) */
  schedule?: Schedule;
  /** Conditions on the visitor's variables; all must hold. @default [] */
  attributes?: AttributeCondition[];
  /** Conditions on the visitor's event log ("5 times in 30 minutes"); all must hold. @default [] */
  events?: EventCondition[];
  /** What fires a dynamic invitation in the widget: exit intent or idle seconds. Required for `kind: "dynamic"`, refused otherwise. */
  trigger?: Trigger;
  /** Only while one of these operators is online and serves the visitor's department. @default [] */
  requireOperatorIds?: string[];
  /** Only when the previous visit (`visitor.lastVisitAt`) is absent or at least this many seconds ago. @default none */
  minSecondsSinceLastVisit?: number;
  /** Only when the last chat (`visitor.chat.lastStartedAt`) is absent or at least this many seconds ago. @default none */
  minSecondsSinceLastChat?: number;
  /** Never again once the visitor closed it or chatted from it (`state.seenOnce`). @default false */
  oncePerVisitor?: boolean;
  /** Shown on at most this many page views, then hidden; `0` until closed (applied by the reducers). @default 0 */
  showLimit?: number;
  /** Withdrawn when the visitor moves to a page its `urls` do not match (applied by the reducers). @default false */
  urlBound?: boolean;
  /** Once closed, expired or hidden, not offered again this session (`state.sessionExcluded`). @default false */
  hideForSessionAfterClose?: boolean;
  /** With `urlBound`: a closed invitation whose pages the visitor leaves frees them for another at once. @default false */
  nextOnUrlChange?: boolean;
  /** Pause after this invitation is closed or expires, before any invitation is offered. @default options.suppressAfterCloseSeconds (86 400) */
  cooldownSeconds?: number;
  /** The invitation disappears this many seconds after it was assigned. @default none */
  expiresAfterSeconds?: number;
  /** The first-visit message; may hold HTML and placeholders (`{lhc.var.KEY}`, `{nick}`). Required, not blank. */
  message: string;
  /** The message for returning visitors (`visits > 1`); may hold `{nick}`. @default "" (the first-visit message) */
  returningMessage?: string;
  /** What `{nick}` becomes when no previous chat nick is known. @default "" */
  returningNick?: string;
  /** Texts per locale (`lt-LT`, then `lt`): message, returning message and nick, operator name. @default {} */
  translations?: Record<string, Translation>;
  /** The sender: a fixed name, or a random online operator from a list. @default {} (options.defaultOperatorName) */
  operator?: OperatorConfig;
  /** Passed through to the decision for the widget: the wait message and its timeout. @default {} */
  wait?: WaitConfig;
  /** Passed through to the decision: the fields the chat form asks for. @default all false */
  requires?: RequiresConfig;
  /** A/B variations of the content, chosen by weight and the visitor's hash. @default [] */
  variations?: Variation[];
  /** A conversion goal: this event within this many seconds of sending counts as converted. @default none */
  conversion?: ConversionConfig;
  /** A label carried into conversion records. @default "" */
  campaign?: string;
  /** Opaque JSON for the widget (CSS, width, inject HTML), passed through deep-frozen. @default {} */
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
  /** Stable visitor id; seeds every deterministic choice (ties, variations, random operator). Required, not blank. */
  id: string;
  /** Seconds spent in the current session. @default 0 */
  timeOnSite?: number;
  /** Page views this session, the current one included. @default 1 */
  pageviews?: number;
  /** Sessions so far; more than 1 is a returning visitor. @default 1 */
  visits?: number;
  /** The current page, with or without scheme. @default "" */
  url?: string;
  /** The page before it, for URL-bound withdrawal. @default "" */
  previousUrl?: string;
  /** The first referrer URL of the session. @default "" */
  referrer?: string;
  /** The site language code the widget runs under (`eng`, `lit`). @default "" */
  language?: string;
  /** The visitor's locale, for translations (`lt-LT`). @default "" */
  locale?: string;
  /** The embed-code identifier. @default "" */
  identifier?: string;
  /** The department the embed code names. @default none */
  department?: string | number;
  /** Tags the website gave the visitor. @default [] */
  tags?: string[];
  /** What the visitor browses with (see `detectDevice`). @default "desktop" */
  device?: Device;
  /** Hidden variables: read by attribute conditions and `{lhc.var.KEY}`. @default {} */
  attributes?: Record<string, AttributeValue>;
  /** Variables the operator sees: read by `{lhc.add.KEY}`. @default {} */
  visibleAttributes?: Record<string, AttributeValue>;
  /** The event log, `at` in epoch ms (see `recordEvent`). @default [] */
  events?: VisitorEvent[];
  /** The visitor's chat history: an active chat, the last one's start, its nick. @default {} */
  chat?: ChatHistory;
  /** Last activity of the previous session, in epoch ms. @default none */
  lastVisitAt?: number;
  /** What the visitor was shown, closed and excluded from (see the reducers). @default an empty state */
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

/** What every decision carries, whatever its status. */
interface DecisionCommon {
  /** Eligible dynamic invitations for the widget to arm with their triggers (plain calls only). */
  armed: { invitationId: string; trigger: Trigger }[];
  /** Eligible inject invitations, by rank, with their `design` (plain calls only). */
  inject: { invitationId: string; design: { [key: string]: JsonValue } }[];
  /** Things worth knowing about a decision that was still made. */
  warnings: WarningCode[];
  /** The earliest future instant the decision can change with no new visitor input, in epoch ms; `null`: never. */
  recheckAt: number | null;
  /** The one instant used, in epoch ms (`NaN` for an unusable clock). */
  at: number;
}

/** What an offered invitation brings: its content rendered for the visitor, and what it passes through. */
interface OfferFields {
  /** The winner, the very object configured (treat it as read-only). */
  invitation: Invitation;
  /** The variation shown: the invitation's own id for its base content. */
  variationId: string;
  /** The rendered message. */
  message: string;
  /** The sender; `id` when a random online operator was picked. */
  operator: DecisionOperator;
  /** Passed through from the winner (deep-frozen). */
  wait: WaitConfig | null;
  /** Passed through from the winner, all three flags filled in (deep-frozen). */
  requires: Required<RequiresConfig> | null;
  /** Passed through from the winner (deep-frozen). */
  design: { [key: string]: JsonValue } | null;
}

/** A new invitation offered to the visitor: the eligible one ranked first. */
export interface SelectedDecision extends DecisionCommon, OfferFields {
  status: "selected";
  reason: "lowest_position";
}

/** The visitor's current invitation, which still stands. */
export interface CurrentDecision extends DecisionCommon, OfferFields {
  status: "current";
  reason: "current_invitation";
}

/** Nothing offered, and why. */
export interface NoDecision extends DecisionCommon {
  status: "none";
  invitation: null;
  variationId: null;
  message: null;
  operator: null;
  wait: null;
  requires: null;
  design: null;
  reason: NoneReason;
}

/**
 * The answer of `evaluate` (README: Decision), told apart by `status`: after `decision.status !== "none"`, the
 * invitation, its message and sender are there, and `reason` says why for each status.
 */
export type Decision = SelectedDecision | CurrentDecision | NoDecision;

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
