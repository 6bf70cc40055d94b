/**
 * What `createBeckon` keeps about a visitor and what each of its calls does to it, as pure functions in the service's
 * own order (src/storage/visitor-changes.ts), so a simulation decides as production does without storage, timers or
 * promises. test/property/simulate.property.test.ts holds the two together: every simulated decision equals the one
 * the service gives when its calls are made by hand.
 */
import type { Ruleset } from "../compile/compile.js";
import { MAX_VISITOR_EVENTS } from "../config/visitor-limits.js";
import { evaluate } from "../evaluate/evaluate.js";
import { pruneEvents } from "../events/prune-events.js";
import { recordEvent } from "../events/record-event.js";
import { applyDecision } from "../state/apply-decision.js";
import { isNewSession } from "../state/is-new-session.js";
import { recordChatStarted } from "../state/record-chat-started.js";
import { recordClosed } from "../state/record-closed.js";
import { recordConversion } from "../state/record-conversion.js";
import { recordPageView } from "../state/record-page-view.js";
import { recordShown } from "../state/record-shown.js";
import { startSession } from "../state/start-session.js";
import type {
  ConversionOutcome,
  CurrentInvitation,
  Decision,
  EvaluateOptions,
  EventDefinition,
  InvitationState,
  RecordEventOutcome,
  Visitor,
  VisitorEvent,
} from "../types.js";

/** The service's visitor record: state, event log, last activity, last page, the assignment counted as shown. */
export interface VisitorRecord {
  state: InvitationState;
  events: VisitorEvent[];
  lastActivityAt?: number;
  lastUrl?: string;
  shownAssignedAt?: number;
}

/** A call's new record and its answer. */
export interface Change<T> {
  record: VisitorRecord;
  result: T;
}

/**
 * The service's `check`: a new session after 30 minutes without a check, the page view when there is one, evaluate,
 * apply the decision; every check is activity.
 *
 * @example
 * checkVisitor(record, { id: "v1", url: "/pricing" }, ruleset, {}, true, now).result.status // => "selected"
 */
export function checkVisitor(
  record: VisitorRecord,
  visitor: Visitor,
  ruleset: Ruleset,
  options: EvaluateOptions,
  pageView: boolean,
  now: number,
): Change<Decision> {
  let state = record.state;
  if (isNewSession(record.lastActivityAt, now) && record.lastActivityAt !== undefined) state = startSession(state, ruleset, now, options);
  if (pageView) {
    const previousUrl = visitor.previousUrl ?? record.lastUrl;
    const url = visitor.url ?? record.lastUrl ?? "";
    state = recordPageView(state, ruleset, { url, ...(previousUrl === undefined ? {} : { previousUrl }) }, now, options);
  }
  const decision = evaluate(ruleset, { ...visitor, state, events: record.events }, now, options);
  state = applyDecision(state, decision, now, ruleset, options);
  const lastUrl = visitor.url ?? record.lastUrl;
  const next: VisitorRecord = { ...record, state, lastActivityAt: Math.max(record.lastActivityAt ?? now, now) };
  return { record: lastUrl === undefined ? next : { ...next, lastUrl }, result: decision };
}

/**
 * The service's `logEvent`: recorded by its definition, the log cut to its bound and pruned to what can still count.
 *
 * @example
 * logVisitorEvent(record, { name: "login_failed" }, ruleset, definitions, now).result // => "appended"
 */
export function logVisitorEvent(
  record: VisitorRecord,
  event: { name: string; value?: string },
  ruleset: Ruleset,
  definitions: readonly EventDefinition[],
  now: number,
): Change<RecordEventOutcome> {
  const { log, outcome } = recordEvent(record.events, definitions, event, now);
  if (outcome === "unknown_event") return { record, result: outcome };
  return { record: { ...record, events: pruneEvents(newest(log, MAX_VISITOR_EVENTS), ruleset, now) }, result: outcome };
}

/** The log's `limit` newest records in their order; of two at one instant the later one in the log is the newer. */
function newest(log: VisitorEvent[], limit: number): VisitorEvent[] {
  if (log.length <= limit) return log;
  const order = log.map((_, index) => index).sort((a, b) => (log[b] as VisitorEvent).at - (log[a] as VisitorEvent).at || b - a);
  const kept = new Set(order.slice(0, limit));
  return log.filter((_, index) => kept.has(index));
}

/**
 * The service's `shown`: counted once per assignment; `false` when nothing is on screen or it was counted.
 *
 * @example
 * markShown(record, now).result // => true
 */
export function markShown(record: VisitorRecord, now: number): Change<boolean> {
  const current = onScreen(record, now);
  if (current === null || record.shownAssignedAt === current.assignedAt) return { record, result: false };
  return { record: { ...record, state: recordShown(record.state, now), shownAssignedAt: current.assignedAt }, result: true };
}

/**
 * The service's `closed`: `true` when an invitation was on screen.
 *
 * @example
 * markClosed(record, ruleset, {}, now).result // => true
 */
export function markClosed(record: VisitorRecord, ruleset: Ruleset, options: EvaluateOptions, now: number): Change<boolean> {
  const current = onScreen(record, now);
  return { record: { ...record, state: recordClosed(record.state, ruleset, now, options) }, result: current !== null };
}

/**
 * The service's `chatStarted`: `true` when it was from an invitation on screen.
 *
 * @example
 * markChatStarted(record, ruleset, {}, now).result // => false
 */
export function markChatStarted(record: VisitorRecord, ruleset: Ruleset, options: EvaluateOptions, now: number): Change<boolean> {
  const current = onScreen(record, now);
  return { record: { ...record, state: recordChatStarted(record.state, ruleset, now, options) }, result: current !== null };
}

/**
 * The service's `convert`.
 *
 * @example
 * markConverted(record, "ordered", now).result // => "converted"
 */
export function markConverted(record: VisitorRecord, eventName: string, now: number): Change<ConversionOutcome> {
  const { state, outcome } = recordConversion(record.state, eventName, now);
  return { record: outcome === "converted" ? { ...record, state } : record, result: outcome };
}

/** The current invitation if it is on screen at `now`: assigned, not closed, not expired. */
function onScreen(record: VisitorRecord, now: number): CurrentInvitation | null {
  const current = record.state.current;
  if (current === undefined || current.closedAt !== undefined) return null;
  if (current.expiresAt !== undefined && current.expiresAt <= now) return null;
  return current;
}
