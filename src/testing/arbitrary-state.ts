import fc from "fast-check";
import type { ConversionRecord, CurrentInvitation, InvitationState } from "../types.js";
import { compact, rarely } from "./optional.js";
import { TESTING_BASE_MS } from "./vocabulary.js";

const secondsAround = (around: number, min: number, max: number): fc.Arbitrary<number> =>
  fc.integer({ min, max }).map((s) => around + s * 1000);

/** The invitation on screen: one the set has, one it lost ("gone"), closed or not, expiring or not. */
function currentArb(around: number): fc.Arbitrary<CurrentInvitation> {
  return fc
    .record(
      {
        invitationId: fc.constantFrom("inv-0", "inv-1", "inv-2", "gone"),
        variationId: fc.constantFrom("", "-b"),
        assignedAt: secondsAround(around, -3600, 0),
        shownPageviews: fc.integer({ min: 0, max: 3 }),
        closedAt: rarely(secondsAround(around, -600, 0), 2),
        expiresAt: rarely(secondsAround(around, -600, 600), 2),
      },
      { requiredKeys: ["invitationId", "variationId", "assignedAt", "shownPageviews"] },
    )
    .map((current) => compact({ ...current, variationId: `${current.invitationId}${current.variationId}` }));
}

function conversionArb(around: number): fc.Arbitrary<ConversionRecord> {
  return fc
    .record(
      {
        invitationId: fc.constantFrom("inv-0", "inv-1"),
        campaign: fc.constantFrom("spring", ""),
        status: fc.constantFrom("sent" as const, "shown" as const, "closed" as const, "chatStarted" as const),
        sentAt: secondsAround(around, -7200, 0),
        event: fc.constantFrom("ordered", "signup"),
        expiresAt: secondsAround(around, -3600, 7200),
        convertedAt: rarely(secondsAround(around, -3600, 0), 2),
      },
      { requiredKeys: ["invitationId", "campaign", "status", "sentAt", "event", "expiresAt"] },
    )
    .map((record) => compact({ ...record, variationId: record.invitationId }));
}

/**
 * A valid visitor state (`visitor.state`) around `around`: sometimes a current invitation (`inv-0` … `inv-2`, the
 * ids `arbitraryInvitations` gives, or one the set lost), a suppression, conversion records, exclusions.
 *
 * @example
 * fc.assert(fc.property(arbitraryState(), (state) => safeParseState(state).success))
 */
export function arbitraryState(options: { readonly around?: number } = {}): fc.Arbitrary<InvitationState> {
  const around = options.around ?? TESTING_BASE_MS;
  return fc
    .record(
      {
        v: fc.constant(1 as const),
        current: rarely(currentArb(around), 2),
        sessionExcluded: fc.array(fc.constantFrom("inv-0", "inv-1"), { maxLength: 1 }),
        seenOnce: fc.array(fc.constantFrom("inv-0", "inv-2"), { maxLength: 1 }),
        conversions: fc.array(conversionArb(around), { maxLength: 2 }),
        suppressedUntil: rarely(secondsAround(around, -120, 120), 2),
      },
      { requiredKeys: ["v", "sessionExcluded", "seenOnce", "conversions"] },
    )
    .map(compact);
}
