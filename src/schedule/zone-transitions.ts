import { DAY_MS, daysFromCivil } from "./civil-date.js";
import { zoneOffsetMs } from "./zone-offset.js";

/**
 * Offset transitions are found once per zone and UTC year and remembered: a year is sampled once a day and every
 * change is then pinned to the exact millisecond by binary search. Two transitions less than a day apart that cancel
 * each other out would be missed; the time zone database has none since standard time was adopted.
 */
const cache = new Map<string, number[]>();
const CACHE_LIMIT = 4_096;

/**
 * The first instant `t` with `afterMs < t <= untilMs` at which the UTC offset of `timeZone` differs from the offset
 * one millisecond earlier, or `null` when the offset stays the same throughout.
 *
 * @example
 * nextZoneTransition("Europe/Vilnius", Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1)) // => Date.UTC(2026, 2, 29, 1)
 */
export function nextZoneTransition(timeZone: string, afterMs: number, untilMs: number): number | null {
  if (timeZone === "UTC" || !(afterMs < untilMs)) return null;
  const lastYear = utcYear(untilMs - 1);
  for (let year = utcYear(afterMs - 1); year <= lastYear; year += 1) {
    for (const t of transitionsOf(timeZone, year)) {
      if (t > untilMs) return null;
      if (t > afterMs) return t;
    }
  }
  return null;
}

/**
 * The last instant `t` with `sinceMs < t <= atMs` at which the UTC offset of `timeZone` differs from the offset one
 * millisecond earlier, or `null` when there is none.
 *
 * @example
 * previousZoneTransition("Europe/Vilnius", Date.UTC(2026, 5, 1), Date.UTC(2026, 0, 1)) // => Date.UTC(2026, 2, 29, 1)
 */
export function previousZoneTransition(timeZone: string, atMs: number, sinceMs: number): number | null {
  if (timeZone === "UTC" || !(sinceMs < atMs)) return null;
  const firstYear = utcYear(sinceMs);
  for (let year = utcYear(atMs - 1); year >= firstYear; year -= 1) {
    const transitions = transitionsOf(timeZone, year);
    for (let i = transitions.length - 1; i >= 0; i--) {
      const t = transitions[i] as number;
      if (t <= sinceMs) return null;
      if (t <= atMs) return t;
    }
  }
  return null;
}

/** Transitions in the half-open bucket (start of `year`, start of `year + 1`], ascending. */
function transitionsOf(timeZone: string, year: number): number[] {
  const key = `${timeZone}\u0000${year}`;
  let found = cache.get(key);
  if (found === undefined) {
    found = scanYear(timeZone, year);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, found);
  }
  return found;
}

function scanYear(timeZone: string, year: number): number[] {
  const end = daysFromCivil(year + 1, 1, 1) * DAY_MS;
  const found: number[] = [];
  let lo = daysFromCivil(year, 1, 1) * DAY_MS;
  let loOffset = zoneOffsetMs(timeZone, lo);
  while (lo < end) {
    const hi = Math.min(lo + DAY_MS, end);
    const hiOffset = zoneOffsetMs(timeZone, hi);
    if (hiOffset !== loOffset && !Number.isNaN(hiOffset)) found.push(firstChange(timeZone, lo, loOffset, hi));
    lo = hi;
    loOffset = hiOffset;
  }
  return found;
}

/** Smallest `t` in (lo, hi] whose offset differs from `loOffset`, given that the offset at `hi` does. */
function firstChange(timeZone: string, lo: number, loOffset: number, hi: number): number {
  let a = lo;
  let b = hi;
  while (b - a > 1) {
    const mid = Math.floor((a + b) / 2);
    if (zoneOffsetMs(timeZone, mid) === loOffset) a = mid;
    else b = mid;
  }
  return b;
}

function utcYear(ms: number): number {
  return new Date(ms).getUTCFullYear();
}
