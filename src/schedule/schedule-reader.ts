import type { CompiledSchedule } from "./compile-schedule.js";
import { isScheduleActive } from "./is-schedule-active.js";
import { nextScheduleChange } from "./next-schedule-change.js";
import { offsetStretch } from "./offset-at.js";
import { DAY_MINUTES, MINUTE_MS } from "./civil-date.js";
import { isWeeklyActive, nextWeeklyChangeAfter, WEEK_MINUTES, weeklyPlace, weekStart, type WeeklyRule } from "./weekly-rule.js";

/** An answer of the general path, and the instant and zone it was worked out for. */
interface Remembered {
  readonly active: boolean;
  readonly nextChange: number;
  readonly fromMs: number;
  readonly timeZone: string;
}

const remembered = new WeakMap<CompiledSchedule, Remembered>();

/** No zone: the reader's zone before it has worked out a weekly position (a NUL never appears in a zone's name). */
const NO_ZONE = "\0";

/**
 * Whether schedules are active at one instant, and when that next changes (`Infinity`: never), as one evaluation
 * asks it of many schedules: the answer is left in `active` and `nextChange` (nothing allocated per schedule).
 * Weekly schedules are answered on the spot within the stretch of constant offset around the instant, which is
 * looked up once per time zone, not once per schedule; everything else is answered by {@link isScheduleActive} and
 * {@link nextScheduleChange}, remembered per schedule: both stay the same from the instant they were worked out until
 * the next change, by definition of that change, so every later question inside that stretch (the next visitor, a
 * second later) is answered without looking at the calendar again. One reader per evaluation: it is written by
 * every `read`, so it is never shared between calls.
 *
 * @example
 * const reader = new ScheduleReader(now, "Europe/Vilnius");
 * reader.read(officeHours); // reader.active => true, reader.nextChange => <17:31 today>
 */
export class ScheduleReader {
  /** Whether the schedule last read is active at `atMs`. */
  declare active: boolean;
  /** When that next changes (`Infinity`: never). */
  declare nextChange: number;
  declare readonly atMs: number;
  declare private readonly defaultTimeZone: string;
  /**
   * The zone of the weekly position below; none worked out yet while it is `NO_ZONE`, which names no zone (and were
   * it ever asked for, the position it leaves, `untilMs` 0, sends every answer to the general path). Always a string,
   * so the comparison with the zone asked for is a string comparison, not the engine's generic one.
   */
  declare private zone: string;
  declare private offsetMs: number;
  declare private untilMs: number;
  declare private wall: number;
  declare private weekStart: number;
  /** The minute of the local week `wall` falls in, and its day (0 = Monday). */
  declare private minute: number;
  declare private day: number;

  constructor(atMs: number, defaultTimeZone: string) {
    // Assigned rather than declared with initialisers, which the engine defines one by one at a higher cost: one
    // reader is made per evaluation.
    this.active = false;
    this.nextChange = Number.POSITIVE_INFINITY;
    this.atMs = atMs;
    this.defaultTimeZone = defaultTimeZone;
    this.zone = NO_ZONE;
    this.offsetMs = 0;
    this.untilMs = 0;
    this.wall = 0;
    this.weekStart = 0;
    this.minute = 0;
    this.day = 0;
  }

  /** Reads one schedule at `atMs` into `active` and `nextChange`. */
  read(schedule: CompiledSchedule): void {
    const rule = schedule.rule;
    const timeZone = schedule.timeZone ?? this.defaultTimeZone;
    if (rule.type === "weekly" && this.weekly(rule, schedule.usesWallClock, timeZone)) return;
    const at = this.atMs;
    let state = remembered.get(schedule);
    if (state === undefined || state.timeZone !== timeZone || !(at >= state.fromMs && at < state.nextChange)) {
      const active = isScheduleActive(schedule, at, this.defaultTimeZone);
      const nextChange = nextScheduleChange(schedule, at, this.defaultTimeZone, active) ?? Number.POSITIVE_INFINITY;
      state = { active, nextChange, fromMs: at, timeZone };
      if (Number.isFinite(at)) remembered.set(schedule, state);
    }
    this.active = state.active;
    this.nextChange = state.nextChange;
  }

  /**
   * A weekly rule answered on the spot: within a stretch of constant offset the rule says exactly when activity
   * flips, so a flip before the stretch ends is the answer `nextScheduleChange` would give. False (nothing written)
   * when the answer must come from the general path: an unknown zone, an instant that is not finite, a flip not
   * before the stretch's end.
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
      this.minute = Math.floor((this.wall - this.weekStart) / MINUTE_MS);
      this.day = Math.floor(this.minute / DAY_MINUTES);
    }
    // One search answers both questions: the first bound after the minute is an end exactly when the minute is inside
    // a window, and that bound is the next change unless it is the week's end.
    const place = weeklyPlace(rule, this.minute, this.day);
    const bound = rule.intervals[place];
    // The usual answer is settled here, its instant never held in a variable that the rare path's `number | null`
    // could also fill: such a value is kept boxed, one allocation per read.
    if (bound !== undefined && bound < WEEK_MINUTES) return this.settle(place, this.weekStart + bound * MINUTE_MS);
    const later = nextWeeklyChangeAfter(rule, this.wall, this.weekStart);
    return later !== null && this.settle(place, later);
  }

  /** Writes the answer for the rule's place and its next change `next` (wall time), unless that is past the stretch. */
  private settle(place: number, next: number): boolean {
    if (!(next - this.offsetMs < this.untilMs)) return false;
    this.active = (place & 1) === 1;
    this.nextChange = next - this.offsetMs;
    return true;
  }
}
