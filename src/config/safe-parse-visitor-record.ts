import type { InvitationState, VisitorEvent } from "../types.js";
import { parseWithSchema } from "./parse-with-schema.js";
import type { SafeParseResult } from "./safe-parse-result.js";
import { VISITOR_LIMITS } from "./visitor-limits.js";
import { visitorRecordSchema } from "./visitor-record-schema.js";

/** What the service keeps per visitor, as the parser returns it. */
export interface VisitorRecordData {
  state: InvitationState;
  events: VisitorEvent[];
  lastActivityAt?: number;
  lastUrl?: string;
  shownAssignedAt?: number;
}

/**
 * Validates a visitor record read back from storage without throwing: the state as `parseState` checks it, the
 * event log as a visitor's `events`, the same string and list limits, and the service's own fields.
 *
 * @example
 * safeParseVisitorRecord({ state: { v: 1, sessionExcluded: [], seenOnce: [], conversions: [] }, events: [] }).success // => true
 * safeParseVisitorRecord({ state: {}, events: [null] }).error.issues.map((issue) => issue.path)
 * // => [["events", 0], ["state", "conversions"], …]
 */
export function safeParseVisitorRecord(input: unknown): SafeParseResult<VisitorRecordData> {
  return parseWithSchema(visitorRecordSchema, input, "visitor record", undefined, VISITOR_LIMITS);
}
