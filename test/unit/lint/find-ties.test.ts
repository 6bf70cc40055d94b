import { describe, expect, it } from "vitest";
import { compileInvitations } from "../../../src/compile/compile-invitation.js";
import { findTies } from "../../../src/lint/find-ties.js";
import type { Invitation } from "../../../src/types.js";

const ties = (set: Invitation[], neverShown?: Set<number>) => findTies(compileInvitations(set), neverShown).map((f) => [f.path[0], f.message.match(/"[^"]+"/g)]);
const base = { message: "Hi" };

describe("findTies", () => {
  it("finds invitations with equal position and time on site, each naming the others", () => {
    expect(ties([{ id: "a", ...base, position: 2 }, { id: "b", ...base, position: 2 }, { id: "c", ...base, position: 3 }])).toEqual([
      [0, ['"b"']],
      [1, ['"a"']],
    ]);
  });

  it("leaves out pairs that cannot be eligible together, other kinds, and invitations never shown", () => {
    expect(ties([{ id: "a", ...base, timeOnSite: 5 }, { id: "b", ...base, timeOnSite: 6 }])).toEqual([]);
    expect(ties([{ id: "a", ...base, language: "eng" }, { id: "b", ...base, language: "lit" }])).toEqual([]);
    expect(ties([{ id: "a", ...base, devices: ["mobile"] }, { id: "b", ...base, devices: ["desktop"] }])).toEqual([]);
    expect(ties([{ id: "a", ...base, urls: ["a.com/x"] }, { id: "b", ...base, urls: ["b.com/x"] }])).toEqual([]);
    expect(ties([{ id: "a", ...base }, { id: "b", ...base, kind: "inject" }])).toEqual([]);
    expect(ties([{ id: "a", ...base }, { id: "b", ...base, enabled: false }])).toEqual([]);
    expect(ties([{ id: "a", ...base }, { id: "b", ...base }], new Set([1]))).toEqual([]);
    expect(ties([{ id: "a", ...base, urls: ["a.com/x"] }, { id: "b", ...base, urls: ["/x"] }])).toHaveLength(2);
  });

  it("names at most three and counts the rest, as an info finding", () => {
    const set = Array.from({ length: 6 }, (_, i): Invitation => ({ id: `i${i}`, ...base }));
    const [first] = findTies(compileInvitations(set));
    expect(first).toMatchObject({ code: "tie_settled_by_hash", severity: "info", path: [0] });
    expect(first?.message).toMatch(/^ties with "i1", "i2", "i3" and 2 more \(position 0, time on site 0 s\)/);
  });
});
