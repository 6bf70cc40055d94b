import { describe, expect, it } from "vitest";
import { newConversionRecord } from "../../../../src/state/new-conversion-record.js";
import type { Invitation } from "../../../../src/types.js";

const now = Date.UTC(2024, 4, 1, 12);

describe("newConversionRecord", () => {
  it("returns null when the invitation has no conversion goal", () => {
    expect(newConversionRecord({ id: "sale", message: "Hi", campaign: "spring" }, "sale", now)).toBeNull();
  });

  it("builds a sent record whose window starts now", () => {
    const invitation: Invitation = {
      id: "sale",
      message: "Hi",
      campaign: "spring",
      conversion: { event: "ordered", withinSeconds: 86_400 },
    };
    expect(newConversionRecord(invitation, "b", now)).toEqual({
      invitationId: "sale",
      variationId: "b",
      campaign: "spring",
      status: "sent",
      sentAt: now,
      event: "ordered",
      expiresAt: now + 86_400_000,
    });
  });

  it("uses an empty campaign when none is configured", () => {
    const invitation: Invitation = { id: "sale", message: "Hi", conversion: { event: "ordered", withinSeconds: 1 } };
    expect(newConversionRecord(invitation, "sale", now)?.campaign).toBe("");
  });

  it("keeps the event name as configured", () => {
    const invitation: Invitation = { id: "sale", message: "Hi", conversion: { event: " Ordered ", withinSeconds: 1 } };
    expect(newConversionRecord(invitation, "sale", now)?.event).toBe(" Ordered ");
  });

  it("converts a fractional window in seconds to milliseconds", () => {
    const invitation: Invitation = { id: "sale", message: "Hi", conversion: { event: "ordered", withinSeconds: 1.5 } };
    expect(newConversionRecord(invitation, "sale", now)?.expiresAt).toBe(now + 1500);
  });

  it("has no convertedAt", () => {
    const invitation: Invitation = { id: "sale", message: "Hi", conversion: { event: "ordered", withinSeconds: 1 } };
    expect(newConversionRecord(invitation, "sale", now)).not.toHaveProperty("convertedAt");
  });

  it("does not mutate a frozen invitation", () => {
    const invitation: Invitation = Object.freeze({
      id: "sale",
      message: "Hi",
      conversion: Object.freeze({ event: "ordered", withinSeconds: 60 }),
    });
    expect(newConversionRecord(invitation, "sale", now)?.expiresAt).toBe(now + 60_000);
  });
});
