/**
 * What each service call does to one visitor's stored record, as pure functions of (record, instant): the same
 * reducers a host would call by hand, plus the counters each call moves. The service runs them atomically through its visitor lanes (`updateVisitor`; `updateVisitorInOne` for calls that arrive together).
 */
import type { Ruleset } from "../compile/compile.js";
import { evaluateStored } from "../evaluate/evaluate.js";
import type { EventBook } from "../events/event-book.js";
import { pruneBookedEvents } from "../events/prune-events.js";
import { recordBookedEvent } from "../events/record-event.js";
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
  RecordEventOutcome,
  Visitor,
  VisitorEvent,
} from "../types.js";
import { MAX_VISITOR_EVENTS } from "../config/visitor-limits.js";
import type { CounterName, VisitorChange, VisitorRecord } from "./visitor-record.js";

/**
 * Activity is recorded to the minute: a check within this long of the recorded activity that changes nothing else
 * (no state change, same page, nothing counted) leaves the record as it is, so storage is read and not written.
 */
export const ACTIVITY_GRANULARITY_MS = 60_000;

/**
 * A check: the session rule (a new session after 30 minutes without a recorded check), the page view when there was
 * one, evaluate, and apply the decision. Every check, poll or page view, counts as activity, recorded to the minute
 * ({@link ACTIVITY_GRANULARITY_MS}): a poll that changes nothing within a minute of the last recorded activity
 * returns the record it was given, which the service does not write.
 */
export function checkChange(
  record: VisitorRecord,
  visitor: Visitor,
  ruleset: Ruleset,
  options: EvaluateOptions,
  pageView: boolean,
  now: number,
): VisitorChange<Decision> {
  let state = record.state;
  const newSession = isNewSession(record.lastActivityAt, now);
  if (newSession && record.lastActivityAt !== undefined) state = startSession(state, ruleset, now, options);
  const url = visitor.url ?? record.lastUrl ?? "";
  if (pageView) {
    const previousUrl = visitor.previousUrl ?? record.lastUrl;
    state = recordPageView(state, ruleset, { url, ...(previousUrl === undefined ? {} : { previousUrl }) }, now, options);
  }
  // The stored state and log stand for the snapshot's own, handed to evaluation beside it: a copy of the snapshot
  // with them in place (a spread) cost ≈ 1 000 instructions a check.
  const decision = evaluateStored(ruleset, visitor, { state, events: record.events }, now, options);
  state = applyDecision(state, decision, now, ruleset, options);
  const increments = decision.status === "selected" ? [count(decision.invitation.id, decision.variationId, "assigned")] : [];
  // Every check is activity, a poll as much as a page view: a visitor reading one page for an hour is still in the
  // session that showed them the invitation (LHC counts only page views and starts a new one).
  const lastActivityAt = Math.max(record.lastActivityAt ?? now, now);
  const quiet =
    state === record.state &&
    increments.length === 0 &&
    (visitor.url === undefined || visitor.url === record.lastUrl) &&
    record.lastActivityAt !== undefined &&
    lastActivityAt - record.lastActivityAt < ACTIVITY_GRANULARITY_MS;
  if (quiet) return { record, increments, result: decision };
  // The keys a first check adds are defined before the copied ones (see the snapshot above).
  const next: VisitorRecord = { lastActivityAt, ...record };
  next.state = state;
  next.lastActivityAt = lastActivityAt;
  if (visitor.url !== undefined) next.lastUrl = visitor.url;
  return { record: next, increments, result: decision };
}

/** An event the website logged: recorded by its definition, and the log pruned to what can still count. */
export function logEventChange(
  record: VisitorRecord,
  event: { name: string; value?: string },
  ruleset: Ruleset,
  book: EventBook,
  now: number,
): VisitorChange<RecordEventOutcome> {
  const { log, outcome } = recordBookedEvent(record.events, book, event, now);
  if (outcome === "unknown_event") return { record, result: outcome };
  // Cut to the bound before pruning: pruneEvents, like every reader of a log, refuses one past it.
  const events = pruneBookedEvents(newest(log, MAX_VISITOR_EVENTS), ruleset, now, book);
  // An event no condition of the set can count is pruned at once: when the log keeps just what it held, the record
  // is left as it is, and the service writes nothing.
  if (sameRecords(events, record.events)) return { record, result: outcome };
  return { record: { ...record, events }, result: outcome };
}

/** Whether two logs hold the very same records in the same order. */
function sameRecords(a: readonly VisitorEvent[], b: readonly VisitorEvent[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * The log cut to its `limit` newest records, in their order. Pruning keeps what conditions can count, which a set
 * with hundreds of event names or a huge `minCount` can push past the bound every snapshot is held to; a stored
 * record past it would read back as corrupt.
 */
function newest(log: VisitorEvent[], limit: number): VisitorEvent[] {
  if (log.length <= limit) return log;
  // Newest first; of two records at one instant the later one in the log is the newer.
  const order = log.map((_, index) => index).sort((a, b) => (log[b] as VisitorEvent).at - (log[a] as VisitorEvent).at || b - a);
  const kept = new Set(order.slice(0, limit));
  return log.filter((_, index) => kept.has(index));
}

/** The widget displayed the current invitation: counted once per assignment. */
export function shownChange(record: VisitorRecord, now: number): VisitorChange<boolean> {
  const current = onScreen(record, now);
  if (current === null || record.shownAssignedAt === current.assignedAt) return { record, result: false };
  return {
    record: shownRecord(record, recordShown(record.state, now), current.assignedAt),
    increments: [count(current.invitationId, current.variationId, "shown")],
    result: true,
  };
}

/** The record with the shown assignment: `shownAssignedAt` defined before the copied keys (see checkChange). */
function shownRecord(record: VisitorRecord, state: VisitorRecord["state"], shownAssignedAt: number): VisitorRecord {
  const next = { shownAssignedAt, ...record };
  next.state = state;
  next.shownAssignedAt = shownAssignedAt;
  return next;
}

/** The visitor closed the current invitation. */
export function closedChange(record: VisitorRecord, ruleset: Ruleset, options: EvaluateOptions, now: number): VisitorChange<boolean> {
  const current = onScreen(record, now);
  const state = recordClosed(record.state, ruleset, now, options);
  if (current === null) return { record: state === record.state ? record : { ...record, state }, result: false };
  return { record: { ...record, state }, increments: [count(current.invitationId, current.variationId, "closed")], result: true };
}

/** The visitor started a chat. */
export function chatStartedChange(record: VisitorRecord, ruleset: Ruleset, options: EvaluateOptions, now: number): VisitorChange<boolean> {
  const current = onScreen(record, now);
  const state = recordChatStarted(record.state, ruleset, now, options);
  const increments = current === null ? [] : [count(current.invitationId, current.variationId, "chatStarted")];
  return { record: { ...record, state }, increments, result: current !== null };
}

/** The website reported a conversion event. */
export function convertChange(record: VisitorRecord, eventName: string, now: number): VisitorChange<ConversionOutcome> {
  const { state, outcome } = recordConversion(record.state, eventName, now);
  if (outcome !== "converted") return { record, result: outcome };
  const converted = state.conversions.find((c, i) => c.convertedAt !== record.state.conversions[i]?.convertedAt);
  const increments = converted === undefined ? [] : [count(converted.invitationId, converted.variationId, "converted")];
  return { record: { ...record, state }, increments, result: outcome };
}

/** The current invitation if it is on screen at `now`: assigned, not closed, not expired. */
function onScreen(record: VisitorRecord, now: number): CurrentInvitation | null {
  const current = record.state.current;
  if (current === undefined || current.closedAt !== undefined) return null;
  if (current.expiresAt !== undefined && current.expiresAt <= now) return null;
  return current;
}

function count(invitationId: string, variationId: string, counter: CounterName): { invitationId: string; variationId: string; counter: CounterName } {
  return { invitationId, variationId, counter };
}
