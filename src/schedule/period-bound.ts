import { DAY_MS, MINUTE_MS, daysFromCivil, daysInMonth } from "./civil-date.js";

/**
 * One end of a period, resolved to the span it names. `zoned` bounds are local wall times of the effective time zone
 * and `start`/`end` are wall milliseconds; otherwise they are instants (epoch ms). `end` is the last millisecond the
 * value covers at its stated precision (`2026-12-24` → 23:59:59.999 that day). `statedStart`/`statedEnd` are the
 * written date-time fields read as wall time (an epoch number reads as UTC), used to order mixed bounds.
 */
export interface PeriodBound {
  zoned: boolean;
  start: number;
  end: number;
  statedStart: number;
  statedEnd: number;
}

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)?)?$/;

/**
 * Reads a period `from`/`to`: epoch ms, or ISO 8601 `YYYY-MM-DD`, `YYYY-MM-DDTHH:mm[:ss[.fff]]` with an optional
 * `Z`/`±HH:mm` offset. Answers `null` for anything else, including impossible dates such as `2026-02-30`.
 *
 * @example
 * parsePeriodBound("2026-12-24")?.end // => Date.UTC(2026, 11, 24, 23, 59, 59, 999)
 * parsePeriodBound("24.12.2026")      // => null
 */
export function parsePeriodBound(value: string | number): PeriodBound | null {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return null;
    return { zoned: false, start: value, end: value, statedStart: value, statedEnd: value };
  }
  const match = ISO.exec(value);
  if (match === null) return null;
  const [, y, mo, d, h, mi, s, fraction, offset] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (Number(h ?? 0) > 23 || Number(mi ?? 0) > 59 || Number(s ?? 0) > 59) return null;
  const statedStart =
    daysFromCivil(year, month, day) * DAY_MS +
    (Number(h ?? 0) * 60 + Number(mi ?? 0)) * MINUTE_MS +
    Number(s ?? 0) * 1_000 +
    Number((fraction ?? "").padEnd(3, "0").slice(0, 3));
  const statedEnd = statedStart + precisionMs(h, s, fraction) - 1;
  if (offset === undefined) return { zoned: true, start: statedStart, end: statedEnd, statedStart, statedEnd };
  const shift = offsetMs(offset);
  return { zoned: false, start: statedStart - shift, end: statedEnd - shift, statedStart, statedEnd };
}

/** Length of the span the written value covers: a day, a minute, a second or a fraction of one (at least 1 ms). */
function precisionMs(hours: string | undefined, seconds: string | undefined, fraction: string | undefined): number {
  if (hours === undefined) return DAY_MS;
  if (seconds === undefined) return MINUTE_MS;
  if (fraction === undefined) return 1_000;
  return fraction.length >= 3 ? 1 : 10 ** (3 - fraction.length);
}

function offsetMs(offset: string): number {
  if (offset === "Z") return 0;
  const sign = offset.startsWith("-") ? -1 : 1;
  return sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6))) * MINUTE_MS;
}
