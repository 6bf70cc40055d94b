import { describe, expect, it } from "vitest";
import { evaluate, explain, type Invitation } from "../../../src/index.js";

const now = Date.UTC(2026, 10, 26, 10);

describe("explain", () => {
  const invitations: Invitation[] = [
    { id: "late", position: 9, message: "Late" },
    { id: "picky", position: 1, language: "lit", urls: ["/pricing"], timeOnSite: 60, message: "Picky" },
    { id: "won", position: 5, message: "Won" },
    { id: "exit", kind: "dynamic", trigger: { type: "exitIntent" }, message: "Exit" },
    { id: "banner", kind: "inject", position: 3, message: "-", enabled: false },
  ];

  it("lists every invitation in rank order with every failing condition", () => {
    const { candidates } = explain(invitations, { id: "v1", language: "eng", url: "/blog", timeOnSite: 5 }, now);
    expect(candidates).toEqual([
      { invitationId: "exit", eligible: true, reasons: ["eligible", "armed"] },
      { invitationId: "picky", eligible: false, reasons: ["language", "url", "time_on_site"] },
      { invitationId: "banner", eligible: false, reasons: ["disabled"] },
      { invitationId: "won", eligible: true, reasons: ["eligible", "selected"] },
      { invitationId: "late", eligible: true, reasons: ["eligible", "outranked"] },
    ]);
  });

  it("returns exactly the decision evaluate returns", () => {
    const visitor = { id: "v1", language: "lit", url: "/pricing", timeOnSite: 5 };
    expect(explain(invitations, visitor, now).decision).toEqual(evaluate(invitations, visitor, now));
  });

  it("gives every invitation the reason of a rule that decided before selection", () => {
    const { candidates, decision } = explain(invitations, { id: "v1", chat: { active: true } }, now);
    expect(decision.reason).toBe("chat_active");
    expect(candidates.map((c) => c.reasons)).toEqual(invitations.map(() => ["chat_active"]));
  });

  it("lists nothing when the input itself is unusable", () => {
    expect(explain(invitations, null as never, now)).toMatchObject({ candidates: [], decision: { reason: "invalid_visitor" } });
  });
});
