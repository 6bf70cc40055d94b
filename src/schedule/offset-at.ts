import { DAY_MS } from "./civil-date.js";
import { nextZoneTransition, previousZoneTransition } from "./zone-transitions.js";
import { zoneOffsetMs } from "./zone-offset.js";

/** An offset and the stretch of time `[fromMs, untilMs)` in which it holds for sure. */
export interface Stretch {
  readonly fromMs: number;
  readonly untilMs: number;
  readonly offsetMs: number;
}

/** UTC's one stretch: no transition ever. */
const UTC_STRETCH: Stretch = Object.freeze({ fromMs: Number.NEGATIVE_INFINITY, untilMs: Number.POSITIVE_INFINITY, offsetMs: 0 });

/** Per zone, the last few stretches asked about (visitors on both sides of a DST change keep both). */
const known = new Map<string, Stretch[]>();
const LOOK_MS = 400 * DAY_MS;
const KNOWN_LIMIT = 1_024;
const STRETCHES_PER_ZONE = 4;

/**
 * The UTC offset of `timeZone` at `atMs`, like {@link zoneOffsetMs}, but remembered per zone for the whole stretch
 * between the transitions around `atMs`: every evaluation asks for the same few zones at nearby instants, and
 * formatting a date in a zone is the slowest step of a schedule check. Exact — the offset cannot change between two
 * transitions.
 *
 * @example
 * offsetAt("Europe/Vilnius", Date.UTC(2026, 6, 1)) // => 10_800_000 (then answered from memory until 25 October)
 */
export function offsetAt(timeZone: string, atMs: number): number {
  if (timeZone === "UTC") return Number.isFinite(atMs) ? 0 : Number.NaN;
  return offsetStretch(timeZone, atMs)?.offsetMs ?? Number.NaN;
}

/**
 * The stretch around `atMs` in which `timeZone`'s offset stays what it is at `atMs` (`untilMs`: the next transition,
 * or a horizon with none before it), remembered as {@link offsetAt} remembers it; `null` for an unknown zone or a
 * non-finite instant. A schedule whose next change falls inside the stretch needs no look at the transitions.
 *
 * @example
 * offsetStretch("Europe/Vilnius", Date.UTC(2026, 6, 1))?.untilMs // => Date.UTC(2026, 9, 25, 1)
 */
export function offsetStretch(timeZone: string, atMs: number): Stretch | null {
  if (!Number.isFinite(atMs)) return null;
  if (timeZone === "UTC") return UTC_STRETCH;
  let stretches = known.get(timeZone);
  if (stretches !== undefined) {
    for (let i = 0; i < stretches.length; i++) {
      const s = stretches[i] as Stretch;
      if (atMs >= s.fromMs && atMs < s.untilMs) return s;
    }
  }
  const offsetMs = zoneOffsetMs(timeZone, atMs);
  if (Number.isNaN(offsetMs)) return null;
  const fromMs = previousZoneTransition(timeZone, atMs, atMs - LOOK_MS) ?? atMs - LOOK_MS + 1;
  const untilMs = nextZoneTransition(timeZone, atMs, atMs + LOOK_MS) ?? atMs + LOOK_MS;
  if (stretches === undefined) {
    if (known.size >= KNOWN_LIMIT) known.clear();
    stretches = [];
    known.set(timeZone, stretches);
  }
  if (stretches.length >= STRETCHES_PER_ZONE) stretches.shift();
  const stretch: Stretch = { fromMs, untilMs, offsetMs };
  stretches.push(stretch);
  return stretch;
}
