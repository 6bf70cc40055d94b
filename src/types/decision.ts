/** The answer of `evaluate`: a decision told apart by its status. */
import type { NoneReason, WarningCode } from "../reason-codes.js";
import type { Invitation, JsonValue, RequiresConfig, Trigger, WaitConfig } from "./invitation.js";

/** Sender shown with the invitation. */
export interface DecisionOperator {
  id?: string;
  name: string;
}

/** What every decision carries, whatever its status. */
interface DecisionCommon {
  /** Eligible dynamic invitations for the widget to arm with their triggers (plain calls only). */
  armed: { invitationId: string; trigger: Trigger }[];
  /** Eligible inject invitations, by rank, with their `design` (plain calls only). */
  inject: { invitationId: string; design: { [key: string]: JsonValue } }[];
  /** Things worth knowing about a decision that was still made. */
  warnings: WarningCode[];
  /** The earliest future instant the decision can change with no new visitor input, in epoch ms; `null`: never. */
  recheckAt: number | null;
  /** The one instant used, in epoch ms (`NaN` for an unusable clock). */
  at: number;
}

/** What an offered invitation brings: its content rendered for the visitor, and what it passes through. */
interface OfferFields {
  /** The winner, the very object configured (treat it as read-only). */
  invitation: Invitation;
  /** The variation shown: the invitation's own id for its base content. */
  variationId: string;
  /** The rendered message. */
  message: string;
  /** The sender; `id` when a random online operator was picked. */
  operator: DecisionOperator;
  /** Passed through from the winner (deep-frozen). */
  wait: WaitConfig | null;
  /** Passed through from the winner, all three flags filled in (deep-frozen). */
  requires: Required<RequiresConfig> | null;
  /** Passed through from the winner (deep-frozen). */
  design: { [key: string]: JsonValue } | null;
}

/** A new invitation offered to the visitor: the eligible one ranked first. */
export interface SelectedDecision extends DecisionCommon, OfferFields {
  status: "selected";
  reason: "lowest_position";
}

/** The visitor's current invitation, which still stands. */
export interface CurrentDecision extends DecisionCommon, OfferFields {
  status: "current";
  reason: "current_invitation";
}

/** Nothing offered, and why. */
export interface NoDecision extends DecisionCommon {
  status: "none";
  invitation: null;
  variationId: null;
  message: null;
  operator: null;
  wait: null;
  requires: null;
  design: null;
  reason: NoneReason;
}

/**
 * The answer of `evaluate` (docs/api.md: Decision), told apart by `status`: after `decision.status !== "none"`, the
 * invitation, its message and sender are there, and `reason` says why for each status.
 */
export type Decision = SelectedDecision | CurrentDecision | NoDecision;
