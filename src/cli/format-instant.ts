import { MAX_INSTANT_MS } from "../config/journey-schema.js";
import { parseIsoInstant } from "../config/parse-iso-instant.js";

/**
 * An instant as a person in `timeZone` reads it, with the offset so it stays unambiguous:
 * `2026-12-02 20:00:00 +02:00 (Europe/Vilnius)`.
 *
 * @example
 * formatInstant(Date.UTC(2026, 11, 2, 18), "Europe/Vilnius") // => "2026-12-02 20:00:00 +02:00 (Europe/Vilnius)"
 * formatInstant(Date.UTC(2026, 11, 2, 18), "UTC")            // => "2026-12-02 18:00:00 +00:00 (UTC)"
 */
export function formatInstant(ms: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
    timeZoneName: "longOffset",
  }).formatToParts(ms);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? "";
  const offset = part("timeZoneName").replace(/^GMT$/, "GMT+00:00").replace(/^GMT/, "");
  return `${part("year")}-${part("month")}-${part("day")} ${part("hour")}:${part("minute")}:${part("second")} ${offset} (${timeZone})`;
}

/**
 * Reads `--at`: epoch milliseconds within a `Date`'s range (±8.64e15 ms), or an ISO 8601 date-time with `Z` or a
 * `±hh:mm` offset whose fields exist — the rule of a journey's `start` (`parseIsoInstant`). `undefined` otherwise:
 * a time without an offset would be read in the local zone of whichever machine runs the command, and `Date.parse`
 * would guess at `Dec 2` or roll `2026-02-30` over into March.
 *
 * @example
 * parseInstant("2026-12-02T18:00:00Z")  // => 1796234400000
 * parseInstant("1796234400000")         // => 1796234400000
 * parseInstant("2026-12-02T18:00")      // => undefined
 * parseInstant("8640000000000001")      // => undefined
 */
export function parseInstant(text: string): number | undefined {
  const trimmed = text.trim();
  const ms = /^-?\d+$/.test(trimmed) ? Number(trimmed) : parseIsoInstant(trimmed);
  return ms !== undefined && Number.isFinite(ms) && Math.abs(ms) <= MAX_INSTANT_MS ? ms : undefined;
}
