import type { CompiledSchedule } from "./compile-schedule.js";
import { offsetStretch } from "./offset-at.js";
import { scheduleStateAt } from "./schedule-state-at.js";
import { isWeeklyActive, nextWeeklyChangeAfter, weekStart, type WeeklyRule } from "./weekly-rule.js";

/**
 * {@link scheduleStateAt} for many schedules at one instant, as one evaluation asks it: the answer is left in
 * `active` and `nextChange` (nothing allocated per schedule), and for weekly schedules the instant's offset and
 * place in the local week are worked out once per time zone, not once per schedule. The answers are
 * `scheduleStateAt`'s, which decides whatever the weekly path leaves (other rules, a change past the offset's
 * stretch). One reader per evaluation: it is written by every `read`, so it is never shared between calls.
 *
 * @example
 * const reader = new ScheduleReader(now, "UTC");
 * reader.read(officeHours); // reader.active => true, reader.nextChange => <17:31 today>
 */
export class ScheduleReader {
  /** Whether the schedule last read is active at `atMs`. */
  active = false;
  /** When that next changes (`Infinity`: never). */
  nextChange = Number.POSITIVE_INFINITY;
  /** The zone of the weekly position below (`null`: none worked out yet). */
  private zone: string | null = null;
  private offsetMs = 0;
  private untilMs = 0;
  private wall = 0;
  private weekStart = 0;

  constructor(
    readonly atMs: number,
    private readonly defaultTimeZone: string,
  ) {}

  /** Reads one schedule at `atMs` into `active` and `nextChange`. */
  read(schedule: CompiledSchedule): void {
    const rule = schedule.rule;
    if (rule.type === "weekly" && this.weekly(rule, schedule.usesWallClock, schedule.timeZone ?? this.defaultTimeZone)) return;
    const state = scheduleStateAt(schedule, this.atMs, this.defaultTimeZone);
    this.active = state.active;
    this.nextChange = state.nextChange;
  }

  /**
   * A weekly rule answered on the spot, as `scheduleStateAt` does: false (nothing written) when its answer must come
   * from the general path — an unknown zone, an instant that is not finite, a change not before the stretch's end.
   */
  private weekly(rule: WeeklyRule, usesWallClock: boolean, zone: string): boolean {
    const at = this.atMs;
    if (!Number.isFinite(at)) return false;
    if (!usesWallClock) {
      this.active = isWeeklyActive(rule, at);
      this.nextChange = Number.POSITIVE_INFINITY;
      return true;
    }
    if (zone !== this.zone) {
      const stretch = offsetStretch(zone, at);
      if (stretch === null) return false;
      this.zone = zone;
      this.offsetMs = stretch.offsetMs;
      this.untilMs = stretch.untilMs;
      this.wall = at + stretch.offsetMs;
      this.weekStart = weekStart(this.wall);
    }
    const next = nextWeeklyChangeAfter(rule, this.wall, this.weekStart);
    if (next === null || !(next - this.offsetMs < this.untilMs)) return false;
    this.active = isWeeklyActive(rule, this.wall, this.weekStart);
    this.nextChange = next - this.offsetMs;
    return true;
  }
}
