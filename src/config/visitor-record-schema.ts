/** Structure of what the service stores per visitor (docs/storage.md: Storage and the service). */
import * as z from "zod/mini";
import { expected } from "./expected.js";
import { numberSchema, optional, stringSchema } from "./field-schemas.js";
import { stateSchema } from "./state-schema.js";
import { visitorEventSchema } from "./visitor-schema.js";
import { MAX_VISITOR_EVENTS } from "./visitor-limits.js";

/**
 * A stored visitor record: the state and the event log under the same rules as the API's (`parseState`, a visitor's
 * `events`), plus the service's bookkeeping. Strict, so a field beckon never writes is reported, not carried along.
 *
 * @example
 * visitorRecordSchema.parse({ state: { v: 1, sessionExcluded: [], seenOnce: [], conversions: [] }, events: [] })
 */
export const visitorRecordSchema = z.strictObject(
  {
    state: stateSchema,
    events: z.array(visitorEventSchema).check(z.maxLength(MAX_VISITOR_EVENTS)),
    lastActivityAt: optional(numberSchema),
    lastUrl: optional(stringSchema),
    shownAssignedAt: optional(numberSchema),
  },
  { error: expected("a visitor record object") },
);
