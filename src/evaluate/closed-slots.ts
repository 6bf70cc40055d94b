import type { CandidateIndex } from "../compile/candidate-index.js";
import type { CompiledInvitation } from "../compile/compile-invitation.js";
import { buildWeekSlots, SLOT_MINUTES, WEEK_SLOTS } from "../compile/week-slots.js";
import { MINUTE_MS } from "../schedule/civil-date.js";
import { offsetStretch } from "../schedule/offset-at.js";
import { weekStart } from "../schedule/weekly-rule.js";
import type { VisitorView } from "../visitor/view-visitor.js";
import { checkCandidate, type CheckEnv } from "./check-candidate.js";
import type { SlotOfNow, VisitorMask } from "./visitor-mask.js";

const SLOT_MS = SLOT_MINUTES * MINUTE_MS;

/** Where the instant of a scan falls in its list's week slots. */
export interface SlotPlace extends SlotOfNow {
  /** The slot of the instant. */
  readonly slot: number;
  /** A bitset for `laterChange` to note the candidates it has looked at. */
  readonly seen: Uint32Array;
  /** When the next slot starts. */
  readonly nextAt: number;
  /** When the zone's offset next changes: slots say nothing past it. */
  readonly untilMs: number;
}

/**
 * Where `env`'s instant falls in the week slots of `list` (built here on first use), or `null` when they cannot
 * help: no weekly wall-clock schedule, or a zone or instant whose offset is unknown.
 *
 * @example
 * slotPlace(list, mask, env)?.slot // => 9 on a Monday between 09:00 and 10:00 in the slots' zone
 */
export function slotPlace(list: CandidateIndex, mask: VisitorMask, env: CheckEnv): SlotPlace | null {
  const slots = list.weekSlots === undefined ? (list.weekSlots = buildWeekSlots(list.candidates)) : list.weekSlots;
  if (slots === null) return null;
  const stretch = offsetStretch(slots.zone ?? env.timeZone, env.atMs);
  if (stretch === null) return null;
  const wall = env.atMs + stretch.offsetMs;
  const start = weekStart(wall);
  const slot = Math.floor((wall - start) / SLOT_MS);
  const nextAt = start + (slot + 1) * SLOT_MS - stretch.offsetMs;
  return { slots, slot, openAt: slot * slots.words, seen: mask.seenWords(), nextAt, untilMs: stretch.untilMs };
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
  // The bits of the last word at or after `end`: they rank after it.
  const after = (end & 31) === 0 ? 0 : -1 << (end & 31);
  let changeAt = bound;
  for (let w = 0; w < used; w++) changeAt = checkWord(list, mask.waiting(w) & ~(w === used - 1 ? after : 0), w, accepts, visitor, env, changeAt);
  if (place === null) return changeAt;
  const { open, words } = place.slots;
  // The candidates present in a slot walked so far (the slot of now first): the others are still to be looked at.
  const seen = place.seen;
  for (let w = 0; w < used; w++) seen[w] = open[place.openAt + w] as number;
  if (used > 0) seen[used - 1] = (seen[used - 1] as number) | after;
  for (let j = 1, from = place.nextAt; ; j++, from += SLOT_MS) {
    // Every candidate left is closed from now until `from`, or until the offset changes if that comes first: from
    // then on (or once a whole week is walked) the slots tell nothing, and every candidate left is checked.
    if (changeAt <= Math.min(from, place.untilMs)) return changeAt;
    const last = from >= place.untilMs || j > WEEK_SLOTS;
    const at = ((place.slot + j) % WEEK_SLOTS) * words;
    let left = 0;
    for (let w = 0; w < used; w++) {
      const fresh = last ? ~(seen[w] as number) : (open[at + w] as number) & ~(seen[w] as number);
      seen[w] = (seen[w] as number) | fresh;
      left |= ~(seen[w] as number);
      if (fresh !== 0) changeAt = checkWord(list, mask.word(w, fresh), w, accepts, visitor, env, changeAt);
    }
    if (left === 0) return changeAt;
  }
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
    const c = list.candidates[w * 32 + 31 - Math.clz32(lowest)] as CompiledInvitation;
    if (accepts !== null && !accepts(c)) continue;
    checkCandidate(c, visitor, env, earliest, null);
    if (env.changeAt < earliest) earliest = env.changeAt;
  }
  return earliest;
}
