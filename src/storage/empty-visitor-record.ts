import { emptyState } from "../state/empty-state.js";
import type { VisitorRecord } from "./types.js";

/**
 * The record of a visitor nothing is known about: an empty state and no events. A first call starts from it, and
 * `forgetVisitor` leaves it behind in place of what was erased.
 *
 * @example
 * emptyVisitorRecord() // => { state: emptyState(), events: [] }
 */
export function emptyVisitorRecord(): VisitorRecord {
  return { state: emptyState(), events: [] };
}
