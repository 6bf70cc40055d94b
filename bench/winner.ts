/**
 * The selection rule every competitor applies to its eligible set (docs/semantics.md "Selection"): lowest position, then lower
 * timeOnSite, then the smallest `hashUnit("tie", seed, visitorId, invitationId)` (equal hashes: the smaller id).
 */
import type { Invitation, WeeklySchedule } from "../src/index.js";
import { hashUnit } from "../src/hashing/hash-unit.js";
import { WEEKDAYS } from "./vocabulary.js";

/** The seed every implementation uses (beckon's default). */
export const SEED = "";

/** What ranking needs of an invitation, with defaults applied. */
export interface Ranked {
  id: string;
  position: number;
  timeOnSite: number;
}

/**
 * Ranking fields of an invitation.
 *
 * @example
 * rankOf({ id: "a", message: "x" }) // => { id: "a", position: 0, timeOnSite: 0 }
 */
export function rankOf(invitation: Invitation): Ranked {
  return { id: invitation.id, position: invitation.position ?? 0, timeOnSite: invitation.timeOnSite ?? 0 };
}

/**
 * Picks the winner among eligible invitations (any order), or `null` when there are none.
 *
 * @example
 * pickWinner([{ id: "a", position: 1, timeOnSite: 0 }, { id: "b", position: 0, timeOnSite: 0 }], "v1") // => "b"
 */
export function pickWinner(eligible: readonly Ranked[], visitorId: string): string | null {
  let best: Ranked[] = [];
  for (const candidate of eligible) {
    const first = best[0];
    const order = first === undefined ? -1 : compareRank(candidate, first);
    if (order < 0) best = [candidate];
    else if (order === 0) best.push(candidate);
  }
  return breakTie(best, visitorId);
}

/** Negative when `a` ranks before `b` on (position, timeOnSite), 0 when tied. */
export function compareRank(a: Ranked, b: Ranked): number {
  return a.position - b.position || a.timeOnSite - b.timeOnSite;
}

/** The hash pick among invitations tied on (position, timeOnSite). */
export function breakTie(tied: readonly Ranked[], visitorId: string): string | null {
  if (tied.length <= 1) return tied[0]?.id ?? null;
  let bestId = "";
  let bestHash = Number.POSITIVE_INFINITY;
  for (const { id } of tied) {
    const hash = hashUnit("tie", SEED, visitorId, id);
    if (hash < bestHash || (hash === bestHash && id < bestId)) {
      bestId = id;
      bestHash = hash;
    }
  }
  return bestId;
}

/**
 * A weekly schedule as inclusive minute-of-week ranges (Monday 00:00 = 0); a window with `end < start` runs into
 * the next day and Sunday night into Monday.
 *
 * @example
 * weeklyRanges({ type: "weekly", days: { mon: [{ start: "09:00", end: "17:30" }] } }) // => [[540, 1050]]
 */
export function weeklyRanges(schedule: WeeklySchedule): [number, number][] {
  const ranges: [number, number][] = [];
  WEEKDAYS.forEach((day, index) => {
    for (const { start, end } of schedule.days[day] ?? []) {
      const from = index * 1440 + clock(start);
      const to = index * 1440 + clock(end) + (clock(end) < clock(start) ? 1440 : 0);
      if (to < 10_080) ranges.push([from, to]);
      else ranges.push([from, 10_079], [0, to - 10_080]);
    }
  });
  return ranges;
}

function clock(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}
