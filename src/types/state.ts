/** A visitor's invitation state: what was shown, closed and sent, and the conversions it led to. */

/** The invitation currently assigned to a visitor (docs/api.md: The visitor's life). */
export interface CurrentInvitation {
  invitationId: string;
  variationId: string;
  assignedAt: number;
  shownPageviews: number;
  closedAt?: number;
  expiresAt?: number;
}

/** Status of a conversion record (docs/api.md: Conversions). */
export type ConversionStatus = "sent" | "shown" | "closed" | "chatStarted";

/** One sent invitation awaiting (or having reached) its conversion goal. */
export interface ConversionRecord {
  invitationId: string;
  variationId: string;
  campaign: string;
  status: ConversionStatus;
  sentAt: number;
  event: string;
  expiresAt: number;
  convertedAt?: number;
}

/**
 * What pruned conversion records of one invitation and variation added up to: the counts `summarize` gives them,
 * kept once the records themselves can no longer change an outcome.
 */
export interface ConversionTally {
  invitationId: string;
  variationId: string;
  sent: number;
  shown: number;
  closed: number;
  chatStarted: number;
  converted: number;
}

/** What a visitor has been shown, closed and excluded from, as versioned JSON (docs/api.md: The visitor's life). */
export interface InvitationState {
  v: 1;
  current?: CurrentInvitation;
  suppressedUntil?: number;
  sessionExcluded: string[];
  seenOnce: string[];
  conversions: ConversionRecord[];
  /** Counts of conversion records pruned from `conversions`, one per (invitationId, variationId); absent = none. */
  conversionTallies?: ConversionTally[];
}

/** What `recordConversion` did. */
export type ConversionOutcome = "converted" | "no_record" | "expired" | "already_converted";

/** Counts per invitation and variation, from `summarize`: a tally and its rate. */
export interface ConversionSummary extends ConversionTally {
  /** `converted / sent`, 0 when nothing was sent. */
  conversionRate: number;
}
