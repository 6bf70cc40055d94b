import { describe, expect, it } from "vitest";
import { summarize } from "../../../../src/state/summarize.js";
import type { ConversionRecord, ConversionStatus } from "../../../../src/types.js";

const t = Date.UTC(2024, 4, 1, 12);

function record(
  invitationId: string,
  variationId: string,
  status: ConversionStatus,
  convertedAt?: number,
): ConversionRecord {
  const base: ConversionRecord = {
    invitationId,
    variationId,
    campaign: "",
    status,
    sentAt: t,
    event: "ordered",
    expiresAt: t + 60_000,
  };
  return convertedAt === undefined ? base : { ...base, convertedAt };
}

const zero = { sent: 0, shown: 0, closed: 0, chatStarted: 0, converted: 0, conversionRate: 0 };

describe("summarize", () => {
  it("returns no rows for no records", () => {
    expect(summarize([])).toEqual([]);
  });

  it("counts a sent record as sent only", () => {
    expect(summarize([record("a", "a", "sent")])).toEqual([{ invitationId: "a", variationId: "a", ...zero, sent: 1 }]);
  });

  it("counts a shown record as sent and shown", () => {
    expect(summarize([record("a", "a", "shown")])[0]).toMatchObject({ sent: 1, shown: 1, closed: 0, chatStarted: 0 });
  });

  it("counts a closed record as shown and closed", () => {
    expect(summarize([record("a", "a", "closed")])[0]).toMatchObject({ sent: 1, shown: 1, closed: 1, chatStarted: 0 });
  });

  it("counts a chat-started record as shown and chat started", () => {
    expect(summarize([record("a", "a", "chatStarted")])[0]).toMatchObject({
      sent: 1,
      shown: 1,
      closed: 0,
      chatStarted: 1,
    });
  });

  it("counts conversions whatever the status and divides them by sent", () => {
    const records = [
      record("a", "a", "sent", t + 1),
      record("a", "a", "closed", t + 2),
      record("a", "a", "chatStarted"),
      record("a", "a", "shown"),
    ];
    expect(summarize(records)).toEqual([
      { invitationId: "a", variationId: "a", sent: 4, shown: 3, closed: 1, chatStarted: 1, converted: 2, conversionRate: 0.5 },
    ]);
  });

  it("gives a rate of 1 when every record converted", () => {
    expect(summarize([record("a", "a", "sent", t), record("a", "a", "shown", t)])[0]?.conversionRate).toBe(1);
  });

  it("gives one row per invitation and variation", () => {
    const rows = summarize([
      record("a", "x", "sent"),
      record("a", "y", "sent"),
      record("a", "x", "shown"),
      record("b", "x", "sent"),
    ]);
    expect(rows.map((r) => [r.invitationId, r.variationId, r.sent])).toEqual([
      ["a", "x", 2],
      ["a", "y", 1],
      ["b", "x", 1],
    ]);
  });

  it("sorts by invitation id, then variation id, in code-unit order", () => {
    const rows = summarize([
      record("b", "a", "sent"),
      record("a", "b", "sent"),
      record("a", "B", "sent"),
      record("B", "z", "sent"),
      record("a", "a", "sent"),
      record("ä", "a", "sent"),
    ]);
    expect(rows.map((r) => `${r.invitationId}/${r.variationId}`)).toEqual(["B/z", "a/B", "a/a", "a/b", "b/a", "ä/a"]);
  });

  it("keeps ids apart that would collide when joined with a separator", () => {
    const rows = summarize([record("a/b", "c", "sent"), record("a", "b/c", "sent")]);
    expect(rows.map((r) => [r.invitationId, r.variationId])).toEqual([
      ["a", "b/c"],
      ["a/b", "c"],
    ]);
  });

  it("does not mutate frozen records", () => {
    const records = Object.freeze([Object.freeze(record("a", "a", "closed", t))]);
    expect(summarize(records)[0]?.converted).toBe(1);
  });

  it("adds a state's tallies of pruned records to its records", () => {
    const state = {
      v: 1 as const,
      sessionExcluded: [],
      seenOnce: [],
      conversions: [record("a", "a", "shown", t + 5)],
      conversionTallies: [
        { invitationId: "a", variationId: "a", sent: 3, shown: 2, closed: 1, chatStarted: 1, converted: 0 },
        { invitationId: "Z", variationId: "a", sent: 1, shown: 0, closed: 0, chatStarted: 0, converted: 0 },
      ],
    };
    expect(summarize(state)).toEqual([
      { invitationId: "Z", variationId: "a", ...zero, sent: 1 },
      { invitationId: "a", variationId: "a", sent: 4, shown: 3, closed: 1, chatStarted: 1, converted: 1, conversionRate: 0.25 },
    ]);
  });

  it("counts only the records when given the records of a state", () => {
    const tallies = [{ invitationId: "a", variationId: "a", sent: 3, shown: 0, closed: 0, chatStarted: 0, converted: 0 }];
    const state = { v: 1 as const, sessionExcluded: [], seenOnce: [], conversions: [record("a", "a", "sent")], conversionTallies: tallies };
    expect(summarize(state.conversions)).toEqual([{ invitationId: "a", variationId: "a", ...zero, sent: 1 }]);
  });
});
