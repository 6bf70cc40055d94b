import fc from "fast-check";
import type { Schedule, ScheduleWindow } from "../types.js";
import { TESTING_BASE_MS, TIME_ZONES } from "./vocabulary.js";

const hhmm = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 59))
  .map(([h, m]) => `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`);

const windowArb: fc.Arbitrary<ScheduleWindow> = fc
  .tuple(hhmm, hhmm)
  .filter(([start, end]) => start !== end)
  .map(([start, end]) => ({ start, end }));

/**
 * A valid schedule: weekly windows on the weekdays around `around` (Thursday and Friday by default) in one of a few
 * time zones, or a period of 1 to 96 hours starting within two days of `around`.
 *
 * @example
 * fc.sample(arbitrarySchedule(), 1) // => [{ type: "period", from: 1795…, to: 1795… }]
 */
export function arbitrarySchedule(options: { around?: number } = {}): fc.Arbitrary<Schedule> {
  const around = options.around ?? TESTING_BASE_MS;
  return fc.oneof(
    fc.record({
      type: fc.constant("weekly" as const),
      timeZone: fc.constantFrom(...TIME_ZONES),
      days: fc.record(
        { thu: fc.array(windowArb, { maxLength: 2 }), fri: fc.array(windowArb, { maxLength: 2 }) },
        { requiredKeys: [] },
      ),
    }),
    fc
      .tuple(fc.integer({ min: -48, max: 48 }), fc.integer({ min: 1, max: 96 }))
      .map(([from, length]) => ({
        type: "period" as const,
        from: around + from * 3_600_000,
        to: around + (from + length) * 3_600_000,
      })),
  );
}
