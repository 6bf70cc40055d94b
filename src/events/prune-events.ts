import { compiledRuleset, type Ruleset } from "../compile/compile.js";
import type { CompiledInvitation } from "../compile/compile-invitation.js";
import type { Invitation, VisitorEvent } from "../types.js";
import { checkNumber } from "../config/check-number.js";
import { checkLogArguments } from "./check-log-arguments.js";
import { normalName, type EventBook } from "./event-book.js";

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
 * a valid invitation set (as `compile` does), when the log holds more than `MAX_VISITOR_EVENTS` records, or when
 * `now` or `maxPerName` is not a number.
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
  const needs = needsOf(compiledRuleset(invitations).all);
  const limit: unknown = options.maxPerName ?? DEFAULT_MAX_EVENTS_PER_NAME;
  // Compared with every name's count.
  checkNumber(limit, "maxPerName", "expected a number of records", "options");
  return prune(log, needs, now, Number.isNaN(limit) ? DEFAULT_MAX_EVENTS_PER_NAME : limit, null);
}

/**
 * {@link pruneEvents} with the default `maxPerName`, for a caller that keeps an event book (see `eventBook`): the
 * names of records written by its definitions are not normalised again.
 */
export function pruneBookedEvents(
  log: readonly VisitorEvent[] | undefined,
  invitations: Ruleset | readonly Invitation[],
  now: number,
  book: EventBook,
): VisitorEvent[] {
  return prune(log, needsOf(compiledRuleset(invitations).all), now, DEFAULT_MAX_EVENTS_PER_NAME, book);
}

function prune(
  log: readonly VisitorEvent[] | undefined,
  needs: ReadonlyMap<string, NameNeeds>,
  now: number,
  maxPerName: number,
  book: EventBook | null,
): VisitorEvent[] {
  const records = log ?? [];
  checkLogArguments(records, now);
  const kept = new Uint8Array(records.length);
  let count = 0;
  for (const { need, indexes } of stillUsable(records, needs, now, book)) {
    const newest = newestFirst(records, indexes);
    const keep = Math.min(Math.max(maxPerName, need.minCount), newest.length);
    for (let i = 0; i < keep; i++) kept[newest[i] as number] = 1;
    count += keep;
  }
  const pruned: VisitorEvent[] = new Array(count);
  for (let index = 0, at = 0; at < count; index++) if (kept[index] === 1) pruned[at++] = records[index] as VisitorEvent;
  return pruned;
}

/** The records of one normalised name that some condition can still count. */
interface Usable {
  need: NameNeeds;
  indexes: number[];
}

/** Indexes of the records some condition can still count, one group per normalised name. */
function stillUsable(records: readonly VisitorEvent[], needs: ReadonlyMap<string, NameNeeds>, now: number, book: EventBook | null): Usable[] {
  const groups: Usable[] = [];
  // A log repeats a few names many times: each name is normalised and looked up once (null: no condition needs it).
  const byName = new Map<string, Usable | null>();
  const byKey = new Map<string, Usable>();
  for (let index = 0; index < records.length; index++) {
    const record = records[index];
    // Evaluation skips records it cannot read (JSON garbage such as `null` included), so they never count.
    if (typeof record !== "object" || record === null) continue;
    const name = record.name;
    const at = record.at;
    if (typeof name !== "string" || !Number.isFinite(at)) continue;
    let group = byName.get(name);
    if (group === undefined) {
      const key = normalName(book, name);
      const need = needs.get(key);
      group = need === undefined ? null : (byKey.get(key) ?? null);
      if (need !== undefined && group === null) {
        group = { need, indexes: [] };
        byKey.set(key, group);
        groups.push(group);
      }
      byName.set(name, group);
    }
    if (group === null || (group.need.windowMs > 0 && now - at >= group.need.windowMs)) continue;
    group.indexes.push(index);
  }
  return groups;
}

/** The needs of each compiled set, worked out once: a set is frozen, so they never change. */
const NEEDS = new WeakMap<readonly CompiledInvitation[], Map<string, NameNeeds>>();

function needsOf(invitations: readonly CompiledInvitation[]): ReadonlyMap<string, NameNeeds> {
  let needs = NEEDS.get(invitations);
  if (needs === undefined) NEEDS.set(invitations, (needs = needsByName(invitations)));
  return needs;
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

/**
 * Largest `at` first; on a tie the later record counts as the newer one. A log kept in the order it was written is
 * oldest first: then this is its indexes backwards, and a log kept newest first (no ties) is its indexes as they are,
 * with no sort.
 */
function newestFirst(records: readonly VisitorEvent[], indexes: number[]): number[] {
  let ascending = true;
  let descending = true;
  for (let i = 1; i < indexes.length && (ascending || descending); i++) {
    const before = (records[indexes[i - 1] as number] as VisitorEvent).at;
    const after = (records[indexes[i] as number] as VisitorEvent).at;
    ascending &&= before <= after;
    descending &&= before > after;
  }
  if (descending) return indexes;
  if (ascending) return indexes.reverse();
  // No named helper: this runs on every logged event, and a function made per call costs its making.
  return indexes.sort((a, b) => (records[b] as VisitorEvent).at - (records[a] as VisitorEvent).at || b - a);
}
