import { matchReferrer } from "../conditions/match-referrer.js";
import { matchUrl } from "../conditions/match-url.js";
import { nextAttributeChange } from "../conditions/next-attribute-change.js";
import { servesVisitor } from "../conditions/operator-presence.js";
import { testAttribute } from "../conditions/test-attribute.js";
import { eventConditionEnd } from "../events/event-condition-end.js";
import type { ReasonCode } from "../reason-codes.js";
import type { ScheduleReader } from "../schedule/schedule-reader.js";
import type { OnlineOperator } from "../types.js";
import type { VisitorView } from "../visitor/view-visitor.js";
import type { CompiledInvitation } from "../compile/compile-invitation.js";

/** What a candidate check needs besides the invitation and the visitor: the same for every check of one call. */
export interface CheckEnv {
  /** Written by every {@link checkCandidate}: when the checked candidate's eligibility may flip. */
  changeAt: number;
  /** Written by {@link checkCandidate} from its `bound` before the check runs (see there): only the check reads it. */
  bound: number;
  readonly atMs: number;
  readonly timeZone: string;
  readonly operatorsOnline: readonly OnlineOperator[] | undefined;
  /** Schedules read at `atMs` with `timeZone` as the default: the call's own, never shared between calls. */
  readonly schedules: ScheduleReader;
  /**
   * Set by a scan: its candidates are those the index left, whose keys the visitor's fit, so their cheap static
   * conditions nearly always hold and a closed schedule is the likelier rejection (it is then looked at first).
   */
  keysFit: boolean;
}

/**
 * Checks every condition of an invitation (docs/semantics.md: Semantics in detail, Schedules, Events, and rule 6 of Rules before selection): whether it is eligible now, and
 * when that may flip. Conditions that time cannot change are checked first (but for a schedule closed past `bound`,
 * below). Without `reasons` the check stops at the
 * first that fails; with `reasons` (explain) it records every failing condition and goes on — the same checks
 * either way.
 *
 * Returns whether the candidate is eligible, and leaves in `env.changeAt` the earliest future instant at which that
 * may flip while only time passes (`Infinity`: never). For an eligible candidate, the first moment a time-bound
 * condition can stop holding; for an ineligible one, no earlier than the moment every failing condition could hold —
 * a lower bound, so `recheckAt` built from it never promises too late. A slot of the call's own `env` rather than a
 * result object: this runs for every candidate of every evaluation, and allocates nothing.
 *
 * `bound` is the earliest change the caller has found so far among candidates that count for `recheckAt`: a
 * candidate not eligible now that cannot become eligible before it cannot move `recheckAt`, so its other conditions
 * need not be checked and its change is "never" (with `reasons`, nothing is skipped). That holds for a time-on-site
 * (or time-since) minimum met only then, and for a schedule closed until then.
 *
 * @example
 * checkCandidate(compileInvitation({ id: "a", message: "Hi", timeOnSite: 30 }), viewVisitor({ id: "v1", timeOnSite: 10 }), env, Infinity, null)
 * // => false, with env.changeAt === env.atMs + 20_000
 */
export function checkCandidate(
  invitation: CompiledInvitation,
  visitor: VisitorView,
  env: CheckEnv,
  bound: number,
  reasons: ReasonCode[] | null,
): boolean {
  // A number passed to a function the engine does not inline travels boxed: one allocation per candidate checked.
  // This wrapper is small enough to be inlined, so the bound reaches the check through the call's environment.
  env.bound = bound;
  return check(invitation, visitor, env, reasons);
}

// Boolean fields are compared with `=== true` / `=== false` on this path: the engine does not know they only ever hold
// booleans, so a plain truth test compiles to its generic form (false, "", 0, NaN, null, undefined, 0n…) where a
// comparison is one instruction.
function check(invitation: CompiledInvitation, visitor: VisitorView, env: CheckEnv, reasons: ReasonCode[] | null): boolean {
  const bound = env.bound;
  env.changeAt = Number.POSITIVE_INFINITY;
  const noted = reasons === null ? 0 : reasons.length;
  if (reasons === null && waitsPast(invitation, visitor, env.atMs, bound)) return false;
  // Past a finite bound, a schedule closed until then rules the candidate out just as a failing static condition
  // would (both leave "never"). It is read before the costly static conditions, and before the cheap ones too when
  // the index has matched the keys; checkTimed takes the reader's answer as it stands (nothing reads another
  // schedule in between).
  const scheduleRead = reasons === null && bound !== Number.POSITIVE_INFINITY && invitation.schedule !== null;
  if (scheduleRead && env.keysFit === true && closedPast(invitation, env.schedules, bound)) return false;
  if (checkStatic(invitation, visitor, reasons)) return false;
  if (scheduleRead && env.keysFit === false && closedPast(invitation, env.schedules, bound)) return false;
  if (checkCostlyStatic(invitation, visitor, env, reasons)) return false;
  const failed = reasons !== null && reasons.length > noted;
  const eligible = checkTimed(invitation, visitor, env, reasons, scheduleRead);
  if (!failed) return eligible;
  env.changeAt = Number.POSITIVE_INFINITY;
  return false;
}

/**
 * The cheap conditions whose truth only new visitor input can change (compare and look up), cheapest first; the
 * costly ones follow in {@link checkCostlyStatic}. Each returns true when one fails on the fast path. Written out one
 * by one rather than as a table of functions: a call through a table is a megamorphic call, and this runs for every
 * candidate of every evaluation. Each failing condition reads `reasons === null || note(…)`, which tells the fast
 * path (stop at the first) from recording (note it and go on).
 */
function checkStatic(inv: CompiledInvitation, v: VisitorView, reasons: ReasonCode[] | null): boolean {
  if (inv.enabled === false && (reasons === null || note(reasons, "disabled"))) return true;
  if (v.pageviews < inv.pageviews && (reasons === null || note(reasons, "pageviews"))) return true;
  if (inv.language !== "" && inv.language !== v.language && (reasons === null || note(reasons, "language"))) return true;
  if (inv.identifier !== "" && inv.identifier !== v.identifier && (reasons === null || note(reasons, "identifier"))) return true;
  if (inv.tag !== "" && !v.tags.has(inv.tag) && (reasons === null || note(reasons, "tag"))) return true;
  const department = v.department;
  const outside = inv.departments !== null && (department === undefined || !inv.departments.has(department));
  if (outside && (reasons === null || note(reasons, "department"))) return true;
  return inv.devices !== null && !inv.devices.has(v.device) && (reasons === null || note(reasons, "device"));
}

/** The static conditions that parse, match or loop: referrer, URL, operators, state, attributes, events. */
function checkCostlyStatic(inv: CompiledInvitation, v: VisitorView, env: CheckEnv, reasons: ReasonCode[] | null): boolean {
  if (inv.referrer !== "" && !matchReferrer(inv.referrer, v.referrerHost) && (reasons === null || note(reasons, "referrer"))) return true;
  if (inv.urls !== null && !matchUrl(inv.urls, v.page) && (reasons === null || note(reasons, "url"))) return true;
  if (inv.requireOperatorIds !== null && !operatorsPresent(inv, v, env) && (reasons === null || note(reasons, "operator_offline"))) return true;
  if (v.sessionExcluded.size > 0 && v.sessionExcluded.has(inv.id) && (reasons === null || note(reasons, "session_excluded"))) return true;
  if (inv.oncePerVisitor === true && v.seenOnce.has(inv.id) && (reasons === null || note(reasons, "once_per_visitor"))) return true;
  if (inv.attributes.length > 0 && !staticAttributesHold(inv, v, env) && (reasons === null || note(reasons, "attribute"))) return true;
  // Without `reasons` the event windows are read once, in checkTimed, which rejects a condition that does not hold.
  if (reasons !== null && inv.events.length > 0 && !eventsHold(inv, v, env)) reasons.push("event");
  return false;
}

/**
 * A static condition failed while recording (explain): the reason is noted and the check goes on (false). Each site
 * reads `cond && (reasons === null || note(reasons, reason))`: without `reasons` (evaluate) the check stops there.
 * The test is written at each site rather than in one function, so the fast path makes no call even where the
 * engine would not inline one.
 */
function note(reasons: ReasonCode[], reason: ReasonCode): boolean {
  reasons.push(reason);
  return false;
}

/**
 * Conditions that time can change: minimums that only ever become true (time on site, time since the last visit or
 * chat) and conditions that can flip either way (schedule, relative-time attributes, event windows). Returns whether
 * they all hold, and leaves in `env.changeAt` when that may change: while one fails, the latest instant a failing one
 * could hold; while all hold, the earliest instant one can stop.
 */
function checkTimed(inv: CompiledInvitation, v: VisitorView, env: CheckEnv, reasons: ReasonCode[] | null, scheduleRead: boolean): boolean {
  const at = env.atMs;
  let readyAt = Number.NEGATIVE_INFINITY;
  let endsAt = Number.POSITIVE_INFINITY;
  // First, since one that does not hold now never will (records only age): the candidate is out for good. With
  // `reasons` checkStatic has recorded it and the candidate is out anyway; the window's end still counts below.
  for (const e of inv.events) {
    const end = eventConditionEnd(e, v.events.get(e.event), at);
    if (Number.isNaN(end) && reasons === null) return false;
    if (end < endsAt) endsAt = end;
  }
  const onSite = timeOnSiteMetAt(inv, v, at);
  if (onSite > at) readyAt = failing(reasons, "time_on_site", readyAt, onSite);
  const sinceVisit = lastVisitMetAt(inv, v);
  if (sinceVisit > at) readyAt = failing(reasons, "last_visit_too_recent", readyAt, sinceVisit);
  const sinceChat = lastChatMetAt(inv, v);
  if (sinceChat > at) readyAt = failing(reasons, "last_chat_too_recent", readyAt, sinceChat);
  if (inv.schedule !== null) {
    const schedules = env.schedules;
    if (!scheduleRead) schedules.read(inv.schedule);
    if (schedules.active === false) readyAt = failing(reasons, "schedule", readyAt, schedules.nextChange);
    else if (schedules.nextChange < endsAt) endsAt = schedules.nextChange;
  }
  for (const a of inv.movingAttributes) {
    const change = nextAttributeChange(a, v.attributeSource, at) ?? Number.POSITIVE_INFINITY;
    if (!testAttribute(a, v.attributeSource, at)) readyAt = failing(reasons, "attribute", readyAt, change);
    else if (change < endsAt) endsAt = change;
  }
  const allHold = readyAt === Number.NEGATIVE_INFINITY;
  env.changeAt = allHold ? endsAt : readyAt;
  return allHold;
}

/** Notes a failing time-bound condition: records its reason and returns the later of the two "could hold" instants. */
function failing(reasons: ReasonCode[] | null, reason: ReasonCode, readyAt: number, holdsFrom: number): number {
  if (reasons !== null && !reasons.includes(reason)) reasons.push(reason);
  return holdsFrom > readyAt ? holdsFrom : readyAt;
}

/**
 * A candidate whose time-on-site (or time-since-visit, time-since-chat) minimum is met only at or after `bound`:
 * not eligible now, and nothing it could do before then. The cheapest rejection there is, so it comes first.
 */
function waitsPast(inv: CompiledInvitation, v: VisitorView, at: number, bound: number): boolean {
  const onSite = timeOnSiteMetAt(inv, v, at);
  if (onSite > at && onSite >= bound) return true;
  const sinceVisit = lastVisitMetAt(inv, v);
  if (sinceVisit > at && sinceVisit >= bound) return true;
  const sinceChat = lastChatMetAt(inv, v);
  return sinceChat > at && sinceChat >= bound;
}

/** Reads the candidate's schedule into `schedules`: is it closed now and until at least `bound`? */
function closedPast(inv: CompiledInvitation, schedules: ScheduleReader, bound: number): boolean {
  if (inv.schedule === null) return false;
  schedules.read(inv.schedule);
  return schedules.active === false && schedules.nextChange >= bound;
}

// When each minimum that only ever becomes true is met (−∞: no such minimum); it holds now when that is ≤ now.

/**
 * When the visitor meets the invitation's time-on-site minimum: an instant after `at`, or −∞ when it is met now.
 *
 * @example
 * timeOnSiteMetAt(compileInvitation({ id: "a", message: "Hi", timeOnSite: 30 }), viewVisitor({ id: "v1", timeOnSite: 10 }), now) // => now + 20_000
 */
export function timeOnSiteMetAt(inv: CompiledInvitation, v: VisitorView, at: number): number {
  return v.timeOnSite < inv.timeOnSite ? at + msUntil(inv.timeOnSite - v.timeOnSite) : Number.NEGATIVE_INFINITY;
}

function lastVisitMetAt(inv: CompiledInvitation, v: VisitorView): number {
  if (v.lastVisitAt === undefined || inv.minMsSinceLastVisit === undefined) return Number.NEGATIVE_INFINITY;
  return v.lastVisitAt + inv.minMsSinceLastVisit;
}

function lastChatMetAt(inv: CompiledInvitation, v: VisitorView): number {
  if (v.lastChatAt === undefined || inv.minMsSinceLastChat === undefined) return Number.NEGATIVE_INFINITY;
  return v.lastChatAt + inv.minMsSinceLastChat;
}

/**
 * Whole milliseconds until `seconds` have passed, never late: the threshold is met at the first millisecond where
 * `timeOnSite + elapsed ≥ minimum`, and float error (5 − 4.999 = 1.0000000000000009 ms) must not push it one later.
 */
function msUntil(seconds: number): number {
  return Math.max(1, Math.ceil(seconds * 1000 - 1e-6));
}

function operatorsPresent(inv: CompiledInvitation, v: VisitorView, env: CheckEnv): boolean {
  const wanted = inv.requireOperatorIds;
  if (wanted === null || env.operatorsOnline === undefined) return true;
  return env.operatorsOnline.some((op) => wanted.has(op.id.trim()) && servesVisitor(op, v.department));
}

function staticAttributesHold(inv: CompiledInvitation, v: VisitorView, env: CheckEnv): boolean {
  const attributes = v.attributeSource;
  for (const a of inv.attributes) if (!testAttribute(a, attributes, env.atMs)) return false;
  return true;
}

/** Event conditions that do not hold now cannot start holding while only time passes: records only age. */
function eventsHold(inv: CompiledInvitation, v: VisitorView, env: CheckEnv): boolean {
  for (const e of inv.events) if (Number.isNaN(eventConditionEnd(e, v.events.get(e.event), env.atMs))) return false;
  return true;
}
