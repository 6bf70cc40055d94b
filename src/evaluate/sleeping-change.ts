import { WEEK_HOURS } from "../compile/candidate-index.js";
import type { CandidateIndex } from "../compile/candidate-index.js";
import type { CompiledInvitation } from "../compile/compile-invitation.js";
import { hashPrefix, hashWithKey } from "../hashing/hash-unit.js";
import { beatsOnHash } from "../hashing/pick-lowest-hash.js";
import type { VisitorView } from "../visitor/view-visitor.js";
import { checkCandidate, type CheckEnv } from "./check-candidate.js";
import { hourStartsAt, type SleepingZone, type VisitorMask } from "./visitor-mask.js";

/** Where a selection stands once its winner is known: what `sleepingChange` must still watch. */
export interface SelectionScope {
  /** The first eligible candidate's list position (its group's winner follows from the tie), or −1 for none. */
  first: number;
  winner: CompiledInvitation | null;
  seed: string;
}

/**
 * The earliest change among the candidates the weekly index left asleep (schedule off for the rest of the visitor's
 * hour), given the earliest change found so far (`bound`): the third pass of `selectWinner`. The ones that count
 * are those the selection would have checked had they been awake — every one ranked before the first eligible
 * candidate, and the members of the winner's group that beat it on the tie hash; all of them when nobody won.
 *
 * A sleeper cannot become eligible before its schedule wakes, and it wakes no earlier than the first hour of its
 * week that holds it. So sleepers are checked hour by hour as they wake, and the walk stops at the first hour that
 * starts no earlier than the earliest change found. Hours are instants only while the zone's offset holds: past
 * that, the sleepers left are checked one by one (unless the offset's change itself comes too late to matter).
 *
 * @example
 * sleepingChange(list, mask, null, { first: -1, winner: null, seed: "" }, view, env, Infinity) // => when the first sleeper could hold
 */
export function sleepingChange(
  list: CandidateIndex,
  mask: VisitorMask,
  accepts: ((candidate: CompiledInvitation) => boolean) | null,
  scope: SelectionScope,
  visitor: VisitorView,
  env: CheckEnv,
  bound: number,
): number {
  if (mask.sleepers.length === 0) return bound;
  const counts = new Counted(list.candidates, accepts, scope, visitor);
  let changeAt = bound;
  for (let z = 0; z < mask.sleepers.length; z++) {
    changeAt = zoneChange(mask.sleepers[z] as SleepingZone, mask, counts, visitor, env, changeAt);
  }
  return changeAt;
}

function zoneChange(sleeper: SleepingZone, mask: VisitorMask, counts: Counted, visitor: VisitorView, env: CheckEnv, bound: number): number {
  const end = counts.end;
  const words = Math.ceil(end / 32);
  const pending = new Uint32Array(words);
  let left = 0;
  for (let w = 0; w < words; w++) {
    let bits = mask.sleeping(w) & (sleeper.zone.members[w] as number);
    if (w * 32 + 32 > end) bits &= (2 ** (end - w * 32) - 1) | 0;
    pending[w] = bits;
    if (bits !== 0) left += 1;
  }
  let changeAt = bound;
  for (let step = 1; left > 0 && step <= WEEK_HOURS; step++) {
    const startsAt = hourStartsAt(sleeper, sleeper.hour + step);
    if (startsAt > sleeper.untilMs) {
      // The offset may change before this hour: every sleeper left is off until then at least, no more is known.
      if (sleeper.untilMs < changeAt) changeAt = checkBits(pending, counts, visitor, env, changeAt);
      return changeAt;
    }
    if (startsAt >= changeAt) return changeAt;
    const hours = sleeper.zone.hours[(sleeper.hour + step) % WEEK_HOURS] as Uint32Array;
    for (let w = 0; w < words; w++) {
      const woke = (pending[w] as number) & (hours[w] as number);
      if (woke === 0) continue;
      pending[w] = (pending[w] as number) ^ woke;
      if (pending[w] === 0) left -= 1;
      changeAt = checkWord(w, woke, counts, visitor, env, changeAt);
    }
  }
  // Sleepers no hour of the week holds are never active: they never change.
  return changeAt;
}

function checkBits(bits: Uint32Array, counts: Counted, visitor: VisitorView, env: CheckEnv, bound: number): number {
  let changeAt = bound;
  for (let w = 0; w < bits.length; w++) if (bits[w] !== 0) changeAt = checkWord(w, bits[w] as number, counts, visitor, env, changeAt);
  return changeAt;
}

function checkWord(w: number, word: number, counts: Counted, visitor: VisitorView, env: CheckEnv, bound: number): number {
  let changeAt = bound;
  let bits = word;
  while (bits !== 0) {
    const lowest = bits & -bits;
    bits ^= lowest;
    const c = counts.candidate(w * 32 + 31 - Math.clz32(lowest));
    if (c === null) continue;
    const { changeAt: next } = checkCandidate(c, visitor, env, changeAt, null);
    if (next < changeAt) changeAt = next;
  }
  return changeAt;
}

/** Which list positions count for the selection's change, and the candidate at each. */
class Counted {
  /** Positions from here on never count (past the winner's group). */
  readonly end: number;
  private winnerTie = Number.NaN;
  private prefix = 0;

  constructor(
    private readonly candidates: readonly CompiledInvitation[],
    private readonly accepts: ((candidate: CompiledInvitation) => boolean) | null,
    private readonly scope: SelectionScope,
    private readonly visitor: VisitorView,
  ) {
    const { winner, first } = scope;
    let end = candidates.length;
    if (winner !== null) {
      end = first + 1;
      while (end < candidates.length && sameGroup(candidates[end] as CompiledInvitation, winner)) end += 1;
    }
    this.end = end;
  }

  /** The candidate at position `i` if it counts, else `null`. */
  candidate(i: number): CompiledInvitation | null {
    const c = this.candidates[i] as CompiledInvitation;
    if (this.accepts !== null && !this.accepts(c)) return null;
    const { winner, first } = this.scope;
    // Past the first eligible one, only a member of the winner's group that beats it on the tie hash counts.
    if (winner === null || i < first) return c;
    if (Number.isNaN(this.winnerTie)) {
      this.prefix = hashPrefix("tie", this.scope.seed, this.visitor.id);
      this.winnerTie = hashWithKey(this.prefix, winner.tieKey);
    }
    return beatsOnHash(hashWithKey(this.prefix, c.tieKey), c.id, this.winnerTie, winner.id) ? c : null;
  }
}

function sameGroup(c: CompiledInvitation, winner: CompiledInvitation): boolean {
  return c.position === winner.position && c.timeOnSite === winner.timeOnSite;
}
