import type { ReasonCode } from "../reason-codes.js";

/** One invitation as `explain` reports it. */
export interface CandidateExplanation {
  invitationId: string;
  eligible: boolean;
  reasons: ReasonCode[];
}

/**
 * Collects what the evaluation pipeline found about each invitation when `explain` runs it. `evaluate` runs the
 * same pipeline without a recorder; that is the only difference between the two.
 *
 * @example
 * const recorder = new Recorder();
 * recorder.checked("pricing", false, ["url", "time_on_site"]);
 * recorder.list(["pricing"]) // => [{ invitationId: "pricing", eligible: false, reasons: ["url", "time_on_site"] }]
 */
export class Recorder {
  private readonly entries = new Map<string, CandidateExplanation>();

  /** Records the outcome of checking one invitation; `reasons` lists every condition that failed. */
  checked(invitationId: string, eligible: boolean, reasons: ReasonCode[]): void {
    this.entries.set(invitationId, { invitationId, eligible, reasons: eligible ? ["eligible"] : reasons });
  }

  /** Adds what became of an eligible invitation after the checks (selected, outranked, armed, …). */
  outcome(invitationId: string, reason: ReasonCode): void {
    const entry = this.entries.get(invitationId);
    if (entry?.eligible === true) entry.reasons.push(reason);
  }

  /** Records an invitation that was not checked, and why. */
  skipped(invitationId: string, reason: ReasonCode, eligible = false): void {
    if (!this.entries.has(invitationId)) this.entries.set(invitationId, { invitationId, eligible, reasons: [reason] });
  }

  /** Every recorded invitation, in the order of `ids`. */
  list(ids: readonly string[]): CandidateExplanation[] {
    return ids.flatMap((id) => {
      const entry = this.entries.get(id);
      return entry === undefined ? [] : [entry];
    });
  }
}
