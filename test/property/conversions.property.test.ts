import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { markConversion } from "../../src/state/mark-conversion.js";
import { newConversionRecord } from "../../src/state/new-conversion-record.js";
import { recordConversion } from "../../src/state/record-conversion.js";
import { summarize } from "../../src/state/summarize.js";
import type { ConversionRecord, ConversionStatus, InvitationState } from "../../src/types.js";
import {
  conversionCallArb,
  conversionInvitationArb,
  conversionRecordsArb,
  instantArb,
  invitationIdArb,
  invitationStateArb,
  moveArb,
} from "./arbitraries/conversions.js";

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[key]);
  }
  return value;
}

const allowedMoves: Record<ConversionStatus, readonly ConversionStatus[]> = {
  sent: ["shown", "closed", "chatStarted"],
  shown: ["closed", "chatStarted"],
  closed: [],
  chatStarted: [],
};

/** Indexes of the records that differ (by identity) between two conversions arrays of the same length. */
function changedIndexes(before: readonly ConversionRecord[], after: readonly ConversionRecord[]): number[] {
  return before.flatMap((record, index) => (after[index] === record ? [] : [index]));
}

function runCalls(state: InvitationState, calls: readonly { eventName: string; now: number }[]) {
  const steps: { before: InvitationState; after: InvitationState; now: number; outcome: string }[] = [];
  let current = state;
  for (const { eventName, now } of calls) {
    const { state: after, outcome } = recordConversion(current, eventName, now);
    steps.push({ before: current, after, now, outcome });
    current = after;
  }
  return steps;
}

/** The assignment of the first record of `invitationId` (or one no record belongs to). */
function assignmentOf(records: readonly ConversionRecord[], invitationId: string): { invitationId: string; assignedAt: number } {
  return { invitationId, assignedAt: records.find((r) => r.invitationId === invitationId)?.sentAt ?? -1 };
}

describe("conversions properties", () => {
  describe("inputs are never mutated", () => {
    it("newConversionRecord leaves a deep-frozen invitation as it was", () => {
      fc.assert(
        fc.property(conversionInvitationArb, instantArb, (invitation, now) => {
          const copy = structuredClone(invitation);
          newConversionRecord(deepFreeze(invitation), "x", now);
          expect(invitation).toEqual(copy);
        }),
      );
    });

    it("markConversion leaves deep-frozen records as they were", () => {
      fc.assert(
        fc.property(conversionRecordsArb, invitationIdArb, moveArb, (records, invitationId, status) => {
          const copy = structuredClone(records);
          markConversion(deepFreeze(records), assignmentOf(records, invitationId), status);
          expect(records).toEqual(copy);
        }),
      );
    });

    it("recordConversion leaves a deep-frozen state as it was", () => {
      fc.assert(
        fc.property(invitationStateArb, conversionCallArb, (state, { eventName, now }) => {
          const copy = structuredClone(state);
          recordConversion(deepFreeze(state), eventName, now);
          expect(state).toEqual(copy);
        }),
      );
    });

    it("summarize leaves deep-frozen records as they were", () => {
      fc.assert(
        fc.property(conversionRecordsArb, (records) => {
          const copy = structuredClone(records);
          summarize(deepFreeze(records));
          expect(records).toEqual(copy);
        }),
      );
    });
  });

  describe("summarize", () => {
    it("counts converted ≤ sent in every row", () => {
      fc.assert(
        fc.property(conversionRecordsArb, (records) => {
          for (const row of summarize(records)) expect(row.converted).toBeLessThanOrEqual(row.sent);
        }),
      );
    });

    it("counts chatStarted + closed ≤ shown ≤ sent in every row", () => {
      fc.assert(
        fc.property(conversionRecordsArb, (records) => {
          for (const row of summarize(records)) {
            expect(row.chatStarted + row.closed).toBeLessThanOrEqual(row.shown);
            expect(row.shown).toBeLessThanOrEqual(row.sent);
          }
        }),
      );
    });

    it("sums sent over all rows to the number of records", () => {
      fc.assert(
        fc.property(conversionRecordsArb, (records) => {
          const total = summarize(records).reduce((sum, row) => sum + row.sent, 0);
          expect(total).toBe(records.length);
        }),
      );
    });

    it("gives every row a rate of converted / sent", () => {
      fc.assert(
        fc.property(conversionRecordsArb, (records) => {
          for (const row of summarize(records)) expect(row.conversionRate).toBe(row.converted / row.sent);
        }),
      );
    });

    it("gives strictly increasing (invitationId, variationId) rows", () => {
      fc.assert(
        fc.property(conversionRecordsArb, (records) => {
          const keys = summarize(records).map((row) => [row.invitationId, row.variationId] as const);
          keys.slice(1).forEach(([inv, variation], index) => {
            const [prevInv, prevVariation] = keys[index] ?? ["", ""];
            expect(prevInv < inv || (prevInv === inv && prevVariation < variation)).toBe(true);
          });
        }),
      );
    });
  });

  describe("recordConversion", () => {
    it("never gives two converted outcomes for one record over any sequence of calls", () => {
      fc.assert(
        fc.property(invitationStateArb, fc.array(conversionCallArb, { maxLength: 10 }), (state, calls) => {
          const conversions = new Map<number, number>();
          for (const step of runCalls(state, calls)) {
            for (const index of changedIndexes(step.before.conversions, step.after.conversions)) {
              conversions.set(index, (conversions.get(index) ?? 0) + 1);
            }
          }
          for (const count of conversions.values()) expect(count).toBe(1);
        }),
      );
    });

    it("never converts twice when the same event is reported twice", () => {
      fc.assert(
        fc.property(invitationStateArb, conversionCallArb, instantArb, (state, { eventName, now }, later) => {
          const first = recordConversion(state, eventName, now);
          const second = recordConversion(first.state, eventName, later);
          expect(first.outcome === "converted" && second.outcome === "converted").toBe(false);
        }),
      );
    });

    it("never converts a record at or after its expiresAt", () => {
      fc.assert(
        fc.property(invitationStateArb, fc.array(conversionCallArb, { maxLength: 10 }), (state, calls) => {
          for (const { before, after, now } of runCalls(state, calls)) {
            for (const index of changedIndexes(before.conversions, after.conversions)) {
              const record = after.conversions[index];
              expect(record?.convertedAt).toBe(now);
              expect(now).toBeLessThan(record?.expiresAt ?? Number.NEGATIVE_INFINITY);
            }
          }
        }),
      );
    });

    it("changes exactly one record's convertedAt when converting, and returns the same state otherwise", () => {
      fc.assert(
        fc.property(invitationStateArb, conversionCallArb, (state, { eventName, now }) => {
          const { state: after, outcome } = recordConversion(state, eventName, now);
          if (outcome !== "converted") {
            expect(after).toBe(state);
            return;
          }
          const changed = changedIndexes(state.conversions, after.conversions);
          expect(changed).toHaveLength(1);
          const index = changed[0] ?? -1;
          expect(state.conversions[index]?.convertedAt).toBeUndefined();
          expect(after.conversions[index]).toEqual({ ...state.conversions[index], convertedAt: now });
        }),
      );
    });
  });

  describe("markConversion", () => {
    it("moves at most one record of that invitation, along an allowed transition", () => {
      fc.assert(
        fc.property(conversionRecordsArb, invitationIdArb, moveArb, (records, invitationId, status) => {
          const assignment = assignmentOf(records, invitationId);
          const next = markConversion(records, assignment, status);
          expect(next).toHaveLength(records.length);
          const changed = changedIndexes(records, next);
          expect(changed.length).toBeLessThanOrEqual(1);
          expect(changed.length === 0).toBe(next === records);
          for (const index of changed) {
            const before = records[index];
            expect(before?.invitationId).toBe(invitationId);
            expect(before?.sentAt).toBe(assignment.assignedAt);
            expect(allowedMoves[before?.status ?? "closed"]).toContain(status);
            expect(next[index]).toEqual({ ...before, status });
          }
        }),
      );
    });

    it("moves the assignment's record exactly when that record allows the move", () => {
      fc.assert(
        fc.property(conversionRecordsArb, invitationIdArb, moveArb, (records, invitationId, status) => {
          const assignment = assignmentOf(records, invitationId);
          // The assignment's record: the last one of that invitation sent at that instant.
          const own = [...records].reverse().find((r) => r.invitationId === invitationId && r.sentAt === assignment.assignedAt);
          const movable = own !== undefined && allowedMoves[own.status].includes(status);
          expect(markConversion(records, assignment, status) !== records).toBe(movable);
        }),
      );
    });
  });
});
