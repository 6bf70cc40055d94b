import type { CompiledSchedule } from "./compile-schedule.js";
import { isScheduleActive } from "./is-schedule-active.js";
import { nextScheduleChange } from "./next-schedule-change.js";
import { offsetStretch } from "./offset-at.js";
import { DAY_MINUTES, MINUTE_MS } from "./civil-date.js";
import { nextWeeklyChangeAfter, WEEK_MINUTES, weeklyPlace, weekStart, type WeeklyRule } from "./weekly-rule.js";

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
    // The usual question is answered on the spot, in as few steps as can answer it: a weekly rule on the wall clock,
    // in the zone whose week position is worked out already (see {@link placeIn}). Within the stretch of constant
    // offset the rule says exactly when activity flips, so a flip before the stretch ends is the answer
    // `nextScheduleChange` would give. Everything else goes the general way, kept out of this method so that it stays
    // small enough for the engine to inline where schedules are read.
    const rule = schedule.rule;
    // `=== true`: a comparison, where a truth test of a field the engine has not typed is its generic test.
    if (rule.type === "weekly" && schedule.usesWallClock === true) {
      const zone = schedule.timeZone ?? this.defaultTimeZone;
      if (zone === this.zone || this.placeIn(zone)) {
        // One search answers both questions: the first bound after the minute is an end exactly when the minute is
        // inside a window, and that bound is the next change unless it is the week's end.
        const place = weeklyPlace(rule, this.minute, this.day);
        const bound = rule.intervals[place];
        // The usual answer is settled here, its instant never held in a variable that the rare path's
        // `number | null` could also fill: such a value is kept boxed, one allocation per read.
        if (bound !== undefined && bound < WEEK_MINUTES) {
          if (this.settle(place, this.weekStart + bound * MINUTE_MS)) return;
        } else {
          // A minute after the week's last bound: the next change is in the week after.
          const later = nextWeeklyChangeAfter(rule, this.wall, this.weekStart);
          if (later !== null && this.settle(place, later)) return;
        }
      }
    }
    this.general(schedule);
  }

  /**
   * {@link read} for what the weekly path does not answer: other rules, weekly rules off the wall clock (always or
   * never active: their one answer is remembered from the first read), the rest.
   */
  private general(schedule: CompiledSchedule): void {
    const at = this.atMs;
    const timeZone = schedule.timeZone ?? this.defaultTimeZone;
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
   * Works out where `atMs` falls in the local week of `zone`, within the stretch of constant offset around it, and
   * makes `zone` the reader's zone. False (the zone unchanged) for an unknown zone or an instant that is not finite:
   * the answer must then come from the general path.
   */
  private placeIn(zone: string): boolean {
    const at = this.atMs;
    const stretch = Number.isFinite(at) ? offsetStretch(zone, at) : null;
    if (stretch === null) return false;
    this.zone = zone;
    this.offsetMs = stretch.offsetMs;
    this.untilMs = stretch.untilMs;
    this.wall = at + stretch.offsetMs;
    this.weekStart = weekStart(this.wall);
    this.minute = Math.floor((this.wall - this.weekStart) / MINUTE_MS);
    this.day = Math.floor(this.minute / DAY_MINUTES);
    return true;
  }

  /** Writes the answer for the rule's place and its next change `next` (wall time), unless that is past the stretch. */
  private settle(place: number, next: number): boolean {
    if (!(next - this.offsetMs < this.untilMs)) return false;
    this.active = (place & 1) === 1;
    this.nextChange = next - this.offsetMs;
    return true;
  }
}
