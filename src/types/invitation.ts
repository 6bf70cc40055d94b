/** An invitation as configured: its conditions, content, schedules and the parts it passes through. */

/** A device class, covering LHC's seven device options as a set. */
export type Device = "desktop" | "mobile" | "tablet";

/** How an invitation competes: on every call, on a widget trigger, or as an HTML injection payload (docs/semantics.md: Kinds). */
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

/** When an invitation may be offered (docs/semantics.md: Schedules). */
export type Schedule = WeeklySchedule | PeriodSchedule | AnnualSchedule;

/** A moving instant: the evaluation instant in epoch **seconds** plus `now` seconds (LHC's `{time}-(3*24*3600)`). */
export interface RelativeTime {
  now: number;
}

/** A scalar an attribute condition compares against. */
export type AttributeScalar = string | number | boolean;

/** A condition on `visitor.attributes[key]` (docs/semantics.md: Attribute conditions). */
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

/** A condition on the visitor's event log (docs/semantics.md: Events): at least `minCount` records of `event` in the window. */
export interface EventCondition {
  event: string;
  minCount: number;
  withinSeconds?: number;
}

/** Sender of an invitation (docs/semantics.md: Sender). */
export interface OperatorConfig {
  name?: string;
  random?: boolean;
  operatorIds?: string[];
}

/** Translated texts for one locale (docs/semantics.md: Translations). */
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

/** An A/B content variation of an invitation (docs/semantics.md: Variations). */
export interface Variation {
  id: string;
  weight?: number;
  message?: string;
  returningMessage?: string;
  returningNick?: string;
  operator?: OperatorConfig;
  translations?: Record<string, Translation>;
}

/** Custom conversion goal (docs/api.md: Conversions). */
export interface ConversionConfig {
  event: string;
  withinSeconds: number;
}

/** Opaque JSON handed to the widget. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/**
 * One proactive invitation as configured (docs/api.md: Invitation fields). Every field but `id` and `message` is optional; the documented
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
