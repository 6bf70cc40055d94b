/**
 * Arbitraries for conversion records (docs/api.md: Conversions). Ids, event names and times come from small pools so records of one
 * invitation, one event and one instant meet often: ties in `sentAt`, names differing only in case, windows that
 * have just closed.
 */
import fc from "fast-check";
import type { ConversionRecord, ConversionStatus, Invitation, InvitationState } from "../../../src/types.js";

export const invitationIdArb: fc.Arbitrary<string> = fc.constantFrom("a", "b", "B", "sale");
export const eventNameArb: fc.Arbitrary<string> = fc.constantFrom("ordered", "Ordered", " ORDERED ", "signup", "");
export const statusArb: fc.Arbitrary<ConversionStatus> = fc.constantFrom("sent", "shown", "closed", "chatStarted");
export const moveArb: fc.Arbitrary<"shown" | "closed" | "chatStarted"> = fc.constantFrom("shown", "closed", "chatStarted");

/** Instants in ms, coarse enough that sentAt ties and `now === expiresAt` happen. */
export const instantArb: fc.Arbitrary<number> = fc.integer({ min: 0, max: 40 }).map((step) => step * 500);

export const conversionRecordArb: fc.Arbitrary<ConversionRecord> = fc
  .record({
    invitationId: invitationIdArb,
    variationId: fc.constantFrom("a", "x", "y"),
    campaign: fc.constantFrom("", "spring"),
    status: statusArb,
    sentAt: instantArb,
    event: eventNameArb,
    windowMs: fc.integer({ min: 0, max: 10 }).map((step) => step * 500),
    converted: fc.option(fc.nat({ max: 5000 }), { nil: undefined }),
  })
  .map(({ windowMs, converted, ...rest }) => {
    const record: ConversionRecord = { ...rest, expiresAt: rest.sentAt + windowMs };
    // A stored conversion always happened inside its window.
    return converted === undefined || windowMs === 0
      ? record
      : { ...record, convertedAt: rest.sentAt + (converted % windowMs) };
  });

export const conversionRecordsArb: fc.Arbitrary<ConversionRecord[]> = fc.array(conversionRecordArb, { maxLength: 12 });

export const invitationStateArb: fc.Arbitrary<InvitationState> = fc.record({
  v: fc.constant(1 as const),
  sessionExcluded: fc.array(invitationIdArb, { maxLength: 2 }),
  seenOnce: fc.array(invitationIdArb, { maxLength: 2 }),
  conversions: conversionRecordsArb,
});

/** One `recordConversion` call: which event the site reports and when. */
export const conversionCallArb: fc.Arbitrary<{ eventName: string; now: number }> = fc.record({
  eventName: eventNameArb,
  now: fc.integer({ min: 0, max: 50 }).map((step) => step * 500),
});

export const conversionInvitationArb: fc.Arbitrary<Invitation> = fc.record(
  {
    id: invitationIdArb,
    message: fc.constant("Hi"),
    campaign: fc.constantFrom("", "spring"),
    conversion: fc.record({ event: eventNameArb, withinSeconds: fc.integer({ min: 1, max: 86_400 }) }),
  },
  { requiredKeys: ["id", "message"] },
);
