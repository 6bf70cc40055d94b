import type { Visitor } from "../types.js";
import { VISITOR_LIMITS } from "./visitor-limits.js";
import { parseWithSchema } from "./parse-with-schema.js";
import type { SafeParseResult } from "./safe-parse-result.js";
import { visitorSchema } from "./visitor-schema.js";

/**
 * Validates a visitor snapshot arriving as JSON (docs/api.md: Visitor snapshot) without throwing. The data is a fresh deep copy; no default
 * is filled in.
 *
 * @example
 * safeParseVisitor({ id: "v1", pageviews: 2 }) // => { success: true, data: { id: "v1", pageviews: 2 } }
 * safeParseVisitor({ id: "v1", pageviews: 1.5 }).error.issues[0].code // => "not_integer"
 */
export function safeParseVisitor(input: unknown): SafeParseResult<Visitor> {
  return parseWithSchema(visitorSchema, input, "visitor", undefined, VISITOR_LIMITS);
}
