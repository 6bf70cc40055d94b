import { describe, expect, it } from "vitest";
import { buildCandidateIndex, CandidateCursor, matchingCandidates } from "../../../src/pipeline/candidate-index.js";
import { compileInvitation } from "../../../src/pipeline/compile-invitation.js";
import type { Invitation, Visitor } from "../../../src/types.js";
import { viewVisitor, type VisitorView } from "../../../src/visitor/view-visitor.js";

const view = (visitor: Omit<Visitor, "id">): VisitorView => viewVisitor({ id: "v1", ...visitor }) as VisitorView;

function walk(invitations: Invitation[], visitor: Omit<Visitor, "id">): string[] {
  const index = buildCandidateIndex(invitations.map(compileInvitation));
  const cursor = new CandidateCursor(index.candidates, matchingCandidates(index, view(visitor)));
  const ids: string[] = [];
  for (let c = cursor.next(); c !== undefined; c = cursor.next()) ids.push(c.id);
  return ids;
}

describe("candidate index", () => {
  const set: Invitation[] = [
    { id: "any", message: "x" },
    { id: "eng", language: "ENG", message: "x" },
    { id: "lit", language: "lit", message: "x" },
    { id: "site1", identifier: "example1_com", message: "x" },
    { id: "vip", tag: "vip", message: "x" },
    { id: "dep12", departments: [1, "2"], message: "x" },
    { id: "mobile", devices: ["mobile", "tablet"], message: "x" },
    { id: "off", enabled: false, message: "x" },
  ];

  it("keeps the candidates whose equality keys fit, in list order, and never disabled ones", () => {
    expect(walk(set, { language: "eng", tags: ["VIP"], department: 2, device: "tablet" })).toEqual([
      "any",
      "eng",
      "vip",
      "dep12",
      "mobile",
    ]);
  });

  it("keeps only the unrestricted ones for a visitor without keys", () => {
    expect(walk(set, {})).toEqual(["any"]);
  });

  it("walks past 32 candidates, across words of the bitset", () => {
    const many: Invitation[] = Array.from({ length: 100 }, (_, i) => ({ id: `i${i}`, message: "x", ...(i % 3 === 0 ? {} : { language: "lit" }) }));
    expect(walk(many, { language: "eng" })).toEqual(many.filter((_, i) => i % 3 === 0).map((i) => i.id));
    expect(walk(many, { language: "lit" })).toHaveLength(100);
  });

  it("walks every candidate, disabled included, without a mask (as explain does)", () => {
    const index = buildCandidateIndex(set.map(compileInvitation));
    const cursor = new CandidateCursor(index.candidates, null);
    const ids: string[] = [];
    for (let c = cursor.next(); c !== undefined; c = cursor.next()) ids.push(c.id);
    expect(ids).toEqual(set.map((i) => i.id));
  });

  it("handles an empty list", () => {
    expect(walk([], { language: "eng" })).toEqual([]);
  });
});
