import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileInvitation, type CompiledInvitation } from "../../../src/compile/compile-invitation.js";
import { rankOrder } from "../../../src/compile/rank-order.js";

const byId = (invitations: CompiledInvitation[]): Map<string, CompiledInvitation> => new Map(invitations.map((c) => [c.id, c]));

/** The oracle: the comparator `compile` used before. */
function byRank(a: CompiledInvitation, b: CompiledInvitation): number {
  return a.position - b.position || a.timeOnSite - b.timeOnSite || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

describe("rankOrder", () => {
  it("orders by position, then time on site, then id", () => {
    const set = [
      { id: "b", position: 1 },
      { id: "a", position: 1 },
      { id: "c", position: 0, timeOnSite: 30 },
      { id: "d", position: 0, timeOnSite: 10 },
      { id: "e", position: -0 },
    ].map((i) => compileInvitation({ message: "x", ...i }));
    expect(rankOrder(byId(set)).map((c) => c.id)).toEqual(["e", "d", "c", "a", "b"]);
  });

  it("orders ids by UTF-16 code units, as `<` does", () => {
    const set = ["é", "Z", "a", "", "10", "9", "a\u0000"].map((id) => compileInvitation({ id, message: "x" }));
    expect(rankOrder(byId(set)).map((c) => c.id)).toEqual(["", "10", "9", "Z", "a", "a\u0000", "é"]);
  });

  it("gives the order a comparator sort gives, whatever order the set comes in", () => {
    const invitationArb = fc.record({
      id: fc.string({ maxLength: 3 }),
      position: fc.constantFrom(0, -0, 1, 2.5, -3, 100),
      timeOnSite: fc.constantFrom(0, 10, 59.5),
    });
    fc.assert(
      fc.property(fc.uniqueArray(invitationArb, { selector: (i) => i.id, maxLength: 40 }), (set) => {
        const compiled = set.map((i) => compileInvitation({ message: "x", ...i }));
        expect(rankOrder(byId(compiled))).toEqual([...compiled].sort(byRank));
      }),
    );
  });
});
