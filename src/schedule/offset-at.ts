import { DAY_MS } from "./civil-date.js";
import { nextZoneTransition } from "./zone-transitions.js";
import { zoneOffsetMs } from "./zone-offset.js";

/** Per zone: an offset and the stretch of time `[fromMs, untilMs)` in which it holds for sure. */
const known = new Map<string, { fromMs: number; untilMs: number; offsetMs: number }>();
const LOOKAHEAD_MS = 400 * DAY_MS;
const KNOWN_LIMIT = 1_024;

/**
 * The UTC offset of `timeZone` at `atMs`, like {@link zoneOffsetMs}, but remembered per zone until the zone's next
 * transition: every evaluation asks for the same few zones at nearby instants, and formatting a date in a zone is
 * the slowest step of a schedule check. Exact — the offset cannot change before the next transition.
 *
 * @example
 * offsetAt("Europe/Vilnius", Date.UTC(2026, 6, 1)) // => 10_800_000 (then answered from memory until 25 October)
 */
export function offsetAt(timeZone: string, atMs: number): number {
  if (timeZone === "UTC") return Number.isFinite(atMs) ? 0 : Number.NaN;
  const hit = known.get(timeZone);
  if (hit !== undefined && atMs >= hit.fromMs && atMs < hit.untilMs) return hit.offsetMs;
  const offsetMs = zoneOffsetMs(timeZone, atMs);
  if (Number.isNaN(offsetMs)) return offsetMs;
  const untilMs = nextZoneTransition(timeZone, atMs, atMs + LOOKAHEAD_MS) ?? atMs + LOOKAHEAD_MS;
  if (known.size >= KNOWN_LIMIT) known.clear();
  known.set(timeZone, { fromMs: atMs, untilMs, offsetMs });
  return offsetMs;
}
