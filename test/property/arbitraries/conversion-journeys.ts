/**
 * Arbitraries for journeys through the conversion bookkeeping: a small set of invitations whose goals share event
 * names (in different cases), and host calls at instants from a small pool — not in order, so sentAt ties, windows
 * closing and expiries seen out of order all happen.
 */
import fc from "fast-check";
import type { Invitation } from "../../../src/types.js";
import { conversionRecordArb, eventNameArb } from "./conversions.js";

export const JOURNEY_INVITATIONS: readonly Invitation[] = [
  { id: "a", message: "A", conversion: { event: "ordered", withinSeconds: 4 }, expiresAfterSeconds: 3 },
  { id: "b", message: "B", conversion: { event: " Ordered ", withinSeconds: 2 } },
  { id: "c", message: "C", conversion: { event: "signup", withinSeconds: 6 }, expiresAfterSeconds: 1 },
  { id: "d", message: "D" },
];

export type JourneyStep =
  | { kind: "assign"; invitation: number; variationId: string; now: number }
  | { kind: "shown" | "closed" | "chat" | "session"; now: number }
  | { kind: "convert"; event: string; now: number }
  | { kind: "prune" };

const journeyInstantArb = fc.integer({ min: 0, max: 24 }).map((step) => step * 500);

export const journeyStepArb: fc.Arbitrary<JourneyStep> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant("assign" as const),
      invitation: fc.nat({ max: JOURNEY_INVITATIONS.length - 1 }),
      variationId: fc.constantFrom("x", "y"),
      now: journeyInstantArb,
    }),
  },
  { weight: 5, arbitrary: fc.record({ kind: fc.constantFrom("shown" as const, "closed" as const, "chat" as const, "session" as const), now: journeyInstantArb }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("convert" as const), event: eventNameArb, now: journeyInstantArb }) },
  { weight: 1, arbitrary: fc.constant({ kind: "prune" as const }) },
);

export const journeyArb: fc.Arbitrary<JourneyStep[]> = fc.array(journeyStepArb, { maxLength: 40 });

/** A stored state with any records and, sometimes, an assignment on screen that one of them (or none) belongs to. */
export const storedStateArb = fc
  .record({
    conversions: fc.array(conversionRecordArb, { maxLength: 12 }),
    pick: fc.nat(),
    current: fc.constantFrom("none", "open", "closed", "stray"),
    expiresIn: fc.option(fc.integer({ min: 0, max: 8 }).map((step) => step * 500), { nil: undefined }),
  })
  .map(({ conversions, pick, current, expiresIn }) => {
    const own = conversions[pick % Math.max(1, conversions.length)];
    const base = { v: 1 as const, sessionExcluded: [], seenOnce: [], conversions };
    if (current === "none" || (own === undefined && current !== "stray")) return base;
    const assignedAt = current === "stray" || own === undefined ? 777 : own.sentAt;
    return {
      ...base,
      current: {
        invitationId: own?.invitationId ?? "a",
        variationId: own?.variationId ?? "a",
        assignedAt,
        shownPageviews: 1,
        ...(expiresIn === undefined ? {} : { expiresAt: assignedAt + expiresIn }),
        ...(current === "closed" ? { closedAt: assignedAt } : {}),
      },
    };
  });
