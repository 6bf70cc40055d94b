import type { ConfigIssue } from "./config-error.js";
import { durationMs, journeySchema, MAX_INSTANT_MS, startMs, type Journey } from "./journey-schema.js";
import { parseWithSchema } from "./parse-with-schema.js";
import type { ReadLimits } from "./read-plain.js";
import type { SafeParseResult } from "./safe-parse-result.js";
import { VISITOR_LIMITS } from "./visitor-limits.js";

/**
 * A journey is read with a visitor's bounds (every string at most `MAX_VISITOR_STRING_LENGTH`, since a page's URL or
 * an event's value goes into the snapshot), room for the steps, and twice a visitor's values in all.
 */
const JOURNEY_LIMITS: ReadLimits = { ...VISITOR_LIMITS, maxValues: 2 * VISITOR_LIMITS.maxValues };

/**
 * Validates a journey for `simulateJourney` / `beckon simulate` (docs/journey.md) without throwing: every problem,
 * in the start, the visitor snapshot or any step, is listed in `error.issues` with its path
 * (`["steps", 3, "for"]`). Besides each part's own rules, the journey must end within the range of a `Date`. The data
 * is a fresh deep copy, durations and the start as written.
 *
 * @example
 * safeParseJourney({ start: "2026-12-02T09:00:00Z", visitor: { id: "v1" }, steps: [{ do: "wait", for: "30s" }] })
 * // => { success: true, data: { start: "2026-12-02T09:00:00Z", visitor: { id: "v1" }, steps: [{ do: "wait", for: "30s" }] } }
 * safeParseJourney({ start: 0, visitor: { id: "v1" }, steps: [{ do: "wait", for: "soon" }] }).error.issues[0].path
 * // => ["steps", 0, "for"]
 */
export function safeParseJourney(input: unknown): SafeParseResult<Journey> {
  return parseWithSchema(journeySchema, input, "journey", checkEnd, JOURNEY_LIMITS);
}

/**
 * Runs on the raw input next to the schema: once the start and the durations are readable, the instant each step
 * reaches must stay a `Date`'s. A journey whose parts are invalid is left to the schema's issues.
 */
function checkEnd(input: unknown): ConfigIssue[] {
  const parsed = journeySchema.safeParse(input);
  if (!parsed.success) return [];
  let at = startMs(parsed.data.start);
  for (const [index, step] of parsed.data.steps.entries()) {
    const span = step.do === "wait" ? step.for : step.do === "newSession" ? step.after : undefined;
    if (span === undefined) continue;
    at += durationMs(span);
    if (at > MAX_INSTANT_MS) {
      return [{ code: "too_big", path: ["steps", index], message: "the journey would pass the last instant a Date can hold (year 275760)" }];
    }
  }
  return [];
}
