/** Event definitions: the events a website may log, and what recording one did. */

/** Declares an event the website may log (LHC "proactive chat variable", docs/api.md: Events). */
export interface EventDefinition {
  name: string;
  /** Refresh instead of append while the newest matching record is younger than this; 0 = refresh for ever. */
  storeTimeoutSeconds?: number;
  /** Only a record with the same value counts as the one to refresh. */
  filterByValue?: boolean;
}

/** What `recordEvent` did with an event. */
export type RecordEventOutcome = "appended" | "refreshed" | "unknown_event";
