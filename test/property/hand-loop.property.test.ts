// evaluate's selection against the hand-written loop (test/property/oracles/hand-loop.ts, also a competitor in the
// benchmark) on the benchmark's own invitation and visitor generators: the conditions the loop knows (standard
// invitations, no lifecycle state, no chat, no operators), with positions folded so ties are common.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compile, evaluate, type Invitation } from "../../src/index.js";
import { generateInvitations } from "../../bench/generate.js";
import { generateSamples } from "../../bench/generate-visitors.js";
import { handLoop } from "./oracles/hand-loop.js";

/** A benchmark set of 1–80 invitations; when `fold`, positions fall into three values, so many candidates tie. */
const setArb = fc
  .record({ count: fc.integer({ min: 1, max: 80 }), seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }), fold: fc.boolean() })
  .map(({ count, seed, fold }) => {
    const set = generateInvitations(count, seed);
    const invitations: Invitation[] = fold ? set.map((inv) => ({ ...inv, position: (inv.position ?? 0) % 3 })) : set;
    return { invitations, samples: generateSamples(12, seed) };
  });

describe("evaluate against the hand-written loop", () => {
  it("picks the hand loop's winner on the benchmark's sets", () => {
    fc.assert(
      fc.property(setArb, ({ invitations, samples }) => {
        const ruleset = compile(invitations);
        const decide = handLoop.kind === "sync" ? handLoop.build(invitations) : null;
        for (const { visitor, now } of samples) {
          expect(evaluate(ruleset, visitor, now).invitation?.id ?? null).toBe(decide?.(visitor, now) ?? null);
        }
      }),
      { numRuns: 100 },
    );
  });
});
