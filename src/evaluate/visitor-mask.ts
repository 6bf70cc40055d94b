import { AttributeIndex } from "../conditions/attribute-index.js";
import { readAttributeValue } from "../conditions/read-attribute-value.js";
import type { VisitorView } from "../visitor/view-visitor.js";
import type { CandidateIndex, Dimension, Needs } from "../compile/candidate-index.js";
import type { CompiledInvitation } from "../compile/compile-invitation.js";
import { firstAbove } from "../lib/first-above.js";
import type { WeekSlots } from "../compile/week-slots.js";

/** The slot of the week a scan skips closed candidates by: its bitset starts at `openAt` in `slots.open`. */
export interface SlotOfNow {
  readonly slots: WeekSlots;
  readonly openAt: number;
}

/**
 * A term read from a key's list of candidates (see `KeyPostings`): the listed candidates, plus `base`'s (a
 * dimension's wild candidates) when set.
 */
export interface ListTerm {
  base: Uint32Array | null;
  positions: Uint32Array;
  start: number;
  end: number;
}

/** A term of the mask: a bitset, or a list. */
type Term = Uint32Array | ListTerm;

/**
 * The candidates of one list a visitor's static keys fit, as terms ANDed one 32-candidate word at a time, only for
 * the words a scan actually reaches: selection usually stops within the first few words, so most of a large set is
 * never looked at. Filled by {@link matchingCandidates}, one per scan: it is the only thing a scan writes, so scans
 * may interleave (an evaluation started from inside another's visitor getter).
 */
export class VisitorMask {
  // Each kind of term is an array filled up to its count: emptying an array by `length = 0` would give its storage
  // back, and a reused mask would allocate it again on every scan.
  /** Bitsets every surviving candidate is in. */
  private readonly all: Uint32Array[] = [];
  private allCount = 0;
  /** Lists every surviving candidate is in. */
  private readonly allLists: ListTerm[] = [];
  private allListCount = 0;
  /** Bitsets no surviving candidate is in. */
  private readonly none: Uint32Array[] = [];
  private noneCount = 0;
  /**
   * Bitsets no surviving candidate is in unless `unless[k]` spares it: candidates needing a rare key, and those of
   * them whose rare keys the visitor all has. The `unless` bitsets belong to the mask and are reused.
   */
  private readonly noneUnless: Uint32Array[] = [];
  private readonly unless: Uint32Array[] = [];
  private noneUnlessCount = 0;
  /**
   * Groups of terms of which a surviving candidate is in at least one (a visitor's several tags; a first path
   * segment's exact and prefix keys): group g is `any[anyEnds[g − 1] … anyEnds[g] − 1]`.
   */
  private readonly any: Uint32Array[] = [];
  /**
   * At each place in `any`, the group's list term (`any` then holds a bitset never read), else `null`: bitsets, the
   * usual terms, are then read without asking each term what it is.
   */
  private readonly anyLists: (ListTerm | null)[] = [];
  private anyCount = 0;
  private readonly anyEnds: number[] = [];
  private groupCount = 0;
  /** The candidates whose time-on-site minimum the visitor has reached (a superset), or `null`: all. */
  private ready: Uint32Array | null = null;

  /** Per candidate, keys found so far in the current count (`countedIn[i] === countGeneration`); see {@link bump}. */
  private counts: Uint32Array | null = null;
  private countedIn: Uint32Array | null = null;
  private countGeneration = 0;

  /** See {@link readyWord}. */
  private late: Uint32Array | null = null;
  private shut: Uint32Array | null = null;
  /** See {@link closedWords}. */
  private todo: Uint32Array | null = null;
  /** See {@link rankScratch}. */
  private ranks: Uint32Array | null = null;

  constructor(private readonly enabled: Uint32Array) {}

  /** Empties the mask for another scan of the same list (a mask back from {@link releaseMask}). */
  reset(): void {
    this.allCount = 0;
    this.allListCount = 0;
    this.noneCount = 0;
    this.noneUnlessCount = 0;
    this.anyCount = 0;
    this.groupCount = 0;
    this.ready = null;
  }

  requireAll(term: Term): void {
    if (term instanceof Uint32Array) this.all[this.allCount++] = term;
    else this.allLists[this.allListCount++] = term;
  }

  requireNone(bits: Uint32Array): void {
    this.none[this.noneCount++] = bits;
  }

  /** An empty bitset of the mask's own, to fill and pass to {@link requireNoneUnless} (before any other call does). */
  sparedBits(): Uint32Array {
    const k = this.noneUnlessCount;
    let spared = this.unless[k];
    if (spared === undefined) this.unless[k] = spared = new Uint32Array(this.words);
    else spared.fill(0);
    return spared;
  }

  /** No candidate of `bits` survives, except the ones `spared` (from {@link sparedBits}) holds. */
  requireNoneUnless(bits: Uint32Array, spared: Uint32Array): void {
    this.noneUnless[this.noneUnlessCount] = bits;
    this.unless[this.noneUnlessCount++] = spared;
  }

  /** Starts a new count for {@link bump}: every candidate's count is back to 0. */
  startCount(): void {
    if (++this.countGeneration > 0xffff_ffff) {
      this.countGeneration = 1;
      this.countedIn?.fill(0);
    }
  }

  /**
   * Adds one to candidate `i`'s count and returns it. Stamped by generation rather than cleared, so a count costs
   * the candidates it touches, not the whole list; the arrays come on first use (most candidates need one key).
   */
  bump(i: number): number {
    const counts = (this.counts ??= new Uint32Array(this.words * 32));
    const countedIn = (this.countedIn ??= new Uint32Array(this.words * 32));
    const n = countedIn[i] === this.countGeneration ? (counts[i] as number) + 1 : 1;
    countedIn[i] = this.countGeneration;
    counts[i] = n;
    return n;
  }

  /** Adds a term to the current group of alternatives; {@link closeGroup} ends the group. */
  requireAny(term: Term): void {
    const bits = term instanceof Uint32Array;
    this.anyLists[this.anyCount] = bits ? null : term;
    this.any[this.anyCount++] = bits ? term : this.enabled;
  }

  closeGroup(): void {
    const start = this.groupCount === 0 ? 0 : (this.anyEnds[this.groupCount - 1] as number);
    if (this.anyCount - start !== 1) {
      this.anyEnds[this.groupCount++] = this.anyCount;
      return;
    }
    // One alternative (a visitor with one tag, a segment no prefix key fits) is simply required: read with the
    // other required terms, without a group's inner loop on every word.
    this.anyCount = start;
    const list = this.anyLists[start] as ListTerm | null;
    if (list === null) this.all[this.allCount++] = this.any[start] as Uint32Array;
    else this.allLists[this.allListCount++] = list;
  }

  requireReady(bits: Uint32Array): void {
    this.ready = bits;
  }

  /** The number of 32-candidate words. */
  get words(): number {
    return this.enabled.length;
  }

  /**
   * Word `w` of the surviving candidates (their time on site not considered) among those of `pre`: a narrow `pre`
   * ends the ANDs early.
   */
  word(w: number, pre = -1): number {
    // The arrays and counts in locals: read through `this`, the optimised loop would check the mask's shape and load
    // them again on every term.
    let m = (this.enabled[w] as number) & pre;
    const all = this.all;
    for (let i = 0, n = this.allCount; i < n && m !== 0; i++) m &= (all[i] as Uint32Array)[w] as number;
    for (let i = 0; i < this.allListCount && m !== 0; i++) m &= listWord(this.allLists[i] as ListTerm, w);
    const none = this.none;
    for (let i = 0, n = this.noneCount; i < n && m !== 0; i++) m &= ~((none[i] as Uint32Array)[w] as number);
    for (let i = 0; i < this.noneUnlessCount && m !== 0; i++) {
      m &= ~((this.noneUnless[i] as Uint32Array)[w] as number) | ((this.unless[i] as Uint32Array)[w] as number);
    }
    const any = this.any;
    const lists = this.anyLists;
    const ends = this.anyEnds;
    let i = 0;
    for (let g = 0, groups = this.groupCount; g < groups && m !== 0; g++) {
      let accepted = 0;
      for (const end = ends[g] as number; i < end; i++) {
        const list = lists[i] as ListTerm | null;
        accepted |= list === null ? ((any[i] as Uint32Array)[w] as number) : listWord(list, w);
      }
      m &= accepted;
    }
    return m;
  }

  /**
   * Word `w` of the surviving candidates the visitor's time on site already allows among those of `pre` (the
   * candidates open in the hour of now; `null` when the scan skips by no hour). With `pre`, the other survivors of
   * the word are noted — those `pre` leaves out for {@link closed}, those still waiting for {@link waiting} — so a
   * scan works each word out once.
   */
  readyWord(w: number, pre: number | null): number {
    // Without a slot to skip by, nothing is noted: the ready candidates alone, which ends the ANDs soonest.
    if (pre === null) return this.word(w, this.ready === null ? -1 : (this.ready[w] as number));
    const m = this.word(w);
    (this.shut ??= new Uint32Array(this.words))[w] = m & ~pre;
    const open = m & pre;
    if (this.ready === null) return open;
    (this.late ??= new Uint32Array(this.words))[w] = open & ~(this.ready[w] as number);
    return open & (this.ready[w] as number);
  }

  /**
   * Word `w` of the surviving candidates among `among` whose time-on-site minimum the visitor has not reached yet:
   * as noted by {@link readyWord} when the scan skipped by slot (`noted`), else worked out now.
   */
  waiting(w: number, among: number, noted: boolean): number {
    if (this.ready === null || among === 0) return 0;
    const waiting = among & ~(this.ready[w] as number);
    return noted ? ((this.late as Uint32Array)[w] as number) & waiting : this.word(w, waiting);
  }

  /**
   * Word `w` of the surviving candidates a scan passed over as closed in the hour of now, as noted by
   * {@link readyWord}, less those since taken by {@link takeClosed}.
   */
  closed(w: number): number {
    return this.shut === null ? 0 : (this.shut[w] as number);
  }

  /** Crosses `bits` off word `w` of {@link closed}: a walk has looked at them. */
  takeClosed(w: number, bits: number): void {
    const shut = this.shut as Uint32Array;
    shut[w] = (shut[w] as number) & ~bits;
  }

  /**
   * Word `w` read again whole, once a scan stops skipping the closed: its survivors the time on site allows (the
   * waiting ones noted for {@link waiting}; those {@link closed} keeps stay noted there too).
   */
  reopen(w: number): number {
    const m = this.word(w);
    if (this.ready === null) return m;
    (this.late as Uint32Array)[w] = m & ~(this.ready[w] as number);
    return m & (this.ready[w] as number);
  }

  /** An array of the mask's own, one entry per word, for a scan's walk to list the words it still has to look at. */
  closedWords(): Uint32Array {
    return (this.todo ??= new Uint32Array(this.words));
  }

  /** An array of the mask's own, one entry per candidate, for a scan to list candidates in an order of its choosing. */
  rankScratch(): Uint32Array {
    return (this.ranks ??= new Uint32Array(this.words * 32));
  }
}

/** Word `w` of a list term: the listed candidates in it (found by binary search), and `base`'s. */
function listWord(term: ListTerm, w: number): number {
  const { positions } = term;
  const first = w << 5;
  let low = term.start;
  let high = term.end;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((positions[mid] as number) < first) low = mid + 1;
    else high = mid;
  }
  let bits = term.base === null ? 0 : (term.base[w] as number);
  for (let p = low; p < term.end && (positions[p] as number) < first + 32; p++) bits |= 1 << ((positions[p] as number) & 31);
  return bits;
}

/**
 * Lists shorter than this are checked candidate by candidate: deriving every key of a visitor the mask needs (tags,
 * event log, each attribute key) costs more than the checks it saves. On the benchmark's workload the mask starts to
 * pay between 100 and 300 candidates.
 */
const MASK_FROM = 160;

/**
 * The mask a scan of `index` for this visitor should use: `null` (check every candidate) for short lists.
 *
 * @example
 * new CandidateCursor(index.candidates, scanMask(index, view), true)
 */
export function scanMask(index: CandidateIndex, view: VisitorView): VisitorMask | null {
  return index.candidates.length < MASK_FROM ? null : matchingCandidates(index, view);
}

/**
 * A mask, held by this scan alone, with what a visitor's keys leave of a list; give it back with
 * {@link releaseMask} when the scan is over.
 *
 * @example
 * const mask = matchingCandidates(index, view);
 * for (const cursor = new CandidateCursor(index.candidates, mask, false), c = cursor.next(); …)
 */
export function matchingCandidates(index: CandidateIndex, view: VisitorView): VisitorMask {
  // A mask no scan holds, else a new one: a scan started inside another (a visitor getter) never shares a mask.
  // Only releaseMask puts masks in this list, so what comes out is a VisitorMask.
  const mask = (index.spareMasks.pop() as VisitorMask | undefined) ?? new VisitorMask(index.enabled);
  mask.reset();
  // A dimension no candidate restricts has every candidate wild: nothing to narrow, and the visitor's value (some
  // of which cost work to derive) is not even read.
  if (restricts(index.host)) narrow(mask, index.host, view.host);
  if (restricts(index.segment)) narrowSegment(mask, index, view.segment);
  if (restricts(index.language)) narrow(mask, index.language, view.language);
  if (restricts(index.identifier)) narrow(mask, index.identifier, view.identifier);
  if (restricts(index.department)) narrow(mask, index.department, view.department);
  if (restricts(index.device)) narrow(mask, index.device, view.device);
  if (restricts(index.tag)) narrowAny(mask, index.tag, view.tags);
  const levels = index.pageviewsAtMost;
  if (levels.length > 0) mask.requireAll(levels[Math.min(Math.floor(view.pageviews), levels.length - 1)] as Uint32Array);
  const onSite = readyLevel(index, view.timeOnSite);
  if (onSite !== null) mask.requireReady(onSite);
  const attributes = index.needsAttribute;
  if (attributes.dense.size + attributes.sparse.size > 0) {
    const values = view.attributeSource;
    for (let i = 0; i < attributes.denseKeys.length; i++) {
      if (readAttributeValue(values, attributes.denseKeys[i] as string) === undefined) mask.requireNone(attributes.denseBits[i] as Uint32Array);
    }
    if (attributes.sparse.size > 0) {
      const has = (key: string): boolean => readAttributeValue(values, key) !== undefined;
      narrowListed(mask, attributes, has, () => (values instanceof AttributeIndex ? values.keys() : Object.getOwnPropertyNames(values)));
    }
  }
  const events = index.needsEvent;
  if (events.dense.size + events.sparse.size > 0) {
    const log = view.events;
    for (let i = 0; i < events.denseKeys.length; i++) if (!log.has(events.denseKeys[i] as string)) mask.requireNone(events.denseBits[i] as Uint32Array);
    if (events.sparse.size > 0) narrowListed(mask, events, (name) => log.has(name), () => [...log.keys()]);
  }
  return mask;
}

/** How many masks a list keeps for reuse: one per scan running at once, which is one unless scans nest. */
const SPARE_MASKS = 2;

/**
 * Gives a scan's mask back to its list for the next scan to reuse, once the scan is done with it (a mask is never
 * handed out twice at once). Skipping this is safe — the next scan builds a new mask — only slower.
 *
 * @example
 * const mask = scanMask(index, view);
 * try { …scan… } finally { releaseMask(index, mask); }
 */
export function releaseMask(index: CandidateIndex, mask: VisitorMask | null): void {
  if (mask !== null && index.spareMasks.length < SPARE_MASKS && !index.spareMasks.includes(mask)) index.spareMasks.push(mask);
}

function restricts(dimension: Dimension): boolean {
  return dimension.dense.size > 0 || dimension.sparse.size > 0;
}

/** The candidates that accept `value` (the wild ones included), or `null` when the value has no entry. */
function accepting(dimension: Dimension, value: string): Term | null {
  const dense = dimension.dense.get(value);
  if (dense !== undefined) return dense;
  const list = dimension.sparse.get(value);
  if (list === undefined) return null;
  const { starts, positions, wild } = dimension;
  return { base: wild, positions, start: starts[list] as number, end: starts[list + 1] as number };
}

function narrow(mask: VisitorMask, dimension: Dimension, value: string | undefined): void {
  mask.requireAll((value === undefined ? null : accepting(dimension, value)) ?? dimension.wild);
}

function narrowAny(mask: VisitorMask, dimension: Dimension, values: ReadonlySet<string>): void {
  let found = false;
  for (const value of values) {
    const term = accepting(dimension, value);
    if (term === null) continue;
    mask.requireAny(term);
    found = true;
  }
  if (found) mask.closeGroup();
  else mask.requireAll(dimension.wild);
}

/**
 * The first path segment: candidates whose patterns name it exactly, or a prefix of it (keys `/` + prefix, see
 * `segmentKey`, of the lengths in `segmentPrefixes`), or any segment — as one term when the index has them joined.
 */
function narrowSegment(mask: VisitorMask, index: CandidateIndex, segment: string | undefined): void {
  const dimension = index.segment;
  if (segment === undefined) return mask.requireAll(dimension.wild);
  const joined = index.segmentJoined.get(segment);
  if (joined !== undefined) return mask.requireAll(joined);
  const prefixes = index.segmentPrefixes;
  const exact = accepting(dimension, segment) ?? dimension.wild;
  if (prefixes.length === 0) return mask.requireAll(exact);
  mask.requireAny(exact);
  for (let i = 0; i < prefixes.length; i++) {
    const length = prefixes[i] as number;
    if (segment.length < length) continue;
    const term = accepting(dimension, `/${segment.slice(0, length)}`);
    if (term !== null) mask.requireAny(term);
  }
  mask.closeGroup();
}

/** Below this many listed keys they are simply all looked up; above, the visitor's keys may be fewer. */
const FEW_LISTED_KEYS = 16;

/**
 * Keys the visitor lacks rule out the candidates that need them: a bitset key by one AND (above); the listed (rare)
 * keys all together here, by sparing, among the candidates needing any, those whose every listed key the visitor
 * has. Work is bounded by the smaller of the visitor's keys and the listed keys, so neither side's size alone can
 * make it slow.
 */
function narrowListed(mask: VisitorMask, needs: Needs, has: (key: string) => boolean, visitorKeys: () => readonly string[]): void {
  // Typed arrays the mask keeps, not Maps: with a thousand listed keys, Map updates were most of a scan's cost.
  const spared = mask.sparedBits();
  let sparing = false;
  mask.startCount();
  const { starts, positions, sparseNeeds } = needs;
  const count = (list: number): void => {
    for (let p = starts[list] as number, end = starts[list + 1] as number; p < end; p++) {
      const i = positions[p] as number;
      // Spared once the visitor has shown every listed key the candidate needs.
      const need = sparseNeeds[i] as number;
      if (need !== 1 && mask.bump(i) !== need) continue;
      spared[i >>> 5] = (spared[i >>> 5] as number) | (1 << (i & 31));
      sparing = true;
    }
  };
  const keys = needs.sparse.size <= FEW_LISTED_KEYS ? null : visitorKeys();
  if (keys === null || keys.length >= needs.sparse.size) {
    for (const [key, list] of needs.sparse) if (has(key)) count(list);
  } else {
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k] as string;
      const list = needs.sparse.get(key);
      if (list !== undefined && has(key)) count(list);
    }
  }
  if (sparing) mask.requireNoneUnless(needs.sparseNeeders, spared);
  else mask.requireNone(needs.sparseNeeders);
}

/**
 * The candidates a visitor's time on site already allows: exactly, when every distinct minimum is a level (the
 * highest level not above it), else a superset (the lowest level not below it). `null` when all are allowed.
 */
function readyLevel(index: CandidateIndex, timeOnSite: number): Uint32Array | null {
  const levels = index.onSiteLevels;
  if (levels.length === 0 || timeOnSite >= (levels[levels.length - 1] as number)) return null;
  const low = firstAbove(levels, timeOnSite);
  // levels[low] is the lowest level above the visitor's time on site.
  if (!index.onSiteExact) return index.onSiteAtMost[low] as Uint32Array;
  return low === 0 ? index.noneReady : (index.onSiteAtMost[low - 1] as Uint32Array);
}

/**
 * Walks candidates in rank order: every candidate of the list (`mask` null, as explain needs), or only those the
 * mask keeps (with `onlyReady`, only those whose time-on-site minimum is met; with `place`, only those open in the
 * slot of now, until {@link keepClosed}). Returns `undefined` when done.
 *
 * @example
 * for (let c = cursor.next(); c !== undefined; c = cursor.next()) check(c);
 */
export class CandidateCursor {
  declare private word: number;
  declare private bits: number;
  declare private position: number;
  /** The index of the candidate last returned (with a mask). */
  declare private at: number;
  declare private readonly candidates: readonly CompiledInvitation[];
  declare private readonly mask: VisitorMask | null;
  declare private readonly onlyReady: boolean;
  declare private place: SlotOfNow | null;

  constructor(candidates: readonly CompiledInvitation[], mask: VisitorMask | null, onlyReady = false, place: SlotOfNow | null = null) {
    // Assigned rather than declared with initialisers, which the engine defines one by one at a higher cost: a
    // cursor is made per list scanned in every evaluation.
    this.word = -1;
    this.bits = 0;
    this.position = 0;
    this.at = -1;
    this.candidates = candidates;
    this.mask = mask;
    this.onlyReady = onlyReady;
    this.place = place;
  }

  next(): CompiledInvitation | undefined {
    const mask = this.mask;
    if (mask === null) return this.candidates[this.position++];
    while (this.bits === 0) {
      this.word += 1;
      if (this.word >= mask.words) return undefined;
      const pre = this.place === null ? null : (this.place.slots.open[this.place.openAt + this.word] as number);
      this.bits = this.onlyReady ? mask.readyWord(this.word, pre) : mask.word(this.word, pre ?? -1);
    }
    const lowest = this.bits & -this.bits;
    this.bits ^= lowest;
    this.at = this.word * 32 + 31 - Math.clz32(lowest);
    return this.candidates[this.at];
  }

  /**
   * Stops skipping (a tie group is read whole) and returns the index of the candidate last returned: the skipped
   * ones before it are left to `laterChange`.
   */
  keepClosed(): number {
    if (this.place !== null && this.mask !== null) {
      this.place = null;
      // The current word again, unskipped, without the candidates returned so far (up to bit `at`). Its waiting
      // candidates are then all checked by the waiting pass, the closed ones too: a check more, never a wrong one.
      this.bits = this.mask.reopen(this.word) & ~((2 << (this.at & 31)) - 1);
    }
    return this.at;
  }
}
