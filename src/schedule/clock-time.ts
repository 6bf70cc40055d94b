const CLOCK_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * Minute of the day of an `HH:mm` 24-hour time (exactly two digits each), or `null` when it is not one.
 *
 * @example
 * parseClockTime("17:30") // => 1050
 * parseClockTime("7:30")  // => null
 */
export function parseClockTime(text: string): number | null {
  const match = CLOCK_TIME.exec(text);
  if (match === null) return null;
  return Number(match[1]) * 60 + Number(match[2]);
}
