/** What explain says of one candidate: the condition that does not hold, or what became of it. */
const CANDIDATE_REASONS = [
  // A candidate's conditions (docs/semantics.md: Semantics in detail, Schedules, Events): the one that does not hold.
  "disabled",
  "kind_mismatch",
  "trigger_mismatch",
  "time_on_site",
  "pageviews",
  "language",
  "identifier",
  "tag",
  "department",
  "referrer",
  "device",
  "url",
  "schedule",
  "attribute",
  "event",
  "operator_offline",
  "last_visit_too_recent",
  "last_chat_too_recent",
  "session_excluded",
  "once_per_visitor",
  // A candidate whose conditions hold.
  "eligible",
  "selected",
  "outranked",
  "armed",
  "injected",
] as const;

/**
 * Why an invitation is offered: `Decision.reason` when `status` is `"selected"` (`lowest_position`) or `"current"`
 * (`current_invitation`). How a tie was broken is explain's to tell (the tied candidates are "outranked"): a reason
 * that named the tie rule would make the decision depend on candidates that cannot win, and recheckAt would have to
 * watch them all.
 */
export const OFFER_REASONS = ["lowest_position", "current_invitation"] as const;

/** One of {@link OFFER_REASONS}. */
export type OfferReason = (typeof OFFER_REASONS)[number];

/** Why nothing is offered: `Decision.reason` when `status` is `"none"`. */
export const NONE_REASONS = [
  "no_invitations",
  "no_eligible_invitation",
  "chat_active",
  "recent_chat",
  "suppressed",
  "no_operator_online",
  "invalid_visitor",
  "invalid_clock",
  "invalid_options",
  "invalid_config",
  "evaluation_error",
] as const;

/** One of {@link NONE_REASONS}. */
export type NoneReason = (typeof NONE_REASONS)[number];

/** What a decision may warn about while still being made: `Decision.warnings`. */
export const WARNING_CODES = ["unresolved_placeholder", "no_random_operator_online"] as const;

/** One of {@link WARNING_CODES}. */
export type WarningCode = (typeof WARNING_CODES)[number];

/**
 * Every reason beckon gives, as a closed list. A decision's `reason`, its `warnings`, and each explained
 * candidate's `reasons` are drawn from it, so hosts can switch over them exhaustively.
 */
export const REASON_CODES = [...CANDIDATE_REASONS, ...OFFER_REASONS, ...NONE_REASONS, ...WARNING_CODES] as const;

/** One of {@link REASON_CODES}. */
export type ReasonCode = (typeof REASON_CODES)[number];
