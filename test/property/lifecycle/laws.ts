/**
 * The laws, checked on the real system against the model after every command (a probe decision) and on every Check.
 * Each is checked only when the run asked for it, so one `it` fails for one law.
 */
import { expect } from "vitest";
import { summarize, type ConversionRecord, type Decision, type Visitor } from "../../../src/index.js";
import { allowedContent, expectation, type Expectation } from "./expectation.js";
import { decide, settledView, stateOf, type Real } from "./harness.js";
import { chatPauseEnd, invitationOf, norm, type Model } from "./model.js";
import { countConversions } from "../oracles/count-conversions.js";

/** How far law 4 looks ahead when a decision has no recheckAt (never changes on its own). */
const HORIZON_MS = 4 * 3_600_000;

/** Laws 1, 2, 3, 6 and the selection law, on any decision taken at `r.now` (a Check's or a probe's). */
export function checkDecision(m: Model, r: Real, d: Decision, where: string): void {
  const e = expectation(m);
  if (r.laws.has("quiet") && e.type === "blocked") {
    expect({ status: d.status, reason: d.reason }, `law 2 (${where})`).toEqual({ status: "none", reason: e.reason });
    checkStateKeepsChatPause(m, r, where);
  }
  if (r.laws.has("oneCurrent") && e.type === "current") {
    const answer = { status: d.status, id: d.invitation?.id };
    expect(answer, `law 1 (${where})`).toEqual({ status: "current", id: e.current.id });
  }
  if (r.laws.has("currentStatus") && d.status === "current") checkCurrentStatus(m, r, d, e, where);
  if (r.laws.has("selection") && e.type === "open") checkSelection(m, d, e, where);
  const offered = d.status === "selected" ? d.invitation : null;
  if (r.laws.has("cooldown") && offered !== null) checkCooldown(m, offered.id, where);
}

/** Law 2, state half: the chat pause lives in the state too, so a snapshot without chat history stays quiet. */
function checkStateKeepsChatPause(m: Model, r: Real, where: string): void {
  if (!(m.now < chatPauseEnd(m))) return;
  const { chat: _chat, ...withoutChat } = r.visitor;
  const d = decide(r, withoutChat, r.now);
  expect(d.status, `law 2 (${where}): the state alone must keep the chat pause`).toBe("none");
}

/** Law 6: the standing invitation, its stored variation, rendered for the visitor as they are now. */
function checkCurrentStatus(m: Model, r: Real, d: Decision, e: Expectation, where: string): void {
  expect(e.type, `law 6 (${where}): "current" without a standing invitation in the model`).toBe("current");
  if (e.type !== "current") return;
  const inv = invitationOf(m, e.current.id);
  const message = allowedContent(inv, m.visits).get(e.current.variationId);
  expect(
    { id: d.invitation?.id, variationId: d.variationId, message: d.message },
    `law 6 (${where})`,
  ).toEqual({ id: e.current.id, variationId: e.current.variationId, message });
  expect(d.variationId, `law 6 (${where}): the stored variation`).toBe(stateOf(r).current?.variationId);
}

function checkSelection(m: Model, d: Decision, e: Extract<Expectation, { type: "open" }>, where: string): void {
  if (e.eligible.length === 0) {
    const answer = { status: d.status, reason: d.reason };
    expect(answer, `selection (${where})`).toEqual({ status: "none", reason: "no_eligible_invitation" });
    return;
  }
  const best = e.best.map((inv) => inv.id).sort();
  expect(d.status, `selection (${where}): model finds ${best.join(",")} eligible`).toBe("selected");
  expect(best, `selection (${where}): the winner is best-ranked`).toContain(d.invitation?.id);
  const content = allowedContent(invitationOf(m, d.invitation?.id ?? ""), m.visits);
  expect([...content.keys()], `selection (${where}): an allowed variation`).toContain(d.variationId);
  expect(d.message, `selection (${where}): the variation's message`).toBe(content.get(d.variationId ?? ""));
}

/** Law 3 for an invitation about to be offered at `m.now`. */
function checkCooldown(m: Model, id: string, where: string): void {
  const inv = invitationOf(m, id);
  for (const mark of m.closes) {
    if (mark.id !== id) continue;
    if (!mark.cooldownVoid) {
      const message = `law 3 (${where}): ${id} closed at ${mark.at} is in its cooldown`;
      expect(m.now, message).toBeGreaterThanOrEqual(mark.until);
    }
    if (inv.hideForSessionAfterClose === true && mark.session === m.session) {
      throw new Error(`law 3 (${where}): ${id} was closed in this session at ${mark.at} and hides for the session`);
    }
  }
  if (inv.oncePerVisitor === true) {
    expect(m.seenOnce.has(id), `law 3 (${where}): ${id} is once per visitor`).toBe(false);
  }
}

/** Law 4: with only time passing, the decision holds at every instant strictly before recheckAt. */
export function checkRecheck(r: Real, d: Decision): void {
  const end = d.recheckAt ?? r.now + HORIZON_MS;
  expect(end, "law 4: recheckAt is in the future").toBeGreaterThan(r.now);
  const span = end - r.now;
  if (span <= 1) return;
  const instants = new Set([1, Math.floor(span / 4), Math.floor(span / 2), Math.floor((span * 3) / 4), span - 1]);
  const { at: _at, recheckAt: _recheckAt, ...kept } = d;
  for (const offset of instants) {
    if (offset <= 0 || offset >= span) continue;
    const aged: Visitor = { ...r.visitor, timeOnSite: (r.visitor.timeOnSite ?? 0) + offset / 1000 };
    const { at: _a, recheckAt: _r, ...later } = decide(r, aged, r.now + offset);
    expect(later, `law 4: changed ${offset} ms after ${r.now}, before recheckAt ${String(d.recheckAt)}`).toEqual(kept);
  }
}

/** The state the reducers built agrees with the model: current, exclusions, once-list, conversions, event log. */
function checkModelState(m: Model, r: Real): void {
  const view = settledView(r);
  const c = m.current;
  const expected =
    c === null
      ? undefined
      : {
          invitationId: c.id,
          variationId: c.variationId,
          assignedAt: c.assignedAt,
          shownPageviews: c.shownPageviews,
          ...(c.expiresAt === undefined ? {} : { expiresAt: c.expiresAt }),
          ...(c.closedAt === undefined ? {} : { closedAt: c.closedAt }),
        };
  expect(view.current, "model: state.current").toEqual(expected);
  expect(view.sessionExcluded.sort(), "model: sessionExcluded").toEqual([...m.sessionExcluded].sort());
  expect([...stateOf(r).seenOnce].sort(), "model: seenOnce").toEqual([...m.seenOnce].sort());
  expect(r.visitor.events, "model: event log").toEqual(m.events);
  checkConversions(m, r);
}

/**
 * The model keeps every conversion record; the state keeps, in the same order, the ones that can still change
 * (beckon prunes the rest into tallies): the newest of each event, the record of the assignment on screen. What
 * the records add up to is the same, and the state holds no more than one record per event plus the one on screen.
 */
function checkConversions(m: Model, r: Real): void {
  const state = stateOf(r);
  const records = state.conversions;
  expect(isSubsequence(records, m.conversions), "model: conversion records kept are the model's, in order").toBe(true);
  const events = new Set(m.conversions.map((record) => norm(record.event)));
  for (const event of events) {
    const newest = (list: readonly ConversionRecord[]): ConversionRecord | undefined =>
      lastOfLargest(list.filter((record) => norm(record.event) === event));
    expect(newest(records), `model: newest record of "${event}"`).toEqual(newest(m.conversions));
  }
  const c = m.current;
  const open = c !== null && c.closedAt === undefined && c.record !== null;
  if (open) {
    const own = lastOfLargest(records.filter((record) => record.invitationId === c.id && record.sentAt === c.assignedAt));
    expect(own, "model: the record of the assignment on screen").toEqual(m.conversions[c.record ?? -1]);
  }
  expect(records.length, "model: at most one record per event plus the one on screen").toBeLessThanOrEqual(events.size + 1);
  expect(summarize(state), "model: conversion counts").toEqual(countConversions(m.conversions));
}

function isSubsequence(part: readonly ConversionRecord[], whole: readonly ConversionRecord[]): boolean {
  let at = 0;
  for (const record of whole) if (at < part.length && JSON.stringify(part[at]) === JSON.stringify(record)) at++;
  return at === part.length;
}

/** The record with the largest sentAt, the later one on a tie (it was sent later). */
function lastOfLargest(records: readonly ConversionRecord[]): ConversionRecord | undefined {
  return records.reduce<ConversionRecord | undefined>((best, record) => (best === undefined || record.sentAt >= best.sentAt ? record : best), undefined);
}

/** After every command: the clocks agree and a probe decision taken now obeys the laws. */
export function afterCommand(m: Model, r: Real, label: string): void {
  expect(r.now, "harness: clocks agree").toBe(m.now);
  const d = decide(r, r.visitor, r.now);
  checkDecision(m, r, d, `probe after ${label}`);
  if (r.laws.has("recheck")) checkRecheck(r, d);
  if (r.laws.has("model")) checkModelState(m, r);
}
