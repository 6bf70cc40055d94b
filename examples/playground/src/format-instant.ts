/** Instants as a person in a time zone reads them, as `beckon simulate` prints them. */

/**
 * `2026-12-02 20:00:00 +02:00`: the instant in `timeZone`, with its offset so it stays unambiguous.
 *
 * @example
 * formatInstant(Date.UTC(2026, 11, 2, 18), "Europe/Vilnius") // => "2026-12-02 20:00:00 +02:00"
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
  return `${part("year")}-${part("month")}-${part("day")} ${part("hour")}:${part("minute")}:${part("second")} ${offset}`;
}

/**
 * The zone to show times in: the options' `timeZone` when this browser knows it, else UTC (as evaluation's default).
 *
 * @example
 * displayZone({ timeZone: "Europe/Vilnius" }) // => "Europe/Vilnius"
 * displayZone({})                              // => "UTC"
 */
export function displayZone(options: { timeZone?: string }): string {
  const zone = options.timeZone;
  if (zone === undefined) return "UTC";
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return zone;
  } catch {
    return "UTC";
  }
}
