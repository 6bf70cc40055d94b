/**
 * One visitor's record as the service keeps it, and what a call does to it: the new record, the counters it moves
 * and its answer. Shared by the service (storage/) and the simulation (simulate/), so the two cannot drift.
 */
import type { InvitationState, VisitorEvent } from "../types.js";

/** Everything beckon keeps about one visitor between calls. */
export interface VisitorRecord {
  state: InvitationState;
  /** The visitor's event log (docs/api.md: Events), pruned to what the invitation set can still count. */
  events: VisitorEvent[];
  /** Last activity, for the 30-minute session rule. */
  lastActivityAt?: number;
  /** Last page seen, the `previousUrl` of the next page view. */
  lastUrl?: string;
  /** The assignment (`assignedAt`) last counted as shown, so a repeated "shown" is not counted twice. */
  shownAssignedAt?: number;
}

/** The counters kept per invitation and variation. */
export const COUNTER_NAMES = ["assigned", "shown", "closed", "chatStarted", "converted"] as const;

/** One of {@link COUNTER_NAMES}. */
export type CounterName = (typeof COUNTER_NAMES)[number];

/** Adds `by` (default 1) to one counter. */
export interface CounterIncrement {
  invitationId: string;
  variationId: string;
  counter: CounterName;
  by?: number;
}

/** What one atomic step computes from a visitor's record. */
export interface VisitorChange<T> {
  record: VisitorRecord;
  increments?: readonly CounterIncrement[];
  result: T;
}
