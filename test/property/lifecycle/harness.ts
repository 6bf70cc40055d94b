/**
 * The real system: beckon's pure API driven like a chat server (visitor + state + event log, the clock, the last
 * activity), with law 5 (immutability) checked around every call into it.
 */
import { expect } from "vitest";
import {
  emptyState,
  evaluate,
  type CurrentInvitation,
  type Decision,
  type InvitationState,
  type Visitor,
} from "../../../src/index.js";
import type { LifecycleWorld } from "../arbitraries/lifecycle.js";
import { newModel, type Model } from "./model.js";

export type Law =
  | "oneCurrent"
  | "quiet"
  | "cooldown"
  | "recheck"
  | "immutable"
  | "currentStatus"
  | "selection"
  | "model";

export const ALL_LAWS: ReadonlySet<Law> = new Set<Law>([
  "oneCurrent",
  "quiet",
  "cooldown",
  "recheck",
  "immutable",
  "currentStatus",
  "selection",
  "model",
]);

export interface Real {
  readonly world: LifecycleWorld;
  readonly laws: ReadonlySet<Law>;
  visitor: Visitor;
  now: number;
  lastActivity: number;
  /** What each Check decided, for the fixed replay. */
  readonly trace: string[];
}

export function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[key]);
  }
  return value;
}

/** A fresh model and real system for one run, checking `laws`. */
export function setup(world: LifecycleWorld, laws: ReadonlySet<Law>): { model: Model; real: Real } {
  deepFreeze(world);
  const visitor: Visitor = {
    id: world.visitorId,
    url: world.startUrl,
    timeOnSite: 0,
    pageviews: 1,
    visits: 1,
    events: [],
    chat: {},
    state: emptyState(),
  };
  const real: Real = { world, laws, visitor, now: world.start, lastActivity: world.start, trace: [] };
  return { model: newModel(world), real };
}

export function stateOf(r: Real): InvitationState {
  return r.visitor.state as InvitationState;
}

/**
 * Law 5 around one reducer call: its inputs are deep-frozen (a write would throw), must still equal a copy taken
 * before, and each output is the input itself or a fresh object.
 */
export function immutably<O>(
  r: Real,
  label: string,
  inputs: readonly object[],
  call: () => O,
  pairs: (out: O) => [object, object][],
): O {
  if (!r.laws.has("immutable")) return call();
  const copies = inputs.map((input) => structuredClone(input));
  for (const input of inputs) deepFreeze(input);
  let out: O;
  try {
    out = call();
  } catch (error) {
    throw new Error(`law 5: ${label} threw on frozen input: ${String(error)}`);
  }
  inputs.forEach((input, index) => expect(input, `law 5: ${label} changed its input`).toEqual(copies[index]));
  for (const [input, output] of pairs(out)) {
    const fresh = output === input || !Object.isFrozen(output);
    expect(fresh, `law 5: ${label} returned a frozen object that is not its input`).toBe(true);
  }
  return out;
}

export function reduceState(r: Real, label: string, reducer: (state: InvitationState) => InvitationState): void {
  const state = stateOf(r);
  const next = immutably(r, label, [state], () => reducer(state), (out) => [[state, out]]);
  r.visitor = { ...r.visitor, state: next };
}

export function decide(r: Real, visitor: Visitor, at: number): Decision {
  const { invitations, options } = r.world;
  const decision = immutably(r, "evaluate", [visitor], () => evaluate(invitations, visitor, at, options), () => []);
  if (r.laws.has("immutable")) expect(decision.reason, "law 5: evaluate failed inside").not.toBe("evaluation_error");
  return decision;
}

/** The stored state read as of now: an invitation past expiresAt counts as closed then, as the README's lazy expiry says. */
export function settledView(r: Real): { current: CurrentInvitation | undefined; sessionExcluded: string[] } {
  const state = stateOf(r);
  const current = state.current;
  const expiresAt = current?.expiresAt;
  if (current === undefined || current.closedAt !== undefined || expiresAt === undefined || expiresAt > r.now) {
    return { current, sessionExcluded: [...state.sessionExcluded] };
  }
  const inv = r.world.invitations.find((i) => i.id === current.invitationId);
  const excluded = inv?.hideForSessionAfterClose === true && !state.sessionExcluded.includes(current.invitationId);
  return {
    current: { ...current, closedAt: expiresAt },
    sessionExcluded: excluded ? [...state.sessionExcluded, current.invitationId] : [...state.sessionExcluded],
  };
}
