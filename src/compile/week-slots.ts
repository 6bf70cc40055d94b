import type { CompiledInvitation } from "./compile-invitation.js";
import type { CompiledSchedule } from "../schedule/compile-schedule.js";
import { WEEK_MINUTES, type WeeklyRule } from "../schedule/weekly-rule.js";

/** The minutes of one slot of the local week: an hour. */
export const SLOT_MINUTES = 60;
/** The slots of a local week. */
export const WEEK_SLOTS = WEEK_MINUTES / SLOT_MINUTES;

/**
 * Per hour of the local week, the candidates of a list whose schedule may be open at some minute of it: the weekly
 * wall-clock schedules of one time zone (the first such schedule's, `null` for the evaluate option's; a list's
 * schedules mostly share one) are placed by their windows, every other candidate is in every slot. A candidate
 * missing from the slot of "now" is closed now and until at least the slot's end, so a scan skips it without reading
 * its schedule, and the first later slot it is in says how soon it can open.
 */
export interface WeekSlots {
  /** The zone of the placed schedules: a schedule's own, or `null` for the evaluate option's. */
  readonly zone: string | null;
  /** Words of one slot's bitset. */
  readonly words: number;
  /** Slot `s`'s bitset is `open[s * words … (s + 1) * words − 1]`. */
  readonly open: Uint32Array;
}

/**
 * The week slots of a candidate list in rank order, or `null` when fewer than half its candidates have a weekly
 * wall-clock schedule in the first such schedule's zone (too little to skip). Built on a list's first masked scan,
 * not at compile time: short lists never need it.
 *
 * @example
 * buildWeekSlots(index.candidates)?.zone // => "UTC" when the first weekly schedule names UTC
 */
export function buildWeekSlots(candidates: readonly CompiledInvitation[]): WeekSlots | null {
  const first = candidates.find((c) => placed(c.schedule));
  if (first === undefined) return null;
  const zone = (first.schedule as CompiledSchedule).timeZone;
  // Skipping by hour pays when most candidates have such a schedule; with few, the scan's extra bookkeeping costs
  // more than the reads it saves (a list of 10 000 with one in ten scheduled: ≈ 10 % slower).
  let count = 0;
  for (let i = 0; i < candidates.length; i++) if (placed((candidates[i] as CompiledInvitation).schedule, zone)) count++;
  if (count * 2 < candidates.length) return null;
  const words = Math.ceil(candidates.length / 32);
  const open = new Uint32Array(WEEK_SLOTS * words);
  for (let i = 0; i < candidates.length; i++) {
    const schedule = (candidates[i] as CompiledInvitation).schedule;
    // Windows are half-open minute intervals: a slot holds the candidate when one of its minutes is inside one.
    const intervals = placed(schedule, zone) ? schedule.rule.intervals : WHOLE_WEEK;
    const w = i >>> 5;
    const bit = 1 << (i & 31);
    for (let p = 0; p + 1 < intervals.length; p += 2) {
      const last = Math.ceil((intervals[p + 1] as number) / SLOT_MINUTES);
      for (let s = Math.floor((intervals[p] as number) / SLOT_MINUTES); s < last; s++) open[s * words + w] = (open[s * words + w] as number) | bit;
    }
  }
  return { zone, words, open };
}

/** The one window of a candidate in every slot. */
const WHOLE_WEEK = [0, WEEK_MINUTES];

/** Whether a schedule is placed in slots by its windows: a weekly rule on the wall clock (in `zone`, when given). */
function placed(schedule: CompiledSchedule | null, zone?: string | null): schedule is CompiledSchedule & { rule: WeeklyRule } {
  return schedule !== null && schedule.rule.type === "weekly" && schedule.usesWallClock && (zone === undefined || schedule.timeZone === zone);
}
