import type { CompiledInvitation } from "./compile-invitation.js";
import { WEEK_MINUTES } from "../schedule/weekly-rule.js";

/** The minutes of one slot of the local week: an hour. */
export const SLOT_MINUTES = 60;
/** The slots of a local week. */
export const WEEK_SLOTS = WEEK_MINUTES / SLOT_MINUTES;

/**
 * Per hour of the local week, the candidates of a list whose schedule may be open at some minute of it: the weekly
 * wall-clock schedules of one time zone (the one most of the list's weekly schedules name, `null` for the evaluate
 * option's) are placed by their windows, every other candidate is in every slot. A candidate missing from the slot
 * of "now" is closed now and until at least the slot's end, so a scan skips it without reading its schedule, and
 * the first later slot it is in says how soon it can open.
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
 * The week slots of a candidate list in rank order, or `null` when no candidate has a weekly wall-clock schedule
 * (nothing to skip). Built on a list's first masked scan, not at compile time: short lists never need it.
 *
 * @example
 * buildWeekSlots(index.candidates)?.zone // => "UTC" when most weekly schedules name UTC
 */
export function buildWeekSlots(candidates: readonly CompiledInvitation[]): WeekSlots | null {
  const zone = commonZone(candidates);
  if (zone === undefined) return null;
  const words = Math.ceil(candidates.length / 32);
  const open = new Uint32Array(WEEK_SLOTS * words);
  for (let i = 0; i < candidates.length; i++) {
    const schedule = (candidates[i] as CompiledInvitation).schedule;
    const bit = 1 << (i & 31);
    const w = i >>> 5;
    if (schedule === null || schedule.rule.type !== "weekly" || !schedule.usesWallClock || schedule.timeZone !== zone) {
      for (let s = 0; s < WEEK_SLOTS; s++) open[s * words + w] = (open[s * words + w] as number) | bit;
      continue;
    }
    // Windows are half-open minute intervals: a slot holds the candidate when one of its minutes is inside one.
    const intervals = schedule.rule.intervals;
    for (let p = 0; p + 1 < intervals.length; p += 2) {
      const last = Math.ceil((intervals[p + 1] as number) / SLOT_MINUTES);
      for (let s = Math.floor((intervals[p] as number) / SLOT_MINUTES); s < last; s++) open[s * words + w] = (open[s * words + w] as number) | bit;
    }
  }
  return { zone, words, open };
}

/** The zone most weekly wall-clock schedules of the list are read in (`null`: the option's), `undefined` for none. */
function commonZone(candidates: readonly CompiledInvitation[]): string | null | undefined {
  const counts = new Map<string | null, number>();
  let best: string | null | undefined;
  let most = 0;
  for (let i = 0; i < candidates.length; i++) {
    const schedule = (candidates[i] as CompiledInvitation).schedule;
    if (schedule === null || schedule.rule.type !== "weekly" || !schedule.usesWallClock) continue;
    const n = (counts.get(schedule.timeZone) ?? 0) + 1;
    counts.set(schedule.timeZone, n);
    if (n > most) {
      most = n;
      best = schedule.timeZone;
    }
  }
  return best;
}
