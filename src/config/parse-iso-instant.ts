/**
 * The shape of an ISO 8601 date-time with an offset, as a journey's `start` and `--at` take it: date, hours and
 * minutes, optional seconds and milliseconds, then `Z` or `±hh:mm` — never a time without an offset, which would be
 * the local time of whichever machine reads it.
 */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * Reads an ISO 8601 date-time with an offset ({@link ISO_INSTANT}) as epoch milliseconds, when its fields exist.
 * `undefined` for any other text: free text `Date.parse` would guess at (`Dec 2`), and days or hours that do not
 * exist (`2026-02-30`, hour 24), which `Date.parse` rolls over into the next month or day. A four-digit year always
 * lies within a `Date`'s range.
 *
 * @example
 * parseIsoInstant("2026-12-02T18:00:00Z")      // => 1796234400000
 * parseIsoInstant("2026-12-02T20:00:00+02:00") // => 1796234400000
 * parseIsoInstant("2026-12-02T18:00")          // => undefined
 * parseIsoInstant("2026-02-30T00:00:00Z")      // => undefined
 */
export function parseIsoInstant(text: string): number | undefined {
  if (!ISO_INSTANT.test(text)) return undefined;
  const ms = Date.parse(text);
  const zulu = text.endsWith("Z");
  const offsetMs = zulu ? 0 : Number(`${text.at(-6)}1`) * (Number(text.slice(-5, -3)) * 60 + Number(text.slice(-2))) * 60_000;
  const fields = text.slice(0, zulu ? -1 : -6).replace(/\.\d+$/, "");
  // A rolled-over field shows when the instant is written back in the text's own offset: 2026-03-02 ≠ 2026-02-30.
  return Number.isFinite(ms) && new Date(ms + offsetMs).toISOString().startsWith(fields) ? ms : undefined;
}
