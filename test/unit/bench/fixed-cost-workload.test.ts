// bench/fixed-cost-workload.ts: its two shapes are the workloads item 8 of issue 11 is measured on. The plain loop of
// bench/plain-loop.ts, written for exactly those conditions, must pick evaluate's winner for every visitor of both (on
// the scan without a mask and on the masked one), and `every` must restrict every dimension on every invitation.
import { describe, expect, it } from "vitest";
import { fixedCostWorkload, workloadShape } from "../../../bench/fixed-cost-workload.js";
import { plainLoop, prepare } from "../../../bench/plain-loop.js";
import { compile, evaluate } from "../../../src/index.js";

describe("fixedCostWorkload", () => {
  for (const shape of ["mixed", "every"] as const) {
    // 10: every candidate checked; 200: above the size where a scan uses the mask.
    for (const k of [10, 200]) {
      it(`${shape}, K = ${k}: the plain loop picks evaluate's winner for every visitor`, () => {
        const { invitations, visitors, instants } = fixedCostWorkload(k, 300, shape);
        const ruleset = compile(invitations);
        const plain = invitations.map(prepare);
        const winners = visitors.map((visitor, i) => evaluate(ruleset, visitor, instants[i] as number).invitation?.id ?? null);
        const looped = visitors.map((visitor, i) => {
          const index = plainLoop(plain, visitor, instants[i] as number);
          return index < 0 ? null : (invitations[index]?.id ?? null);
        });
        expect(looped).toEqual(winners);
        // Not vacuous: the mixed shape has winners (the every shape has almost none by design; see bench/README.md).
        if (shape === "mixed") expect(winners.filter((id) => id !== null).length).toBeGreaterThan(30);
      });
    }
  }

  it("`every` restricts every dimension on every invitation, at the positions `mixed` gives", () => {
    const mixed = fixedCostWorkload(50, 5, "mixed").invitations;
    const every = fixedCostWorkload(50, 5, "every").invitations;
    for (const [i, invitation] of every.entries()) {
      expect(invitation.language).not.toBe("");
      expect(invitation.identifier).not.toBe("");
      expect(invitation.tag).not.toBe("");
      expect(invitation.departments).toHaveLength(1);
      expect(invitation.referrer).not.toBe("");
      expect(invitation.devices).toHaveLength(1);
      expect(invitation.urls).toHaveLength(2);
      expect(invitation.events).toHaveLength(1);
      expect(invitation.position).toBe(mixed[i]?.position);
    }
    // The default is the mixed shape, which leaves some dimensions open.
    expect(fixedCostWorkload(50, 5).invitations).toEqual(mixed);
    expect(mixed.some((invitation) => invitation.language === "")).toBe(true);
  });

  it("workloadShape names the default and refuses anything else", () => {
    expect(workloadShape(undefined)).toBe("mixed");
    expect(workloadShape("every")).toBe("every");
    expect(() => workloadShape("all")).toThrow(/--shape: expected "mixed" or "every", got "all"/);
  });
});
