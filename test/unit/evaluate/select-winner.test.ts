import { describe, expect, it } from "vitest";
import { evaluate, explain, type Invitation } from "../../../src/index.js";

const NOW = Date.UTC(2026, 2, 23, 12, 0, 0);

describe("selectWinner", () => {
  // 200 invitations with 100 distinct time-on-site minimums (more than the index keeps as exact levels), at three
  // positions, some restricted to a language: the two-pass scan of evaluate must give explain's full-scan answer.
  const set: Invitation[] = Array.from({ length: 200 }, (_, i) => ({
    id: `inv-${i}`,
    message: "x",
    position: i % 3,
    timeOnSite: (i * 37) % 100,
    ...(i % 4 === 0 ? { language: "lit" } : {}),
    ...(i % 5 === 0 ? { urls: ["/never"] } : {}),
  }));

  it.each([0, 1, 12.5, 40, 99, 150])("picks the same winner and recheckAt as explain at a time on site of %d s", (timeOnSite) => {
    for (const language of ["eng", "lit"]) {
      const visitor = { id: `v-${timeOnSite}-${language}`, timeOnSite, language, url: "https://example.com/x" };
      expect(evaluate(set, visitor, NOW)).toEqual(explain(set, visitor, NOW).decision);
    }
  });

  it("says when the nearest time-on-site minimum is met when nothing is eligible yet", () => {
    const later: Invitation[] = [
      { id: "late", message: "x", timeOnSite: 90 },
      { id: "soon", message: "x", timeOnSite: 30, position: 5 },
      { id: "never", message: "x", timeOnSite: 10, urls: ["/elsewhere"] },
    ];
    const decision = evaluate(later, { id: "v1", timeOnSite: 0, url: "/here" }, NOW);
    expect(decision.status).toBe("none");
    expect(decision.recheckAt).toBe(NOW + 30_000);
  });

  it("gives explain's recheckAt when schedules that open later than a nearer change are passed over", () => {
    // NOW is a Monday, 12:00 UTC. "soon" sets the bound (30 s away); the closed schedules open at 13:00, 12:00:10
    // (before the bound) and never again this week; "static" would fail its language anyway.
    const at = (start: string, end: string) => ({ type: "weekly" as const, days: { mon: [{ start, end }] } });
    const set: Invitation[] = [
      { id: "soon", message: "x", position: 0, timeOnSite: 30 },
      { id: "later", message: "x", position: 1, schedule: at("13:00", "14:00") },
      { id: "static", message: "x", position: 2, language: "lit", schedule: at("13:00", "14:00") },
      { id: "sooner", message: "x", position: 3, schedule: { type: "period", from: NOW + 10_000 } },
      { id: "morning", message: "x", position: 4, schedule: at("08:00", "09:00") },
      { id: "open", message: "x", position: 5, timeOnSite: 5, schedule: at("11:00", "12:30") },
    ];
    // At 0 s on site "open" is 5 s away; at 10 s it wins, and "sooner" (10 s away) is the nearest change before it.
    for (const [timeOnSite, recheckAt] of [[0, NOW + 5_000], [10, NOW + 10_000]] as const) {
      const visitor = { id: "v1", timeOnSite, language: "eng" };
      const decision = evaluate(set, visitor, NOW);
      expect(decision).toEqual(explain(set, visitor, NOW).decision);
      expect(decision.recheckAt).toBe(recheckAt);
    }
  });

  it("ignores waiting candidates ranked after the winner's group for recheckAt", () => {
    const ranked: Invitation[] = [
      { id: "now", message: "x", position: 1 },
      { id: "later-but-lower", message: "x", position: 2, timeOnSite: 10 },
      { id: "later-and-higher", message: "x", position: 0, timeOnSite: 20 },
    ];
    const decision = evaluate(ranked, { id: "v1", timeOnSite: 0 }, NOW);
    expect(decision.invitation?.id).toBe("now");
    expect(decision.recheckAt).toBe(NOW + 20_000);
  });
});

describe("selectWinner: week slots", () => {
  // 200 invitations with weekly windows in Vilnius: enough for the index and its slots of the local week. At 23:30
  // UTC on Saturday 28 March 2026 it is 01:30 on Sunday there, and at 01:00 UTC the clocks go from 03:00 to 04:00.
  const AT = Date.UTC(2026, 2, 28, 23, 30);
  const weekly = (day: "sat" | "sun" | "wed", start: string, end: string) => ({ type: "weekly" as const, timeZone: "Europe/Vilnius", days: { [day]: [{ start, end }] } });
  const pads: Invitation[] = Array.from({ length: 198 }, (_, i) => ({ id: `pad-${i}`, message: "x", position: 10, schedule: weekly("wed", "10:00", "11:00") }));
  const set: Invitation[] = [
    // Skipped as closed now, ranked before the winner: opens at 04:00 local, 01:00 UTC, right after the change.
    { id: "early", message: "x", position: 0, schedule: weekly("sun", "04:00", "05:00") },
    // The winner, open until 04:30 local (01:30 UTC): later than "early" opens, yet earlier than the slot of 04:00
    // would start were the offset not to change.
    { id: "late", message: "x", position: 5, schedule: weekly("sat", "23:00", "04:29") },
    ...pads,
  ];

  it("stops walking slots at the offset change and checks the candidates left", () => {
    const visitor = { id: "v1" };
    const decision = evaluate(set, visitor, AT);
    expect(decision).toEqual(explain(set, visitor, AT).decision);
    expect(decision.invitation?.id).toBe("late");
    expect(decision.recheckAt).toBe(Date.UTC(2026, 2, 29, 1));
  });
});

describe("selectWinner: large ties", () => {
  // 300 invitations tied on position and time on site, most of them failing an attribute test the index cannot see
  // (the key is present): the winner is the eligible one with the smallest tie hash, found in hash order.
  const set: Invitation[] = Array.from({ length: 300 }, (_, i) => ({
    id: `tie-${i}`,
    message: "x",
    ...(i % 9 === 0 ? {} : { attributes: [{ key: "plan", op: "eq" as const, value: "enterprise" }] }),
    ...(i % 11 === 0 ? { schedule: { type: "period" as const, from: NOW + 60_000 } } : {}),
  }));

  it.each(["v1", "v2", "v3", "visitor-42", "someone-else"])("agrees with explain for visitor %s", (id) => {
    const visitor = { id, attributes: { plan: "pro" } };
    const decision = evaluate(set, visitor, NOW);
    expect(decision.status).toBe("selected");
    expect(decision).toEqual(explain(set, visitor, NOW).decision);
  });
});
