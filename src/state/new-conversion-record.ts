import type { ConversionRecord, Invitation } from "../types.js";

/**
 * The conversion record for an invitation just assigned to a visitor (docs/api.md: Conversions), or `null` when the invitation has
 * no `conversion` goal. The window starts at assignment ("sent"), not when the visitor clicks, as in LHC.
 *
 * @example
 * const invitation = { id: "sale", message: "Hi", campaign: "spring", conversion: { event: "ordered", withinSeconds: 60 } };
 * newConversionRecord(invitation, "b", 1_000)
 * // => { invitationId: "sale", variationId: "b", campaign: "spring", status: "sent", sentAt: 1000,
 * //      event: "ordered", expiresAt: 61000 }
 */
export function newConversionRecord(invitation: Invitation, variationId: string, now: number): ConversionRecord | null {
  const conversion = invitation.conversion;
  if (conversion === undefined) return null;
  return {
    invitationId: invitation.id,
    variationId,
    campaign: invitation.campaign ?? "",
    status: "sent",
    sentAt: now,
    event: conversion.event,
    expiresAt: now + conversion.withinSeconds * 1000,
  };
}
