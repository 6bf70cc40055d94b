import { normalizeText } from "../conditions/text.js";
import type { VisitorEvent } from "../types.js";
import type { NameSet } from "../lib/name-set.js";

const NO_EVENTS: ReadonlyMap<string, readonly number[]> = new Map();

/** Logs up to this long are indexed by name directly; longer ones also remember each raw name's list. */
const SHORT_LOG = 8;
/** Lists up to this long are sorted by insertion: no comparator calls, no allocation. */
const SHORT_LIST = 16;

/**
 * The timestamps of a visitor's event log by normalised name, oldest first, keeping only the names in `wanted` (`null`:
 * all of them); records that are not `{ name: string, at: finite number }` are skipped.
 *
 * A long log repeats a few names many times, so each raw name is looked up once in a map of its own and settled
 * there (its list, or `null` when no condition wants it): every later record of that name costs one lookup, whether
 * wanted or not. Logs are appended in time order, so sorting is the exception, and a list that arrived newest first
 * is reversed rather than sorted.
 *
 * @example
 * indexEvents([{ name: "Login", at: 2 }, { name: "login", at: 1 }, { name: "x", at: 3 }], new Set(["login"]))
 * // => Map { "login" => [1, 2] }
 */
export function indexEvents(events: unknown, wanted: NameSet | null): ReadonlyMap<string, readonly number[]> {
  if (!Array.isArray(events) || events.length === 0 || wanted?.size === 0) return NO_EVENTS;
  const byName = new Map<string, number[]>();
  const byRaw = events.length > SHORT_LOG ? new Map<string, number[] | null>() : null;
  let ordered = true;
  for (let i = 0; i < events.length; i++) {
    const event: unknown = events[i];
    if (typeof event !== "object" || event === null || Array.isArray(event)) continue;
    const { name, at } = event as Partial<VisitorEvent>;
    if (typeof name !== "string" || typeof at !== "number" || !Number.isFinite(at)) continue;
    let list = byRaw === null ? undefined : byRaw.get(name);
    if (list === undefined) {
      list = listFor(byName, name, wanted);
      byRaw?.set(name, list);
    }
    if (list === null) continue;
    if (list.length > 0 && (list[list.length - 1] as number) > at) ordered = false;
    list.push(at);
  }
  if (!ordered) for (const list of byName.values()) sortTimes(list);
  return byName;
}

/** The list a raw event name goes to (created empty on first use), or `null` when no condition wants it. */
function listFor(byName: Map<string, number[]>, name: string, wanted: NameSet | null): number[] | null {
  // Most names arrive normalised already; a normalised name is its own normal form, so one lookup settles it.
  let key = name;
  if (wanted === null) key = normalizeText(name);
  else if (!wanted.has(name)) {
    key = normalizeText(name);
    if (!wanted.has(key)) return null;
  }
  let list = byName.get(key);
  if (list === undefined) byName.set(key, (list = []));
  return list;
}

/** Sorts timestamps ascending in place. */
function sortTimes(list: number[]): void {
  let descending = true;
  for (let i = 1; i < list.length && descending; i++) descending = (list[i - 1] as number) > (list[i] as number);
  if (descending) {
    list.reverse();
    return;
  }
  if (list.length > SHORT_LIST) {
    list.sort((a, b) => a - b);
    return;
  }
  for (let i = 1; i < list.length; i++) {
    const time = list[i] as number;
    let j = i - 1;
    for (; j >= 0 && (list[j] as number) > time; j--) list[j + 1] = list[j] as number;
    list[j + 1] = time;
  }
}
