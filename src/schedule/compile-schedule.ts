import type { Schedule } from "../types.js";
import { compileAnnualRule } from "./annual-rule.js";
import { compilePeriodRule } from "./period-rule.js";
import type { ScheduleRule } from "./schedule-rule.js";
import { compileWeeklyRule } from "./weekly-rule.js";
import { assertNever } from "../lib/assert-never.js";

/**
 * A schedule with every string parsed and every window laid out once, ready to be asked about any instant. Treat it
 * as opaque: its parts may change between versions.
 */
export interface CompiledSchedule {
  /** The schedule's own time zone; `null` means the caller's default applies. */
  readonly timeZone: string | null;
  /** Whether activity depends on the local wall clock at all; if not, no time zone offset is ever looked up. */
  readonly usesWallClock: boolean;
  /**
   * The first instant at which an offset change can no longer make a difference, for rules whose wall-clock activity
   * may stay constant under a fixed offset yet flip when the offset jumps (local period ends).
   */
  readonly horizonMs: number;
  readonly rule: ScheduleRule;
}

/**
 * Precomputes a schedule that passed `checkSchedule` for {@link isScheduleActive} and {@link nextScheduleChange}.
 *
 * @example
 * const compiled = compileSchedule({ type: "weekly", days: { mon: [{ start: "09:00", end: "17:30" }] } });
 * isScheduleActive(compiled, Date.UTC(2026, 0, 5, 9), "UTC") // => true
 */
export function compileSchedule(schedule: Schedule): CompiledSchedule {
  switch (schedule.type) {
    case "weekly": {
      const rule = compileWeeklyRule(schedule);
      const usesWallClock = rule.changes.length > 0;
      return { timeZone: schedule.timeZone ?? null, usesWallClock, horizonMs: -Infinity, rule };
    }
    case "period": {
      const rule = compilePeriodRule(schedule);
      return { timeZone: null, usesWallClock: rule.zoned, horizonMs: rule.horizonMs, rule };
    }
    case "annual": {
      const rule = compileAnnualRule(schedule);
      return { timeZone: schedule.timeZone ?? null, usesWallClock: true, horizonMs: -Infinity, rule };
    }
    default:
      return assertNever(schedule, "schedule");
  }
}

