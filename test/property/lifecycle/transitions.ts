/**
 * What each host call does to the reference model (README (Events, The visitor's life), README "Visitor lifecycle"), written without calling
 * beckon. The model never waits for a reducer: an expiry is applied when the clock reaches it (settleModel).
 */
import type { ConversionOutcome, Decision, Invitation, RecordEventOutcome, VisitorEvent } from "../../../src/index.js";
import {
  closeInModel,
  invitationOf,
  lastMarkOf,
  moveRecord,
  norm,
  pageOf,
  SESSION_GAP_MS,
  settleModel,
  urlsAllow,
  type Model,
  type ModelCurrent,
} from "./model.js";

export function advanceModel(m: Model, ms: number): void {
  m.now += ms;
  m.timeOnSite += ms / 1000;
  settleModel(m);
}

/**
 * A new session clears the exclusions and withdraws an invitation still on screen (the host passes the invitations
 * and the instant, so an expiry that already happened is recorded first). A closed one stays with its pause; an
 * expiry that already happened belongs to the session it happened in, so its exclusion is gone with that session.
 */
function startSessionInModel(m: Model): void {
  m.session += 1;
  m.visits += 1;
  m.timeOnSite = 0;
  m.sessionExcluded.clear();
  const current = m.current;
  if (current !== null && current.closedAt === undefined) m.current = null;
}

export function pageViewInModel(m: Model, url: string): void {
  if (m.now - m.lastActivity > SESSION_GAP_MS) startSessionInModel(m);
  m.lastActivity = m.now;
  const previous = m.url;
  m.url = url;
  const current = m.current;
  if (current === null) return;
  const inv = invitationOf(m, current.id);
  const left = previous !== url && (inv.urls ?? []).length > 0 && !urlsAllow(inv.urls, pageOf(url));
  if (current.closedAt === undefined) {
    if (left && inv.urlBound === true) m.current = null;
    else countView(m, current, inv);
    return;
  }
  if (left && inv.urlBound === true && inv.nextOnUrlChange === true) release(m, inv);
}

function countView(m: Model, current: ModelCurrent, inv: Invitation): void {
  current.shownPageviews += 1;
  const limit = inv.showLimit ?? 0;
  if (limit > 0 && current.shownPageviews > limit) closeInModel(m, m.now, "limit");
}

/**
 * nextOnUrlChange: the pause of the released close ends now and the invitation leaves the state. Nothing could be
 * assigned while an older pause ran, so the released close's pause is the only one still running.
 */
function release(m: Model, inv: Invitation): void {
  m.closePauseEnd = Number.NEGATIVE_INFINITY;
  const mark = lastMarkOf(m, inv.id);
  if (mark !== undefined) mark.cooldownVoid = true;
  if (inv.hideForSessionAfterClose === true) {
    m.sessionExcluded.add(inv.id);
    m.closes.push({ id: inv.id, at: m.now, until: m.now, session: m.session, cooldownVoid: true });
  }
  m.current = null;
}

export function eventInModel(m: Model, event: { name: string; value?: string }): RecordEventOutcome {
  const definition = m.world.definitions.find((d) => norm(d.name) === norm(event.name));
  if (definition === undefined) return "unknown_event";
  const value = event.value === undefined ? {} : { value: event.value };
  const record: VisitorEvent = { name: definition.name, at: m.now, ...value };
  let newest = -1;
  m.events.forEach((e, index) => {
    if (norm(e.name) !== norm(definition.name)) return;
    if (definition.filterByValue === true && e.value !== event.value) return;
    if (newest < 0 || e.at >= (m.events[newest] as VisitorEvent).at) newest = index;
  });
  const timeoutMs = (definition.storeTimeoutSeconds ?? 0) * 1000;
  const found = m.events[newest];
  if (found !== undefined && (timeoutMs === 0 || m.now - found.at < timeoutMs)) {
    m.events = m.events.map((e, index) => (index === newest ? record : e));
    return "refreshed";
  }
  m.events = [...m.events, record];
  return "appended";
}

export function conversionInModel(m: Model, name: string): ConversionOutcome {
  let newest = -1;
  m.conversions.forEach((r, index) => {
    if (norm(r.event) !== norm(name) || norm(name) === "") return;
    if (newest < 0 || r.sentAt >= (m.conversions[newest]?.sentAt ?? 0)) newest = index;
  });
  const record = m.conversions[newest];
  if (record === undefined) return "no_record";
  if (record.convertedAt !== undefined) return "already_converted";
  if (m.now >= record.expiresAt) return "expired";
  record.convertedAt = m.now;
  return "converted";
}

/** Only the assignment on screen moves, once: shown again, closed or expired, nothing changes. */
export function showInModel(m: Model): void {
  const current = m.current;
  if (current === null || current.closedAt !== undefined) return;
  moveRecord(m, current.record, "shown");
}

/**
 * A chat consumes the current invitation, open or closed: it leaves the state. An open one is never offered again
 * with oncePerVisitor and its record moves to "chatStarted"; a chat is no close (no cooldown, no exclusion).
 */
export function chatInModel(m: Model): void {
  m.chatActive = true;
  m.lastChatAt = m.now;
  const current = m.current;
  m.current = null;
  if (current === null || current.closedAt !== undefined) return;
  if (invitationOf(m, current.id).oncePerVisitor === true) m.seenOnce.add(current.id);
  moveRecord(m, current.record, "chatStarted");
}

export function closeByVisitorInModel(m: Model): void {
  const current = m.current;
  if (current === null || current.closedAt !== undefined) return;
  closeInModel(m, m.now, "closed");
  moveRecord(m, current.record, "closed");
}

/**
 * The model takes a selection (the laws checked the choice was allowed) as its new current invitation. One that
 * expired before was closed by the model when it expired, so replacing it loses nothing.
 */
export function assignInModel(m: Model, decision: Decision): void {
  const inv = decision.invitation;
  if (decision.status !== "selected" || inv === null) return;
  const variationId = decision.variationId ?? inv.id;
  let record: number | null = null;
  if (inv.conversion !== undefined) {
    record = m.conversions.length;
    m.conversions.push({
      invitationId: inv.id,
      variationId,
      campaign: inv.campaign ?? "",
      status: "sent",
      sentAt: m.now,
      event: inv.conversion.event,
      expiresAt: m.now + inv.conversion.withinSeconds * 1000,
    });
  }
  m.current = {
    id: inv.id,
    variationId,
    assignedAt: m.now,
    shownPageviews: 1,
    ...(inv.expiresAfterSeconds === undefined ? {} : { expiresAt: m.now + inv.expiresAfterSeconds * 1000 }),
    record,
  };
  settleModel(m);
}
