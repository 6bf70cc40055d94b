// The laws of docs/lint.md: every finding that says an invitation can never be shown is true for every visitor and
// instant evaluation is given (soundness, against `evaluate` itself as the oracle), and the constructions each code
// targets are found (so the soundness runs are not vacuous).
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { evaluate, explain, lintInvitations, safeParseInvitations, type Invitation } from "../../src/index.js";
import { NEVER_SHOWN_CODES } from "../../src/lint/lint-codes.js";
import { BASE_MS } from "./arbitraries/engine.js";
import { COVER, lintSampleArb, lintSetArb, TARGET, type Construction } from "./arbitraries/lint.js";

const CONSTRUCTIONS: Construction[] = ["shadowed", "never_active", "contradictory_conditions", "url_matches_nothing"];
const SAMPLES = 25;

/** Per construction: sets with a never-shown finding, and samples where such an invitation was eligible yet lost. */
const seen = new Map<Construction, { findings: number; eligibleButLost: number }>();

/** A set with samples of visitors (aimed at the target), instants from lint's instant on, and options. */
const caseArb = (kind: Construction) =>
  lintSetArb(kind).chain((set) =>
    fc.record({ set: fc.constant(set), samples: fc.array(lintSampleArb(set), { minLength: SAMPLES, maxLength: SAMPLES }) }),
  );

describe("lintInvitations (soundness)", () => {
  afterAll(() => {
    // Not vacuous: every construction produced findings, and shadowed invitations were eligible in some samples.
    for (const kind of CONSTRUCTIONS) expect(seen.get(kind)?.findings ?? 0, kind).toBeGreaterThan(0);
    expect(seen.get("shadowed")?.eligibleButLost ?? 0).toBeGreaterThan(0);
  });

  it.each(CONSTRUCTIONS)("no visitor at any instant from the lint instant on gets an invitation lint finds %s (or any never-shown code)", (kind) => {
    fc.assert(
      fc.property(caseArb(kind), ({ set, samples }) => {
        expect(safeParseInvitations(set).success).toBe(true);
        const findings = lintInvitations(set, { at: BASE_MS });
        const never = new Map(findings.filter((f) => NEVER_SHOWN_CODES.includes(f.code)).map((f) => [set[f.path[0] as number]?.id as string, f.code]));
        const tally = seen.get(kind) ?? { findings: 0, eligibleButLost: 0 };
        seen.set(kind, tally);
        if (never.size > 0) tally.findings += 1;
        for (const { visitor, now, options } of samples) {
          const decision = evaluate(set, visitor, now, options);
          const winner = decision.invitation?.id;
          expect(decision.status === "selected" && winner !== undefined && never.has(winner), `${winner} won though lint says ${never.get(winner ?? "")}`).toBe(false);
          // Only a shadowed invitation may still be eligible (it loses); the others never are.
          for (const [id, code] of never) {
            if (code === "shadowed") continue;
            expect(decision.armed.some((a) => a.invitationId === id) || decision.inject.some((i) => i.invitationId === id)).toBe(false);
          }
          if (never.get(TARGET) === "shadowed" && explain(set, visitor, now, options).candidates.some((c) => c.invitationId === TARGET && c.eligible)) {
            tally.eligibleButLost += 1;
          }
        }
      }),
      { numRuns: kind === "shadowed" ? 150 : 60 },
    );
  });
});

describe("lintInvitations (weekly schedules that contain another's)", () => {
  const windows = [
    { start: "00:00", end: "23:59" },
    { start: "08:00", end: "18:00" },
    { start: "12:00", end: "13:00" },
    { start: "17:00", end: "09:00" },
    { start: "23:00", end: "01:00" },
  ];
  const dayArb = fc.subarray(windows, { maxLength: 2 });
  const weekArb = (timeZone: string) =>
    fc.record({ thu: dayArb, fri: dayArb, sun: dayArb }, { requiredKeys: [] }).map((days) => ({ type: "weekly" as const, timeZone, days }));
  const zones = ["UTC", "Europe/Vilnius", "America/New_York"];
  const pairArb = fc
    .tuple(fc.constantFrom(...zones), fc.constantFrom(...zones), fc.boolean())
    .chain(([za, zb, same]) => fc.tuple(weekArb(za), weekArb(same ? za : zb)));
  // Every 17 minutes over two weeks from lint's instant, so every window of the week is met.
  const instants = Array.from({ length: 1200 }, (_, i) => BASE_MS + i * 17 * 60_000);

  it("never lets the covered invitation win while the covering one's schedule is inactive", () => {
    let found = 0;
    fc.assert(
      fc.property(pairArb, ([inner, outer]) => {
        const set: Invitation[] = [
          { id: TARGET, message: "Inner", position: 1, schedule: inner },
          { id: COVER, message: "Outer", position: 0, schedule: outer },
        ];
        if (!lintInvitations(set, { at: BASE_MS }).some((f) => f.code === "shadowed")) return;
        found += 1;
        for (const now of instants) expect(evaluate(set, { id: "v" }, now).invitation?.id, new Date(now).toISOString()).not.toBe(TARGET);
      }),
      { numRuns: 100 },
    );
    expect(found).toBeGreaterThan(0);
  });
});

describe("lintInvitations (the constructions are found)", () => {
  it("finds shadowed: an invitation ranked before the target whose conditions are a subset of the target's", () => {
    fc.assert(
      fc.property(lintSetArb("shadowed", true), (set) => {
        const target = set.findIndex((i) => i.id === TARGET);
        const findings = lintInvitations(set, { at: BASE_MS }).filter((f) => f.code === "shadowed" && f.path[0] === target);
        expect(findings).toHaveLength(1);
        // Named by the best-ranked invitation that covers it: the cover, or one ranked still better.
        expect(findings[0]?.message).toMatch(/^never wins: "/);
        const named = /"([^"]+)"/.exec(findings[0]?.message ?? "")?.[1];
        expect(named === COVER || set.some((i) => i.id === named && (i.position ?? 0) <= (set.find((j) => j.id === COVER) as Invitation).position!)).toBe(true);
      }),
    );
  });

  it.each(CONSTRUCTIONS.filter((k) => k !== "shadowed"))("finds %s on the target built for it", (kind) => {
    fc.assert(
      fc.property(lintSetArb(kind, true), (set) => {
        const target = set.findIndex((i) => i.id === TARGET);
        expect(lintInvitations(set, { at: BASE_MS }).some((f) => f.code === kind && f.path[0] === target)).toBe(true);
      }),
    );
  });

  it("reports no period that ends after the lint instant as never active", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 * 86_400 }), (s) => {
        const set: Invitation[] = [{ id: "a", message: "Hi", schedule: { type: "period", to: BASE_MS + s * 1000 } }];
        expect(lintInvitations(set, { at: BASE_MS }).filter((f) => f.code === "never_active")).toEqual([]);
      }),
    );
  });
});
