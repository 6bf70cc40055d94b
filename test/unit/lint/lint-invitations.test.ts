import { describe, expect, it } from "vitest";
import { lintInvitations } from "../../../src/lint/lint-invitations.js";
import { LINT_CODES, LINT_SEVERITY } from "../../../src/lint/lint-codes.js";
import type { Invitation } from "../../../src/types.js";

const codes = (invitations: Invitation[], at?: number) => lintInvitations(invitations, at === undefined ? {} : { at }).map((f) => [f.code, f.path]);

describe("lintInvitations", () => {
  it("finds nothing in a set where every invitation can win", () => {
    expect(
      lintInvitations([
        { id: "pricing", message: "Plans?", urls: ["/pricing*"], timeOnSite: 20 },
        { id: "hello", message: "Hello", position: 10 },
      ]),
    ).toEqual([]);
  });

  it("reports a global fallback placed above a specific invitation: the specific one is shadowed", () => {
    const findings = lintInvitations([
      { id: "fallback", message: "Hi", urls: ["*"] },
      { id: "pricing", message: "Plans?", position: 1, urls: ["/pricing"] },
    ]);
    expect(findings).toEqual([{ code: "shadowed", severity: "error", path: [1], message: expect.stringContaining('"fallback"') }]);
  });

  it("gives every finding the severity of its code", () => {
    const findings = lintInvitations(
      [
        { id: "a", message: '<a href="{nick}">x</a>', schedule: { type: "weekly", days: {} } },
        { id: "b", message: "x", position: 1, attributes: [{ key: "k", op: "exists" }, { key: "k", op: "notExists" }] },
        { id: "c", message: "x", position: 1, variations: [{ id: "v", weight: 0 }] },
      ],
      { at: 0 },
    );
    expect(findings.length).toBeGreaterThan(3);
    for (const f of findings) expect(f.severity).toBe(LINT_SEVERITY[f.code]);
    expect(Object.keys(LINT_SEVERITY).sort()).toEqual([...LINT_CODES].sort());
  });

  it("lists findings in the order of the invitations", () => {
    const found = codes([
      { id: "a", message: "x", urls: ["!*"] },
      { id: "b", message: "x", position: 1, schedule: { type: "period", to: 1000 } },
    ], 5000);
    expect(found).toEqual([["url_matches_nothing", [0, "urls"]], ["never_active", [1, "schedule"]]]);
  });

  it("judges a period's end only when given an instant", () => {
    const set: Invitation[] = [{ id: "a", message: "x", schedule: { type: "period", to: 1000 } }];
    expect(codes(set)).toEqual([]);
    expect(codes(set, 1000)).toEqual([]);
    expect(codes(set, 1001)).toEqual([["never_active", [0, "schedule"]]]);
    expect(lintInvitations(set, { at: new Date(1001) }).map((f) => f.code)).toEqual(["never_active"]);
  });

  it("does not report a tie for an invitation it already proved is never shown", () => {
    expect(codes([{ id: "a", message: "x" }, { id: "b", message: "x", urls: ["!*"] }])).toEqual([["url_matches_nothing", [1, "urls"]]]);
  });

  it("never throws, even for input that is not a valid set", () => {
    expect(() => lintInvitations([{ id: "a" } as Invitation, null as unknown as Invitation])).not.toThrow();
    expect(() => lintInvitations("nope" as unknown as Invitation[])).not.toThrow();
  });

  it("answers at once, with nothing found, for a sparse array claiming 2³² − 1 invitations (each analysis walked them all)", () => {
    const sparse: Invitation[] = [];
    sparse.length = 2 ** 32 - 1;
    expect(lintInvitations(sparse)).toEqual([]);
    expect(lintInvitations("not a list" as never)).toEqual([]);
  });

  it("never throws on options it cannot read: they count as absent", () => {
    const set: Invitation[] = [{ id: "all", message: "Hi", urls: ["*"] }, { id: "pricing", message: "Plans?", position: 1, urls: ["/pricing"] }];
    const plain = lintInvitations(set);
    expect(plain.map((f) => f.code)).toEqual(["shadowed"]);
    const throwing = Object.defineProperty({}, "at", { get: () => { throw new Error("boom"); } });
    for (const options of [null, throwing, { at: Symbol("at") }, { at: { valueOf: () => { throw new Error("boom"); } } }]) {
      expect(lintInvitations(set, options as never)).toEqual(plain);
    }
  });
});
