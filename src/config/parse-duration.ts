/** Milliseconds per unit of the duration grammar. */
const UNIT_MS: Readonly<Record<string, number>> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

const WHOLE = /^(?:\d+(?:\.\d+)?(?:ms|s|m|h|d))+$/;
const PART = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/g;

/**
 * Reads a duration written as one or more amounts with a unit, added up: `ms`, `s`, `m` (minutes), `h`, `d` (days of
 * 24 hours), each amount digits with an optional decimal fraction (`90s`, `1.5h`, `1h30m`, `250ms`). No spaces, no
 * sign, no bare number (seconds or minutes? the unit says). Returns milliseconds, or `undefined` when the text does
 * not follow the grammar. A small grammar of our own: the well-kept `ms` package reads one amount only (no `1h30m`)
 * and would be one more bundled dependency for five lines.
 *
 * @example
 * parseDuration("90s")   // => 90000
 * parseDuration("1h30m") // => 5400000
 * parseDuration("30")    // => undefined
 */
export function parseDuration(text: string): number | undefined {
  if (!WHOLE.test(text)) return undefined;
  let ms = 0;
  for (const [, amount, unit] of text.matchAll(PART)) ms += Number(amount) * (UNIT_MS[unit as string] as number);
  return Number.isFinite(ms) ? ms : undefined;
}
