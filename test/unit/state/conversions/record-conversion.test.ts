/*
 * DECISIONS (conversions, docs/api.md: Conversions — where it is silent):
 * - The conversion window starts at assignment ("sent"), not at the click (as LHC): expiresAt = sentAt + withinSeconds.
 * - A conversion counts whatever the record's status: a closed or chatted invitation can still convert (the goal is
 *   independent of the chat, as the SEED says).
 * - Only the newest record (largest sentAt; on a tie the later one in the array) with that event name is considered,
 *   even when an older one is still open (as LHC). Event names compare trimmed and case-insensitively.
 * - `now === expiresAt` is already expired (the window is half-open: sentAt ≤ now < expiresAt).
 * - A converted record reports "already_converted" before "expired" is checked.
 * - A blank event name (empty or only spaces) matches no record → "no_record" (LHC rejects an empty payload).
 * - Records are never removed by these functions; unchanged outcomes return the same state object.
 * - summarize counts a closed or chat-started record as shown too; rows sort by invitationId then variationId in
 *   code-unit order.
 */
import { describe, expect, it } from "vitest";
import { newConversionRecord } from "../../../../src/state/new-conversion-record.js";
import { recordConversion } from "../../../../src/state/record-conversion.js";
import type { ConversionRecord, Invitation, InvitationState } from "../../../../src/types.js";

const HOUR = 3_600_000;
const t = Date.UTC(2024, 4, 1, 12);

function record(overrides: Partial<ConversionRecord> = {}): ConversionRecord {
  return {
    invitationId: "sale",
    variationId: "sale",
    campaign: "",
    status: "sent",
    sentAt: t,
    event: "ordered",
    expiresAt: t + 24 * HOUR,
    ...overrides,
  };
}

function stateWith(...conversions: ConversionRecord[]): InvitationState {
  return { v: 1, sessionExcluded: [], seenOnce: [], conversions };
}

describe("recordConversion", () => {
  describe("the SEED example: ordered within a day", () => {
    const invitation: Invitation = {
      id: "sale",
      message: "Need help ordering?",
      conversion: { event: "ordered", withinSeconds: 86_400 },
    };
    const sent = newConversionRecord(invitation, "sale", t);
    const state = stateWith(...(sent === null ? [] : [sent]));

    it("converts an order one hour after the invitation was sent", () => {
      const result = recordConversion(state, "Ordered", t + HOUR);
      expect(result.outcome).toBe("converted");
      expect(result.state.conversions[0]?.convertedAt).toBe(t + HOUR);
    });

    it("reports an order 25 hours after the invitation was sent as expired", () => {
      const result = recordConversion(state, "Ordered", t + 25 * HOUR);
      expect(result.outcome).toBe("expired");
      expect(result.state).toBe(state);
    });
  });

  it("sets convertedAt on the record and keeps every other field", () => {
    const state = stateWith(record({ status: "shown", campaign: "spring" }));
    const result = recordConversion(state, "ordered", t + 5);
    expect(result.state.conversions).toEqual([record({ status: "shown", campaign: "spring", convertedAt: t + 5 })]);
  });

  it("returns a new state, conversions array and record when it converts", () => {
    const state = stateWith(record(), record({ event: "signup" }));
    const result = recordConversion(state, "ordered", t + 5);
    expect(result.state).not.toBe(state);
    expect(result.state.conversions).not.toBe(state.conversions);
    expect(result.state.conversions[0]).not.toBe(state.conversions[0]);
    expect(result.state.conversions[1]).toBe(state.conversions[1]);
    expect(state.conversions[0]?.convertedAt).toBeUndefined();
  });

  it("keeps the other state fields when it converts", () => {
    const state: InvitationState = {
      ...stateWith(record()),
      suppressedUntil: t + HOUR,
      sessionExcluded: ["x"],
      seenOnce: ["y"],
      current: { invitationId: "sale", variationId: "sale", assignedAt: t, shownPageviews: 1 },
    };
    const { state: next } = recordConversion(state, "ordered", t + 5);
    expect({ ...next, conversions: state.conversions }).toEqual(state);
  });

  it("matches event names case-insensitively and ignoring surrounding spaces", () => {
    const state = stateWith(record({ event: "Ordered" }));
    expect(recordConversion(state, " ORDERED ", t + 1).outcome).toBe("converted");
  });

  it("returns no_record when no record has that event", () => {
    const state = stateWith(record({ event: "signup" }));
    const result = recordConversion(state, "ordered", t + 1);
    expect(result).toEqual({ state, outcome: "no_record" });
    expect(result.state).toBe(state);
  });

  it("returns no_record when there are no records at all", () => {
    const state = stateWith();
    expect(recordConversion(state, "ordered", t).outcome).toBe("no_record");
  });

  it("returns no_record for a blank event name, even next to a record with a blank event", () => {
    const state = stateWith(record({ event: "" }));
    expect(recordConversion(state, "", t + 1).outcome).toBe("no_record");
    expect(recordConversion(state, "   ", t + 1).outcome).toBe("no_record");
  });

  it("returns already_converted for a converted record and changes nothing", () => {
    const state = stateWith(record({ convertedAt: t + 1 }));
    const result = recordConversion(state, "ordered", t + 2);
    expect(result.outcome).toBe("already_converted");
    expect(result.state).toBe(state);
  });

  it("reports already_converted rather than expired for a converted record past its window", () => {
    const state = stateWith(record({ convertedAt: t + 1 }));
    expect(recordConversion(state, "ordered", t + 48 * HOUR).outcome).toBe("already_converted");
  });

  it("converts one millisecond before expiresAt", () => {
    const state = stateWith(record());
    expect(recordConversion(state, "ordered", t + 24 * HOUR - 1).outcome).toBe("converted");
  });

  it("reports expired when now equals expiresAt", () => {
    const state = stateWith(record());
    const result = recordConversion(state, "ordered", t + 24 * HOUR);
    expect(result.outcome).toBe("expired");
    expect(result.state).toBe(state);
  });

  it("reports expired for a record whose window is zero", () => {
    const state = stateWith(record({ expiresAt: t }));
    expect(recordConversion(state, "ordered", t).outcome).toBe("expired");
  });

  it("reports expired rather than converting when now is not a number", () => {
    const state = stateWith(record());
    expect(recordConversion(state, "ordered", Number.NaN).outcome).toBe("expired");
  });

  it("converts a record whose invitation was closed", () => {
    const state = stateWith(record({ status: "closed" }));
    expect(recordConversion(state, "ordered", t + 1).outcome).toBe("converted");
  });

  it("converts a record whose invitation started a chat", () => {
    const state = stateWith(record({ status: "chatStarted" }));
    expect(recordConversion(state, "ordered", t + 1).outcome).toBe("converted");
  });

  it("converts a record that is still only sent", () => {
    const state = stateWith(record({ status: "sent" }));
    expect(recordConversion(state, "ordered", t + 1).outcome).toBe("converted");
  });

  it("converts only the newest record with that event", () => {
    const older = record({ invitationId: "old", sentAt: t, expiresAt: t + 48 * HOUR });
    const newer = record({ invitationId: "new", sentAt: t + HOUR, expiresAt: t + 25 * HOUR });
    const result = recordConversion(stateWith(newer, older), "ordered", t + 2 * HOUR);
    expect(result.outcome).toBe("converted");
    expect(result.state.conversions.map((r) => [r.invitationId, r.convertedAt])).toEqual([
      ["new", t + 2 * HOUR],
      ["old", undefined],
    ]);
  });

  it("ignores an older open record when the newest has expired", () => {
    const older = record({ invitationId: "old", sentAt: t, expiresAt: t + 48 * HOUR });
    const newer = record({ invitationId: "new", sentAt: t + HOUR, expiresAt: t + 2 * HOUR });
    const state = stateWith(older, newer);
    expect(recordConversion(state, "ordered", t + 3 * HOUR)).toEqual({ state, outcome: "expired" });
  });

  it("ignores an older open record when the newest is already converted", () => {
    const older = record({ invitationId: "old", sentAt: t });
    const newer = record({ invitationId: "new", sentAt: t + HOUR, convertedAt: t + HOUR + 1 });
    const state = stateWith(older, newer);
    expect(recordConversion(state, "ordered", t + 2 * HOUR)).toEqual({ state, outcome: "already_converted" });
  });

  it("takes the later record in the array when two were sent at the same instant", () => {
    const first = record({ invitationId: "first" });
    const second = record({ invitationId: "second" });
    const { state } = recordConversion(stateWith(first, second), "ordered", t + 1);
    expect(state.conversions.map((r) => r.convertedAt)).toEqual([undefined, t + 1]);
  });

  it("considers records of other events separately", () => {
    const ordered = record({ sentAt: t, event: "ordered" });
    const signup = record({ sentAt: t + HOUR, event: "signup" });
    const { state, outcome } = recordConversion(stateWith(ordered, signup), "ordered", t + 2 * HOUR);
    expect(outcome).toBe("converted");
    expect(state.conversions.map((r) => r.convertedAt)).toEqual([t + 2 * HOUR, undefined]);
  });

  it("never removes records", () => {
    const state = stateWith(record(), record({ event: "signup" }), record({ convertedAt: t }));
    for (const [name, now] of [["ordered", t + 1], ["signup", t + 1], ["x", t], ["ordered", t + 48 * HOUR]] as const) {
      expect(recordConversion(state, name, now).state.conversions).toHaveLength(3);
    }
  });

  it("does not mutate a frozen state", () => {
    const state = Object.freeze(stateWith(Object.freeze(record())));
    Object.freeze(state.conversions);
    expect(recordConversion(state, "ordered", t + 1).outcome).toBe("converted");
    expect(state.conversions[0]?.convertedAt).toBeUndefined();
  });
});
