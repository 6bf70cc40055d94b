// Visitor lifecycles as data: each "lifecycle" case in test/fixtures/cases/*.json plays a sequence of host calls — evaluate and
// apply, page views, events, shows, closes, chats, conversions, new sessions — and checks what comes out.
import { describe, expect, it } from "vitest";
import {
  applyDecision,
  emptyState,
  evaluate,
  explain,
  isNewSession,
  recordChatStarted,
  recordClosed,
  recordConversion,
  recordEvent,
  recordPageView,
  recordShown,
  startSession,
  summarize,
  type Decision,
  type EvaluateOptions,
  type EventDefinition,
  type Invitation,
  type InvitationState,
  type Visitor,
} from "../src/index.js";
import { fixtureCases } from "./fixtures/load-cases.js";

type Step = { at?: string; do: string; expect?: Record<string, unknown> | unknown[] } & Record<string, unknown>;

interface LifecycleCase {
  name: string;
  invitations: Invitation[];
  definitions?: EventDefinition[];
  options?: EvaluateOptions;
  visitor: Visitor;
  start: string;
  steps: Step[];
}

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `+90s`, `+5m`, `+2h`, `+1d` after the previous step, or an ISO instant; absent = the same instant. */
function nextInstant(at: string | undefined, previous: number): number {
  if (at === undefined) return previous;
  const relative = /^\+(\d+(?:\.\d+)?)(ms|s|m|h|d)$/.exec(at);
  if (relative !== null) return previous + Number(relative[1]) * (UNITS[relative[2] as string] as number);
  return Date.parse(at);
}

/** The fields of a decision a step pins, in the case's own terms (an invitation by its id). */
function project(decision: Decision, expected: Record<string, unknown>): Record<string, unknown> {
  const full: Record<string, unknown> = {
    ...decision,
    invitationId: decision.invitation?.id ?? null,
    armed: decision.armed.map((a) => a.invitationId),
    inject: decision.inject.map((i) => i.invitationId),
  };
  return Object.fromEntries(Object.keys(expected).map((key) => [key, full[key]]));
}

function expectInstants(expected: Record<string, unknown>): Record<string, unknown> {
  const out = { ...expected };
  if (typeof out.recheckAt === "string") out.recheckAt = Date.parse(out.recheckAt);
  return out;
}

/** Plays one case; every step may pin what it produced. */
function play(c: LifecycleCase): void {
  let now = Date.parse(c.start);
  let visitor: Visitor = { ...c.visitor, state: c.visitor.state ?? emptyState(), events: c.visitor.events ?? [] };
  let lastActivity = now;
  let decision: Decision | null = null;
  const state = (): InvitationState => visitor.state as InvitationState;
  for (const [index, step] of c.steps.entries()) {
    const at = nextInstant(step.at, now);
    visitor = { ...visitor, timeOnSite: (visitor.timeOnSite ?? 0) + (at - now) / 1000 };
    now = at;
    const where = `step ${index} (${step.do})`;
    switch (step.do) {
      case "evaluate":
      case "check": {
        const options = { ...c.options, ...(step.options as EvaluateOptions | undefined) };
        decision = evaluate(c.invitations, visitor, now, options);
        expect(explain(c.invitations, visitor, now, options).decision, where).toEqual(decision);
        if (step.expect !== undefined) expect(project(decision, step.expect as Record<string, unknown>), where).toEqual(expectInstants(step.expect as Record<string, unknown>));
        if (step.do === "check") visitor = { ...visitor, state: applyDecision(state(), decision, now, c.invitations, c.options) };
        break;
      }
      case "apply":
        visitor = { ...visitor, state: applyDecision(state(), decision as Decision, now, c.invitations, c.options) };
        break;
      case "show":
        visitor = { ...visitor, state: recordShown(state(), now) };
        break;
      case "close":
        visitor = { ...visitor, state: recordClosed(state(), c.invitations, now, c.options) };
        break;
      case "chat":
        visitor = { ...visitor, state: recordChatStarted(state(), c.invitations, now, c.options) };
        break;
      case "page": {
        const url = step.url as string;
        const page = { url, ...(visitor.url === undefined ? {} : { previousUrl: visitor.url }) };
        if (isNewSession(lastActivity, now)) {
          const fresh = startSession(state(), c.invitations, now, c.options);
          visitor = { ...visitor, state: fresh, visits: (visitor.visits ?? 1) + 1, timeOnSite: 0, pageviews: 0, lastVisitAt: lastActivity };
        }
        lastActivity = now;
        visitor = {
          ...visitor,
          ...page,
          pageviews: (visitor.pageviews ?? 1) + 1,
          state: recordPageView(state(), c.invitations, page, now, c.options),
        };
        break;
      }
      case "event": {
        const event = { name: step.name as string, ...(step.value === undefined ? {} : { value: step.value as string }) };
        const result = recordEvent(visitor.events, c.definitions ?? [], event, now);
        visitor = { ...visitor, events: result.log };
        if (step.expect !== undefined) expect({ outcome: result.outcome }, where).toEqual(step.expect);
        break;
      }
      case "convert": {
        const result = recordConversion(state(), step.event as string, now);
        visitor = { ...visitor, state: result.state };
        if (step.expect !== undefined) expect({ outcome: result.outcome }, where).toEqual(step.expect);
        break;
      }
      case "visitor":
        visitor = { ...visitor, ...(step.set as Partial<Visitor>) };
        break;
      case "state":
        expect(state(), where).toMatchObject(step.expect as Record<string, unknown>);
        break;
      case "events":
        expect(visitor.events, where).toEqual(step.expect);
        break;
      case "summary":
        expect(summarize(state()), where).toEqual(step.expect);
        break;
      default:
        throw new Error(`unknown step "${step.do}" in ${c.name}`);
    }
  }
}

describe("fixtures: lifecycle", () => {
  it("has lifecycle cases", () => {
    expect(fixtureCases("lifecycle").length).toBeGreaterThan(10);
  });

  it.each(fixtureCases<LifecycleCase>("lifecycle").map((c) => [c.name, c] as const))("%s", (_name, c) => {
    play(c);
  });
});
