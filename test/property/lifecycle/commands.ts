/**
 * The commands of the model-based test: each host call a chat server makes, run on the real system and on the
 * model, with the laws checked after it (afterCommand) and, for a Check, around the decision it applies.
 */
import fc from "fast-check";
import { expect } from "vitest";
import {
  applyDecision,
  isNewSession,
  recordChatStarted,
  recordClosed,
  recordConversion,
  recordEvent,
  recordPageView,
  recordShown,
  startSession,
} from "../../../src/index.js";
import {
  advanceMsArb,
  conversionEventArb,
  eventCallArb,
  pageUrlArb,
  recheckOffsetArb,
} from "../arbitraries/lifecycle.js";
import { expectation } from "./expectation.js";
import { decide, immutably, reduceState, stateOf, type Real } from "./harness.js";
import { afterCommand, checkDecision, checkRecheck } from "./laws.js";
import type { Model } from "./model.js";
import {
  advanceModel,
  assignInModel,
  chatInModel,
  closeByVisitorInModel,
  conversionInModel,
  eventInModel,
  pageViewInModel,
  showInModel,
} from "./transitions.js";

export abstract class Step implements fc.Command<Model, Real> {
  check(_m: Readonly<Model>): boolean {
    return true;
  }

  run(m: Model, r: Real): void {
    this.apply(m, r);
    afterCommand(m, r, this.toString());
  }

  protected abstract apply(m: Model, r: Real): void;
  abstract toString(): string;
}

function passTime(m: Model, r: Real, ms: number): void {
  r.now += ms;
  r.visitor = { ...r.visitor, timeOnSite: (r.visitor.timeOnSite ?? 0) + ms / 1000 };
  advanceModel(m, ms);
}

export class Advance extends Step {
  constructor(readonly ms: number) {
    super();
  }
  protected apply(m: Model, r: Real): void {
    passTime(m, r, this.ms);
  }
  toString(): string {
    return `Advance(${this.ms})`;
  }
}

/** What a chat server does with recheckAt: wake up then (or a millisecond around it). */
export class WaitForRecheck extends Step {
  constructor(readonly offset: number) {
    super();
  }
  override check(m: Readonly<Model>): boolean {
    return m.lastRecheckAt !== null && m.lastRecheckAt + this.offset > m.now;
  }
  protected apply(m: Model, r: Real): void {
    passTime(m, r, (m.lastRecheckAt as number) + this.offset - m.now);
  }
  toString(): string {
    return `WaitForRecheck(${this.offset})`;
  }
}

export class PageView extends Step {
  constructor(readonly url: string) {
    super();
  }
  protected apply(m: Model, r: Real): void {
    const { invitations, options } = r.world;
    if (isNewSession(r.lastActivity, r.now)) {
      reduceState(r, "startSession", (state) => startSession(state, invitations, r.now, options));
      const v = r.visitor;
      r.visitor = { ...v, visits: (v.visits ?? 1) + 1, timeOnSite: 0, pageviews: 0, lastVisitAt: r.lastActivity };
    }
    r.lastActivity = r.now;
    const page = { url: this.url, previousUrl: r.visitor.url ?? "" };
    reduceState(r, "recordPageView", (state) => recordPageView(state, invitations, page, r.now, options));
    r.visitor = { ...r.visitor, ...page, pageviews: (r.visitor.pageviews ?? 1) + 1 };
    pageViewInModel(m, this.url);
  }
  toString(): string {
    return `PageView(${this.url})`;
  }
}

export class LogEvent extends Step {
  constructor(readonly event: { name: string; value?: string }) {
    super();
  }
  protected apply(m: Model, r: Real): void {
    const log = r.visitor.events ?? [];
    const { definitions } = r.world;
    const call = (): ReturnType<typeof recordEvent> => recordEvent(log, definitions, this.event, r.now);
    const out = immutably(r, "recordEvent", [log], call, (o) => [[log, o.log]]);
    r.visitor = { ...r.visitor, events: out.log };
    const expected = eventInModel(m, this.event);
    if (r.laws.has("model")) expect(out.outcome, "model: recordEvent outcome").toBe(expected);
  }
  toString(): string {
    return `LogEvent(${JSON.stringify(this.event)})`;
  }
}

/** evaluate, then applyDecision as README's host flow does it: with the invitations and options. */
export class Check extends Step {
  protected apply(m: Model, r: Real): void {
    const { invitations, options } = r.world;
    const decision = decide(r, r.visitor, r.now);
    checkDecision(m, r, decision, "Check");
    if (r.laws.has("recheck")) checkRecheck(r, decision);
    const before = stateOf(r);
    reduceState(r, "applyDecision", (state) => applyDecision(state, decision, r.now, invitations, options));
    const after = stateOf(r);
    const e = expectation(m);
    if (r.laws.has("oneCurrent") && e.type === "current") {
      const keep = { invitationId: before.current?.invitationId, assignedAt: before.current?.assignedAt };
      const kept = { invitationId: after.current?.invitationId, assignedAt: after.current?.assignedAt };
      expect(kept, "law 1: Check").toEqual(keep);
      expect(keep.invitationId, "law 1: the standing invitation").toBe(e.current.id);
    }
    if (r.laws.has("quiet") && e.type === "blocked") {
      expect(after.current, "law 2: Check kept state.current").toBe(before.current);
    }
    r.trace.push(`${decision.status}:${decision.invitation?.id ?? decision.reason ?? ""}`);
    m.lastRecheckAt = decision.recheckAt;
    assignInModel(m, decision);
  }
  toString(): string {
    return "Check";
  }
}

export class Show extends Step {
  protected apply(m: Model, r: Real): void {
    reduceState(r, "recordShown", (state) => recordShown(state, r.now));
    showInModel(m);
  }
  toString(): string {
    return "Show";
  }
}

export class Close extends Step {
  protected apply(m: Model, r: Real): void {
    const { invitations, options } = r.world;
    reduceState(r, "recordClosed", (state) => recordClosed(state, invitations, r.now, options));
    closeByVisitorInModel(m);
  }
  toString(): string {
    return "Close";
  }
}

export class ChatStart extends Step {
  override check(m: Readonly<Model>): boolean {
    return !m.chatActive;
  }
  protected apply(m: Model, r: Real): void {
    const { invitations, options } = r.world;
    reduceState(r, "recordChatStarted", (state) => recordChatStarted(state, invitations, r.now, options));
    r.visitor = { ...r.visitor, chat: { active: true, lastStartedAt: r.now } };
    chatInModel(m);
  }
  toString(): string {
    return "ChatStart";
  }
}

export class ChatEnd extends Step {
  override check(m: Readonly<Model>): boolean {
    return m.chatActive;
  }
  protected apply(m: Model, r: Real): void {
    r.visitor = { ...r.visitor, chat: { ...r.visitor.chat, active: false } };
    m.chatActive = false;
  }
  toString(): string {
    return "ChatEnd";
  }
}

export class Convert extends Step {
  constructor(readonly event: string) {
    super();
  }
  protected apply(m: Model, r: Real): void {
    const state = stateOf(r);
    const call = (): ReturnType<typeof recordConversion> => recordConversion(state, this.event, r.now);
    const out = immutably(r, "recordConversion", [state], call, (o) => [[state, o.state]]);
    r.visitor = { ...r.visitor, state: out.state };
    const expected = conversionInModel(m, this.event);
    if (r.laws.has("model")) expect(out.outcome, "model: recordConversion outcome").toBe(expected);
  }
  toString(): string {
    return `Convert(${this.event})`;
  }
}

/** `arbitrary` `times` times over: fc.commands picks uniformly among its entries. */
const weighted = <T>(times: number, arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T>[] =>
  Array.from({ length: times }, () => arbitrary);

export const commandsArb = fc.commands(
  [
    ...weighted(3, advanceMsArb.map((ms) => new Advance(ms))),
    ...weighted(2, recheckOffsetArb.map((offset) => new WaitForRecheck(offset))),
    ...weighted(4, pageUrlArb.map((url) => new PageView(url))),
    ...weighted(2, eventCallArb.map((event) => new LogEvent(event))),
    ...weighted(4, fc.constant(new Check())),
    ...weighted(2, fc.constant(new Show())),
    ...weighted(2, fc.constant(new Close())),
    ...weighted(1, fc.constant(new ChatStart())),
    ...weighted(5, fc.constant(new ChatEnd())),
    ...weighted(1, conversionEventArb.map((event) => new Convert(event))),
  ],
  // "max": sequences really reach 40 commands (the default size stops near 10).
  { maxCommands: 40, size: "max" },
);
