/**
 * Pruning conversion records (issue 9): the reducers drop records that can no longer change an outcome. Checked
 * against a naive oracle that keeps every record for ever, and by pruning stored states at arbitrary points.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compile } from "../../src/compile/compile.js";
import { applyDecision } from "../../src/state/apply-decision.js";
import { pruneConversions } from "../../src/state/prune-conversions.js";
import { recordChatStarted } from "../../src/state/record-chat-started.js";
import { recordClosed } from "../../src/state/record-closed.js";
import { recordConversion } from "../../src/state/record-conversion.js";
import { recordShown } from "../../src/state/record-shown.js";
import { startSession } from "../../src/state/start-session.js";
import { summarize } from "../../src/state/summarize.js";
import type { ConversionOutcome, ConversionRecord, Decision, InvitationState } from "../../src/types.js";
import { JOURNEY_INVITATIONS, journeyArb, storedStateArb, type JourneyStep } from "./arbitraries/conversion-journeys.js";
import { conversionCallArb } from "./arbitraries/conversions.js";
import { countConversions } from "./oracles/count-conversions.js";

const ruleset = compile(JOURNEY_INVITATIONS);

/** The oracle: every record ever sent, and the index of the record of the assignment on screen. */
interface Oracle {
  records: ConversionRecord[];
  current: { record: number | null; assignedAt: number; expiresAt?: number; closed: boolean } | null;
}

const norm = (text: string): string => text.trim().toLowerCase();

function selected(invitation: (typeof JOURNEY_INVITATIONS)[number], variationId: string, now: number): Decision {
  return {
    status: "selected",
    invitation,
    variationId,
    message: invitation.message,
    operator: { name: "Live Support" },
    wait: null,
    requires: null,
    design: null,
    armed: [],
    inject: [],
    reason: "lowest_position",
    warnings: [],
    recheckAt: null,
    at: now,
  };
}

/** docs/api.md's The visitor's life's lazy expiry, for the oracle: an invitation past expiresAt is closed. */
function settle(o: Oracle, now: number): void {
  if (o.current !== null && !o.current.closed && o.current.expiresAt !== undefined && o.current.expiresAt <= now) o.current.closed = true;
}

function move(o: Oracle, to: "shown" | "closed" | "chatStarted"): void {
  const record = o.current?.record == null ? undefined : o.records[o.current.record];
  if (record === undefined) return;
  if (to === "shown" ? record.status === "sent" : record.status === "sent" || record.status === "shown") record.status = to;
}

/** recordConversion read off the records: the newest (largest sentAt, the later on a tie) of that event. */
function convertInOracle(o: Oracle, event: string, now: number): ConversionOutcome {
  let newest: ConversionRecord | undefined;
  for (const record of o.records) {
    if (norm(event) !== "" && norm(record.event) === norm(event) && (newest === undefined || record.sentAt >= newest.sentAt)) newest = record;
  }
  if (newest === undefined) return "no_record";
  if (newest.convertedAt !== undefined) return "already_converted";
  if (!(now < newest.expiresAt)) return "expired";
  newest.convertedAt = now;
  return "converted";
}

function stepOracle(o: Oracle, step: JourneyStep): ConversionOutcome | null {
  switch (step.kind) {
    case "assign": {
      const inv = JOURNEY_INVITATIONS[step.invitation] as (typeof JOURNEY_INVITATIONS)[number];
      let record: number | null = null;
      if (inv.conversion !== undefined) {
        record = o.records.length;
        const { event, withinSeconds } = inv.conversion;
        o.records.push({ invitationId: inv.id, variationId: step.variationId, campaign: "", status: "sent", sentAt: step.now, event, expiresAt: step.now + withinSeconds * 1000 });
      }
      const expiresAt = inv.expiresAfterSeconds === undefined ? {} : { expiresAt: step.now + inv.expiresAfterSeconds * 1000 };
      o.current = { record, assignedAt: step.now, ...expiresAt, closed: false };
      return null;
    }
    case "shown":
      if (o.current !== null && !o.current.closed && !(o.current.expiresAt !== undefined && o.current.expiresAt <= step.now)) move(o, "shown");
      return null;
    case "closed":
      settle(o, step.now);
      if (o.current !== null && !o.current.closed) {
        move(o, "closed");
        o.current.closed = true;
      }
      return null;
    case "chat":
      settle(o, step.now);
      if (o.current !== null && !o.current.closed) move(o, "chatStarted");
      o.current = null;
      return null;
    case "session":
      settle(o, step.now);
      if (o.current !== null && !o.current.closed) o.current = null;
      return null;
    case "convert":
      return convertInOracle(o, step.event, step.now);
    case "prune":
      return null;
  }
}

function stepReal(state: InvitationState, step: JourneyStep): { state: InvitationState; outcome: ConversionOutcome | null } {
  switch (step.kind) {
    case "assign": {
      const inv = JOURNEY_INVITATIONS[step.invitation] as (typeof JOURNEY_INVITATIONS)[number];
      return { state: applyDecision(state, selected(inv, step.variationId, step.now), step.now, ruleset), outcome: null };
    }
    case "shown":
      return { state: recordShown(state, step.now), outcome: null };
    case "closed":
      return { state: recordClosed(state, ruleset, step.now), outcome: null };
    case "chat":
      return { state: recordChatStarted(state, ruleset, step.now), outcome: null };
    case "session":
      return { state: startSession(state, ruleset, step.now), outcome: null };
    case "convert":
      return recordConversion(state, step.event, step.now);
    case "prune":
      return { state: pruneConversions(state), outcome: null };
  }
}

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[key]);
  }
  return value;
}

const distinctEvents = new Set(JOURNEY_INVITATIONS.flatMap((inv) => (inv.conversion === undefined ? [] : [norm(inv.conversion.event)]))).size;

describe("pruning conversion records", () => {
  it("gives the same summarize and recordConversion outcomes as an oracle that keeps every record", () => {
    fc.assert(
      fc.property(journeyArb, (journey) => {
        const oracle: Oracle = { records: [], current: null };
        let state: InvitationState = { v: 1, sessionExcluded: [], seenOnce: [], conversions: [] };
        for (const step of journey) {
          const want = stepOracle(oracle, step);
          const got = stepReal(state, step);
          state = got.state;
          expect(got.outcome).toBe(want);
          expect(summarize(state)).toEqual(countConversions(oracle.records));
        }
      }),
    );
  });

  it("keeps at most one record per event name plus the one on screen, however long the journey", () => {
    fc.assert(
      fc.property(journeyArb, (journey) => {
        let state: InvitationState = { v: 1, sessionExcluded: [], seenOnce: [], conversions: [] };
        for (const step of journey) {
          state = stepReal(state, step).state;
          expect(state.conversions.length).toBeLessThanOrEqual(distinctEvents + 1);
        }
      }),
    );
  });

  it("changes no later outcome of a stored state pruned at any point", () => {
    fc.assert(
      fc.property(storedStateArb, journeyArb, (stored, journey) => {
        let plain: InvitationState = stored;
        let pruned = pruneConversions(stored);
        expect(summarize(pruned)).toEqual(summarize(plain.conversions));
        for (const step of journey) {
          const a = stepReal(plain, step);
          const b = stepReal(pruned, step);
          expect(b.outcome).toBe(a.outcome);
          plain = a.state;
          pruned = b.state;
          expect(summarize(pruned)).toEqual(summarize(plain));
          expect(pruned.current).toEqual(plain.current);
        }
      }),
    );
  });

  it("is idempotent and keeps records in their order", () => {
    fc.assert(
      fc.property(storedStateArb, (stored) => {
        const once = pruneConversions(stored);
        expect(pruneConversions(once)).toBe(once);
        const kept = once.conversions.map((r) => stored.conversions.indexOf(r));
        expect(kept.every((at, i) => at >= 0 && (i === 0 || at > (kept[i - 1] as number)))).toBe(true);
      }),
    );
  });

  it("leaves a deep-frozen state as it was", () => {
    fc.assert(
      fc.property(storedStateArb, conversionCallArb, (stored, { eventName, now }) => {
        const copy = structuredClone(stored);
        const pruned = pruneConversions(deepFreeze(stored));
        expect(stored).toEqual(copy);
        recordConversion(pruned, eventName, now);
      }),
    );
  });
});
