import { describe, expect, it } from "vitest";
import { markConversion } from "../../../../src/state/mark-conversion.js";
import type { ConversionRecord, ConversionStatus } from "../../../../src/types.js";

const t = Date.UTC(2024, 4, 1, 12);
const sale = { invitationId: "sale", assignedAt: t };

function record(overrides: Partial<ConversionRecord> = {}): ConversionRecord {
  return {
    invitationId: "sale",
    variationId: "sale",
    campaign: "",
    status: "sent",
    sentAt: t,
    event: "ordered",
    expiresAt: t + 60_000,
    ...overrides,
  };
}

type Target = "shown" | "closed" | "chatStarted";

// Every (from, to) pair and whether the record moves.
const transitions: [ConversionStatus, Target, boolean][] = [
  ["sent", "shown", true],
  ["sent", "closed", true],
  ["sent", "chatStarted", true],
  ["shown", "shown", false],
  ["shown", "closed", true],
  ["shown", "chatStarted", true],
  ["closed", "shown", false],
  ["closed", "closed", false],
  ["closed", "chatStarted", false],
  ["chatStarted", "shown", false],
  ["chatStarted", "closed", false],
  ["chatStarted", "chatStarted", false],
];

describe("markConversion", () => {
  it.each(transitions)("from %s to %s moves: %s", (from, to, moves) => {
    const records = [record({ status: from })];
    const next = markConversion(records, sale, to);
    expect(next[0]?.status).toBe(moves ? to : from);
    expect(next === records).toBe(!moves);
  });

  it("returns a new array with one new record and keeps the other records", () => {
    const other = record({ invitationId: "other" });
    const records = [other, record()];
    const next = markConversion(records, sale, "shown");
    expect(next).not.toBe(records);
    expect(next[0]).toBe(other);
    expect(next[1]).not.toBe(records[1]);
    expect(next[1]).toEqual(record({ status: "shown" }));
    expect(records[1]?.status).toBe("sent");
  });

  it("returns the same array when the invitation has no record", () => {
    const records = [record({ invitationId: "other" })];
    expect(markConversion(records, sale, "shown")).toBe(records);
  });

  it("returns the same array when there are no records", () => {
    const records: ConversionRecord[] = [];
    expect(markConversion(records, sale, "closed")).toBe(records);
  });

  it("moves only the record of the given assignment, not an older or newer one of the same invitation", () => {
    const older = record({ sentAt: t - 1000, variationId: "old" });
    const mine = record({ sentAt: t, variationId: "mine" });
    const newer = record({ sentAt: t + 1000, variationId: "new" });
    const next = markConversion([newer, mine, older], sale, "shown");
    expect(next.map((r) => [r.variationId, r.status])).toEqual([
      ["new", "sent"],
      ["mine", "shown"],
      ["old", "sent"],
    ]);
  });

  it("moves the later record in the array when two were sent at the same instant", () => {
    const next = markConversion([record({ variationId: "a" }), record({ variationId: "b" })], sale, "shown");
    expect(next.map((r) => r.status)).toEqual(["sent", "shown"]);
  });

  it("moves nothing when the assignment made twice in one millisecond has already moved its newest record", () => {
    const records = [record({ variationId: "first" }), record({ variationId: "second", status: "shown" })];
    expect(markConversion(records, sale, "shown")).toBe(records);
  });

  it("moves nothing when the assignment's record cannot take the step, even if an older one could", () => {
    const records = [record({ sentAt: t - 1000, status: "sent" }), record({ sentAt: t, status: "closed" })];
    expect(markConversion(records, sale, "shown")).toBe(records);
  });

  it("leaves records of other invitations alone even when they were sent at the same instant", () => {
    const next = markConversion([record(), record({ invitationId: "other" })], sale, "closed");
    expect(next.map((r) => r.status)).toEqual(["closed", "sent"]);
  });

  it("matches the invitation id exactly", () => {
    const records = [record({ invitationId: "Sale" })];
    expect(markConversion(records, sale, "shown")).toBe(records);
  });

  it("keeps convertedAt when a converted record is closed", () => {
    const next = markConversion([record({ status: "shown", convertedAt: t + 5 })], sale, "closed");
    expect(next[0]).toEqual(record({ status: "closed", convertedAt: t + 5 }));
  });

  it("does not mutate frozen records", () => {
    const records = Object.freeze([Object.freeze(record())]);
    expect(markConversion(records, sale, "shown")[0]?.status).toBe("shown");
    expect(records[0]?.status).toBe("sent");
  });
});
