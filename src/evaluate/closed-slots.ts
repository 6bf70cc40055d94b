import type { CandidateIndex } from "../compile/candidate-index.js";
import type { CompiledInvitation } from "../compile/compile-invitation.js";
import { buildWeekSlots, SLOT_MINUTES, WEEK_SLOTS } from "../compile/week-slots.js";
import { MINUTE_MS } from "../schedule/civil-date.js";
import { offsetStretch } from "../schedule/offset-at.js";
import { weekStart } from "../schedule/weekly-rule.js";
import { firstAbove } from "../lib/first-above.js";
import type { VisitorView } from "../visitor/view-visitor.js";
import { checkCandidate, timeOnSiteMetAt, type CheckEnv } from "./check-candidate.js";
import type { SlotOfNow, VisitorMask } from "./visitor-mask.js";

const SLOT_MS = SLOT_MINUTES * MINUTE_MS;

/** Where the instant of a scan falls in its list's week slots. */
export interface SlotPlace extends SlotOfNow {
  /** The slot of the instant. */
  readonly slot: number;
  /** When the next slot starts. */
  readonly nextAt: number;
  /** When the zone's offset next changes: slots say nothing past it. */
  readonly untilMs: number;
}

/**
 * Where `env`'s instant falls in the week slots of `list` (built here on first use), or `null` when they cannot
 * help: too few weekly wall-clock schedules (see `buildWeekSlots`), or a zone or instant whose offset is unknown.
 *
 * @example
 * slotPlace(list, env)?.slot // => 9 on a Monday between 09:00 and 10:00 in the slots' zone
 */
export function slotPlace(list: CandidateIndex, env: CheckEnv): SlotPlace | null {
  const slots = list.weekSlots === undefined ? (list.weekSlots = buildWeekSlots(list.candidates)) : list.weekSlots;
  if (slots === null) return null;
  const stretch = offsetStretch(slots.zone ?? env.timeZone, env.atMs);
  if (stretch === null) return null;
  const wall = env.atMs + stretch.offsetMs;
  const start = weekStart(wall);
  const slot = Math.floor((wall - start) / SLOT_MS);
  const nextAt = start + (slot + 1) * SLOT_MS - stretch.offsetMs;
  return { slots, slot, openAt: slot * slots.words, nextAt, untilMs: stretch.untilMs };
}

/**
 * The earliest change, given the earliest found so far (`bound`), among the candidates of `mask` the scan did not
 * check that rank before index `end` (the first eligible one; the list's end without one): the second pass of
 * `selectWinner`. Those whose time-on-site minimum the visitor has not reached are checked first; they rank before
 * the winner's group exactly when they have a lower position, since a waiting one of the same position has a
 * higher time on site. Then, with `place`, those skipped as closed throughout the slot of now: a candidate first
 * present in a later slot is closed until at least that slot's start, so the slots are walked forward and only the
 * candidates newly present in each are checked, until the bound is no later than the next slot's start.
 *
 * @example
 * laterChange(list, mask, place, list.candidates.length, null, view, env, Infinity) // => when the soonest could hold
 */
export function laterChange(
  list: CandidateIndex,
  mask: VisitorMask,
  place: SlotPlace | null,
  end: number,
  accepts: ((candidate: CompiledInvitation) => boolean) | null,
  visitor: VisitorView,
  env: CheckEnv,
  bound: number,
): number {
  const used = (end + 31) >>> 5;
  // The bits of the last word used that rank before `end` (those at or after it rank after it).
  const last = (end & 31) === 0 ? -1 : ~(-1 << (end & 31));
  const noted = place !== null;
  let changeAt =
    end === list.candidates.length
      ? soonestWaiting(list, mask, noted, accepts, visitor, env, bound)
      : waitingBefore(list, mask, used, last, noted, accepts, visitor, env, bound);
  if (place === null) return changeAt;
  const { open, words } = place.slots;
  // The survivors the scan passed over as closed throughout the hour of now, per word (`mask.closed`, noted by the
  // scan; the last word's bits from `end` on rank after it): each is checked in the first later hour it may be open
  // in. `todo` lists the words that still hold some, so the walk stops as soon as none is left.
  const todo = mask.closedWords();
  let count = 0;
  for (let w = 0; w < used; w++) if ((mask.closed(w) & (w === used - 1 ? last : -1)) !== 0) todo[count++] = w;
  for (let j = 1, from = place.nextAt; count > 0; j++, from += SLOT_MS) {
    // Every candidate left is closed from now until `from`, or until the offset changes if that comes first: from
    // then on (or once a whole week is walked) the slots tell nothing, and every candidate left is checked.
    if (changeAt <= Math.min(from, place.untilMs)) return changeAt;
    const final = from >= place.untilMs || j > WEEK_SLOTS;
    const at = ((place.slot + j) % WEEK_SLOTS) * words;
    let kept = 0;
    for (let k = 0; k < count; k++) {
      const w = todo[k] as number;
      const rest = mask.closed(w) & (w === used - 1 ? last : -1);
      const fresh = final ? rest : (open[at + w] as number) & rest;
      if (fresh !== 0) {
        mask.takeClosed(w, fresh);
        changeAt = checkWord(list, fresh, w, accepts, visitor, env, changeAt);
      }
      if ((rest & ~fresh) !== 0) todo[kept++] = w;
    }
    count = kept;
  }
  return changeAt;
}

/**
 * With a winner, the waiting candidates of the words before it (of the last one, only its bits in `last`); without
 * one every waiting candidate counts, and {@link soonestWaiting} takes them in the order their minimums are met.
 */
function waitingBefore(
  list: CandidateIndex,
  mask: VisitorMask,
  used: number,
  last: number,
  noted: boolean,
  accepts: ((candidate: CompiledInvitation) => boolean) | null,
  visitor: VisitorView,
  env: CheckEnv,
  bound: number,
): number {
  let changeAt = bound;
  for (let w = 0; w < used; w++) {
    const bits = mask.waiting(w, w === used - 1 ? last : -1, noted);
    if (bits !== 0) changeAt = checkWord(list, bits, w, accepts, visitor, env, changeAt);
  }
  return changeAt;
}

/**
 * Every waiting candidate, in the order their minimums are met, until the first met no earlier than the earliest
 * change found: none after it can be earlier. Without that stop a visitor who just arrived would have nearly every
 * candidate of a large list checked. The walk goes through `byOnSite` one candidate at a time, which costs little when
 * it stops soon; past as many steps as the mask has words, the rest of the waiting candidates the mask keeps are read
 * from it a word at a time and put in the same order by their place in `byOnSite`: usually there are few, where the
 * list's waiting candidates may be most of it. Either way the same candidates are checked, in the same order.
 */
function soonestWaiting(
  list: CandidateIndex,
  mask: VisitorMask,
  noted: boolean,
  accepts: ((candidate: CompiledInvitation) => boolean) | null,
  visitor: VisitorView,
  env: CheckEnv,
  bound: number,
): number {
  const { candidates, byOnSite, onSiteRank } = list;
  let changeAt = bound;
  // The first candidate whose minimum is above the visitor's time on site.
  let j = firstAbove(list.onSiteByRank, visitor.timeOnSite);
  for (const walked = Math.min(byOnSite.length, j + mask.words); j < walked; j++) {
    const i = byOnSite[j] as number;
    const c = candidates[i] as CompiledInvitation;
    if (timeOnSiteMetAt(c, visitor, env.atMs) >= changeAt) return changeAt;
    // Noted by the scan when it skipped by slot (the closed ones are the walk's), else worked out for this one.
    if (mask.waiting(i >>> 5, 1 << (i & 31), noted) !== 0) changeAt = earliestChange(c, accepts, visitor, env, changeAt);
  }
  if (j === byOnSite.length) return changeAt;
  const ranks = mask.rankScratch();
  let count = 0;
  for (let w = 0; w < mask.words; w++) {
    for (let bits = mask.waiting(w, -1, noted); bits !== 0; ) {
      const lowest = bits & -bits;
      bits ^= lowest;
      const rank = onSiteRank[w * 32 + 31 - Math.clz32(lowest)] as number;
      if (rank >= j) ranks[count++] = rank;
    }
  }
  ranks.subarray(0, count).sort();
  for (let k = 0; k < count; k++) {
    const c = candidates[byOnSite[ranks[k] as number] as number] as CompiledInvitation;
    if (timeOnSiteMetAt(c, visitor, env.atMs) >= changeAt) break;
    changeAt = earliestChange(c, accepts, visitor, env, changeAt);
  }
  return changeAt;
}

/**
 * Checks the candidates of word `w` in `bits` (those `accepts` takes) and returns the earliest change among them and
 * `changeAt`, the bound of every check.
 */
function checkWord(
  list: CandidateIndex,
  bits: number,
  w: number,
  accepts: ((candidate: CompiledInvitation) => boolean) | null,
  visitor: VisitorView,
  env: CheckEnv,
  changeAt: number,
): number {
  let earliest = changeAt;
  while (bits !== 0) {
    const lowest = bits & -bits;
    bits ^= lowest;
    earliest = earliestChange(list.candidates[w * 32 + 31 - Math.clz32(lowest)] as CompiledInvitation, accepts, visitor, env, earliest);
  }
  return earliest;
}

/** The earlier of `changeAt` and candidate `c`'s change, checked with `changeAt` as its bound (when `accepts` takes it). */
function earliestChange(
  c: CompiledInvitation,
  accepts: ((candidate: CompiledInvitation) => boolean) | null,
  visitor: VisitorView,
  env: CheckEnv,
  changeAt: number,
): number {
  if (accepts !== null && !accepts(c)) return changeAt;
  checkCandidate(c, visitor, env, changeAt, null);
  return env.changeAt < changeAt ? env.changeAt : changeAt;
}
