import { describe, expect, it } from "vitest";
import { compileInvitations, type CompiledInvitation } from "../../../src/compile/compile-invitation.js";
import type { ConditionField } from "../../../src/fields.js";
import { covers } from "../../../src/lint/covers.js";
import { findShadowed } from "../../../src/lint/find-shadowed.js";
import type { Invitation } from "../../../src/types.js";

/** The ids lint finds shadowed, each with the id its message names. */
function shadowed(set: Invitation[]): [string, string][] {
  return findShadowed(compileInvitations(set)).map((f) => [(set[f.path[0] as number] as Invitation).id, /"([^"]+)"/.exec(f.message)?.[1] ?? ""]);
}

const base = { message: "Hi" };

describe("findShadowed", () => {
  it("finds the same conditions at a lower position", () => {
    const conditions = { language: "eng", urls: ["/pricing*"], attributes: [{ key: "plan", op: "eq" as const, value: "pro" }] };
    expect(shadowed([{ id: "a", ...base, ...conditions }, { id: "b", ...base, position: 2, ...conditions }])).toEqual([["b", "a"]]);
  });

  it("finds a better-ranked invitation whose conditions are a subset, and names the best-ranked one", () => {
    const set: Invitation[] = [
      { id: "narrow", ...base, position: 5, language: "eng", tag: "vip", devices: ["mobile"], departments: [1], timeOnSite: 30, pageviews: 2, events: [{ event: "x", minCount: 3, withinSeconds: 60 }] },
      { id: "wide", ...base, position: 3, language: "eng", devices: ["mobile", "tablet"], departments: [1, 2], timeOnSite: 10, events: [{ event: "X", minCount: 1, withinSeconds: 120 }] },
      { id: "widest", ...base, position: 1 },
    ];
    expect(shadowed(set)).toEqual([["narrow", "widest"], ["wide", "widest"]]);
  });

  it("counts the same position with a lower time on site as ranked before, but not an equal rank", () => {
    expect(shadowed([{ id: "a", ...base, timeOnSite: 10 }, { id: "b", ...base, timeOnSite: 5 }])).toEqual([["a", "b"]]);
    expect(shadowed([{ id: "a", ...base }, { id: "b", ...base }])).toEqual([]);
  });

  it("does not report a wider invitation ranked after, or one with a condition of its own", () => {
    expect(shadowed([{ id: "specific", ...base, urls: ["/pricing"] }, { id: "all", ...base, position: 1, urls: ["*"] }])).toEqual([]);
    expect(shadowed([{ id: "a", ...base, language: "lit" }, { id: "b", ...base, position: 1, language: "eng" }])).toEqual([]);
    expect(shadowed([{ id: "a", ...base, urls: ["/docs"] }, { id: "b", ...base, position: 1, urls: ["/pricing"] }])).toEqual([]);
    expect(shadowed([{ id: "a", ...base, schedule: { type: "weekly", days: { mon: [{ start: "09:00", end: "17:00" }] } } }, { id: "b", ...base, position: 1 }])).toEqual([]);
    expect(shadowed([{ id: "a", ...base, minSecondsSinceLastChat: 600 }, { id: "b", ...base, position: 1, minSecondsSinceLastChat: 60 }])).toEqual([]);
  });

  it("reads a weekly schedule in the same time zone whose windows contain the other's as covering it", () => {
    const week = (days: Record<string, { start: string; end: string }[]>, timeZone = "Europe/Vilnius"): NonNullable<Invitation["schedule"]> => ({ type: "weekly", timeZone, days });
    const evening = { start: "18:00", end: "02:00" };
    const wide = week({ fri: [{ start: "12:00", end: "23:59" }], sat: [{ start: "00:00", end: "03:00" }] });
    expect(shadowed([{ id: "a", ...base, schedule: wide }, { id: "b", ...base, position: 1, schedule: week({ fri: [evening] }) }])).toEqual([["b", "a"]]);
    expect(shadowed([{ id: "a", ...base, schedule: week({ fri: [{ start: "19:00", end: "23:00" }] }) }, { id: "b", ...base, position: 1, schedule: week({ fri: [evening] }) }])).toEqual([]);
    expect(shadowed([{ id: "a", ...base, schedule: week({ fri: [{ start: "00:00", end: "23:59" }] }, "UTC") }, { id: "b", ...base, position: 1, schedule: week({ fri: [evening] }) }])).toEqual([]);
  });

  it("does not let an invitation the reducers can take out of the running shadow another", () => {
    for (const limit of [{ oncePerVisitor: true }, { hideForSessionAfterClose: true }, { showLimit: 2 }, { enabled: false }]) {
      expect(shadowed([{ id: "a", ...base, ...limit }, { id: "b", ...base, position: 1 }])).toEqual([]);
    }
  });

  it("compares kinds apart, and dynamic triggers by whether the better one fires too", () => {
    const dynamic = (id: string, position: number, trigger: NonNullable<Invitation["trigger"]>): Invitation => ({ id, ...base, kind: "dynamic", position, trigger });
    expect(shadowed([{ id: "s", ...base }, dynamic("d", 1, { type: "exitIntent" })])).toEqual([]);
    expect(shadowed([dynamic("a", 0, { type: "idle", seconds: 10 }), dynamic("b", 1, { type: "idle", seconds: 30 })])).toEqual([["b", "a"]]);
    expect(shadowed([dynamic("a", 0, { type: "idle", seconds: 30 }), dynamic("b", 1, { type: "idle", seconds: 10 })])).toEqual([]);
    expect(shadowed([dynamic("a", 0, { type: "exitIntent" }), dynamic("b", 1, { type: "idle", seconds: 10 })])).toEqual([]);
    expect(shadowed([{ id: "i", ...base, kind: "inject" }, { id: "j", ...base, kind: "inject", position: 1 }])).toEqual([]);
  });

  it("reads an exists condition as implied by any other test of the key but notExists", () => {
    const exists = { key: "plan", op: "exists" as const };
    expect(shadowed([{ id: "a", ...base, attributes: [exists] }, { id: "b", ...base, position: 1, attributes: [{ key: "plan", op: "neq", value: "x" }] }])).toEqual([["b", "a"]]);
    expect(shadowed([{ id: "a", ...base, attributes: [exists] }, { id: "b", ...base, position: 1, attributes: [{ key: "plan", op: "notExists" }] }])).toEqual([]);
  });

  it("scales: 3 000 invitations in one bucket are checked without comparing every pair's conditions", () => {
    const set: Invitation[] = Array.from({ length: 3000 }, (_, i) => ({ id: `i${i}`, ...base, position: i, attributes: [{ key: `k${i}`, op: "exists" }] }));
    const start = process.cpuUsage();
    expect(shadowed(set)).toEqual([]);
    const { user, system } = process.cpuUsage(start);
    expect((user + system) / 1000).toBeLessThan(5000);
  });
});

describe("findShadowed, condition by condition", () => {
  // One restricting value per condition `covers` compares: keyed by ConditionField, so a condition added to lint's
  // table needs its case here. With the condition on the better-ranked invitation only, it can not be proved to
  // cover the other (a visitor failing it gets the other); on the lower-ranked one only, the other covers it.
  const restricting = {
    timeOnSite: { timeOnSite: 30 },
    pageviews: { pageviews: 3 },
    language: { language: "eng" },
    identifier: { identifier: "site_a" },
    tag: { tag: "vip" },
    referrer: { referrer: "google" },
    departments: { departments: [1] },
    devices: { devices: ["mobile"] },
    requireOperatorIds: { requireOperatorIds: ["7"] },
    urls: { urls: ["/pricing"] },
    schedule: { schedule: { type: "weekly", days: { mon: [{ start: "09:00", end: "17:00" }] } } },
    minSecondsSinceLastVisit: { minSecondsSinceLastVisit: 600 },
    minSecondsSinceLastChat: { minSecondsSinceLastChat: 600 },
    attributes: { attributes: [{ key: "plan", op: "eq", value: "pro" }] },
    events: { events: [{ event: "login_failed", minCount: 2, withinSeconds: 60 }] },
  } satisfies Record<ConditionField, Partial<Invitation>>;

  it.each(Object.entries(restricting))("%s: restricting the better-ranked invitation leaves the other unshadowed; restricting the other, it is", (_field, condition) => {
    expect(shadowed([{ id: "first", ...base, ...condition }, { id: "second", ...base, position: 1 }])).toEqual([]);
    expect(shadowed([{ id: "first", ...base }, { id: "second", ...base, position: 1, ...condition }])).toEqual([["second", "first"]]);
    // findShadowed buckets by some conditions before it asks covers, so covers is asked directly too.
    const [restricted, open] = compileInvitations([{ id: "r", ...base, ...condition }, { id: "o", ...base }]) as [CompiledInvitation, CompiledInvitation];
    expect(covers(restricted, open)).toBe(false);
    expect(covers(open, restricted)).toBe(true);
  });
});
