import { tzOffset } from "@date-fns/tz";
import { MINUTE_MS } from "./civil-date.js";

/**
 * UTC offset of `timeZone` at the instant `atMs`, in milliseconds (`+7_200_000` for Vilnius in winter), or `NaN` when
 * the zone or the instant is unusable. The wall clock is then `atMs + offset`.
 *
 * `tzOffset` keeps one `Intl.DateTimeFormat` per zone, so a call formats once and allocates no formatter. Offsets with
 * seconds (old local mean times) come back as fractional minutes; rounding keeps the result an integer number of ms.
 *
 * @example
 * zoneOffsetMs("Europe/Vilnius", Date.UTC(2026, 6, 1)) // => 10_800_000
 */
export function zoneOffsetMs(timeZone: string, atMs: number): number {
  if (!Number.isFinite(atMs)) return Number.NaN;
  // A fixed zone needs no formatting at all, and UTC is the default of every evaluation.
  if (timeZone === "UTC") return 0;
  return Math.round(tzOffset(timeZone, new Date(atMs)) * MINUTE_MS);
}
