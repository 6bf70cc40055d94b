import type { ReasonCode } from "../reason-codes.js";
import type { ConversionOutcome, Decision, RecordEventOutcome, Trigger } from "../types.js";

/** The part of a decision a timeline shows. */
export interface TimelineDecision {
  status: Decision["status"];
  invitationId: string | null;
  variationId: string | null;
  message: string | null;
  reason: ReasonCode | null;
  /** Ids of the dynamic invitations the widget would arm. */
  armed: string[];
  recheckAt: number | null;
}

/** What happened at an instant, told apart by `kind`. */
export type TimelineHappening =
  | { kind: "start"; url: string | null }
  | { kind: "recheck" }
  | { kind: "page"; url: string; referrer?: string; title?: string }
  | { kind: "event"; name: string; value?: string; outcome: RecordEventOutcome }
  | { kind: "shown"; counted: boolean }
  | { kind: "closed"; onScreen: boolean }
  | { kind: "chatStarted"; fromInvitation: boolean }
  | { kind: "conversion"; event: string; outcome: ConversionOutcome }
  | { kind: "newSession"; awayMs: number; url: string | null; referrer?: string; title?: string }
  | { kind: "trigger"; trigger: Trigger };

/** One instant of a timeline: what happened, and the check that followed it. */
export interface TimelineEntry {
  /** Epoch ms. */
  at: number;
  /** The index of the journey step, or `null` for the start and for rechecks. */
  step: number | null;
  what: TimelineHappening;
  /** The check at this instant began a new session (more than 30 minutes after the last check). */
  newSession: boolean;
  decision: TimelineDecision;
}

/** A simulated journey. */
export interface Timeline {
  /** The journey's start and the last instant simulated, epoch ms. */
  start: number;
  end: number;
  entries: TimelineEntry[];
  /** Steps not run because they come after `end`. */
  stepsLeft: number;
  /** The simulation stopped at `MAX_SIMULATION_RECHECKS` rechecks, before `end`. */
  truncated: boolean;
}

/**
 * A decision as a timeline shows it.
 *
 * @example
 * timelineDecision(evaluate(ruleset, visitor, now)) // => { status: "selected", invitationId: "hello", … }
 */
export function timelineDecision(decision: Decision): TimelineDecision {
  return {
    status: decision.status,
    invitationId: decision.invitation?.id ?? null,
    variationId: decision.variationId,
    message: decision.message,
    reason: decision.reason,
    armed: decision.armed.map((armed) => armed.invitationId),
    recheckAt: decision.recheckAt,
  };
}
