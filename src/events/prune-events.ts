import { compiledRuleset, type Ruleset } from "../compile/compile.js";
import { normalizeText } from "../conditions/text.js";
import type { CompiledInvitation } from "../compile/compile-invitation.js";
import type { Invitation, VisitorEvent } from "../types.js";
import { checkLogLength } from "./check-log-length.js";

/**
 * How many records of one event name {@link pruneEvents} keeps at most, unless a condition needs more.
 *
 * @example
 * pruneEvents(log, ruleset, now, { maxPerName: DEFAULT_MAX_EVENTS_PER_NAME * 2 })
 */
export const DEFAULT_MAX_EVENTS_PER_NAME = 100;

/** What the conditions on one (normalised) event name need from the log. */
interface NameNeeds {
  /** The widest window in ms; 0 when some condition counts records of every age. */
  windowMs: number;
  /** The largest `minCount`: more records than that never make a condition hold sooner or longer. */
  minCount: number;
}

/**
 * Shrinks a visitor's event log to what the given invitations can still use, so that evaluating them with the pruned
 * log gives exactly the same decisions (and explanations) at `now` and at every later instant. Dropped: records
 * evaluation ignores (no string name, no finite `at`), records of names no event condition mentions, records too old
 * for every window on their name (windows only move forward, so they can never count again), and, per name, all but
 * the newest `max(maxPerName, largest minCount on that name)` records — a condition only ever looks at its `minCount`
 * newest records. Kept records stay in their order; the input is never changed. Prune against the whole invitation
 * set in use: records another set needs may go. Throws `ConfigError` when `invitations` is a plain array that is not
 * a valid invitation set (as `compile` does), or when the log holds more than `MAX_VISITOR_EVENTS` records.
 *
 * @example
 * const events = [{ event: "login_failed", minCount: 5, withinSeconds: 1800 }];
 * const ruleset = compile([{ id: "locked-out", message: "Trouble signing in?", events }]);
 * const hourAgo = now - 3_600_000;
 * const log = [{ name: "scroll", at: now }, { name: "login_failed", at: hourAgo }, { name: "Login_Failed", at: now }];
 * pruneEvents(log, ruleset, now) // => [{ name: "Login_Failed", at: now }]
 */
export function pruneEvents(
  log: readonly VisitorEvent[] | undefined,
  invitations: Ruleset | readonly Invitation[],
  now: number,
  options: { maxPerName?: number } = {},
): VisitorEvent[] {
  const needs = needsByName(compiledRuleset(invitations).all);
  const limit = options.maxPerName ?? DEFAULT_MAX_EVENTS_PER_NAME;
  const maxPerName = Number.isNaN(limit) ? DEFAULT_MAX_EVENTS_PER_NAME : limit;
  const records = log ?? [];
  checkLogLength(records);
  const kept = new Set<number>();
  for (const [key, indexes] of stillUsable(records, needs, now)) {
    const cap = Math.max(maxPerName, (needs.get(key) as NameNeeds).minCount);
    for (const index of newestFirst(records, indexes).slice(0, cap)) kept.add(index);
  }
  return records.filter((_, index) => kept.has(index));
}

/** Indexes of the records some condition can still count, by normalised name. */
function stillUsable(
  records: readonly VisitorEvent[],
  needs: ReadonlyMap<string, NameNeeds>,
  now: number,
): Map<string, number[]> {
  const usable = new Map<string, number[]>();
  records.forEach((record, index) => {
    // Evaluation skips records it cannot read (JSON garbage such as `null` included), so they never count.
    if (typeof record !== "object" || record === null || typeof record.name !== "string" || !Number.isFinite(record.at)) return;
    const key = normalizeText(record.name);
    const need = needs.get(key);
    if (need === undefined || (need.windowMs > 0 && now - record.at >= need.windowMs)) return;
    const indexes = usable.get(key);
    if (indexes === undefined) usable.set(key, [index]);
    else indexes.push(index);
  });
  return usable;
}

/** Merges every event condition of every invitation, disabled ones included, by normalised name. */
function needsByName(invitations: readonly CompiledInvitation[]): Map<string, NameNeeds> {
  const needs = new Map<string, NameNeeds>();
  for (const { events } of invitations) {
    for (const { event, minCount, withinMs } of events) {
      const known = needs.get(event);
      if (known === undefined) {
        needs.set(event, { windowMs: withinMs, minCount });
        continue;
      }
      const windowMs = known.windowMs === 0 || withinMs === 0 ? 0 : Math.max(known.windowMs, withinMs);
      needs.set(event, { windowMs, minCount: Math.max(known.minCount, minCount) });
    }
  }
  return needs;
}

/** Largest `at` first; on a tie the later record counts as the newer one. */
function newestFirst(records: readonly VisitorEvent[], indexes: readonly number[]): number[] {
  const at = (index: number): number => (records[index] as VisitorEvent).at;
  return [...indexes].sort((a, b) => at(b) - at(a) || b - a);
}
