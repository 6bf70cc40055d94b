import { SEGMENT_PREFIX_LENGTHS } from "../conditions/compile-url-pattern.js";
import { readAttributeValue } from "../conditions/read-attribute-value.js";
import type { VisitorView } from "../visitor/view-visitor.js";
import type { CandidateIndex, Dimension } from "./candidate-index.js";
import type { CompiledInvitation } from "./compile-invitation.js";

/**
 * The candidates of one list a visitor's static keys fit, as bitset terms ANDed one 32-candidate word at a time,
 * only for the words a scan actually reaches: selection usually stops within the first few words, so most of a
 * large set is never looked at. Filled by {@link matchingCandidates}; reused for every visitor (evaluation is
 * synchronous).
 */
export class VisitorMask {
  private enabled: Uint32Array;
  /** Terms every surviving candidate is in. */
  private readonly all: Uint32Array[] = [];
  private allCount = 0;
  /** Terms no surviving candidate is in. */
  private readonly none: Uint32Array[] = [];
  private noneCount = 0;
  /**
   * Groups of terms of which a surviving candidate is in at least one (a visitor's several tags; a first path
   * segment's exact and prefix keys): group g is `any[anyEnds[g − 1] … anyEnds[g] − 1]`.
   */
  private readonly any: Uint32Array[] = [];
  private anyCount = 0;
  private readonly anyEnds: number[] = [];
  private groupCount = 0;
  /** The candidates whose time-on-site minimum the visitor has reached (a superset), or `null`: all. */
  private ready: Uint32Array | null = null;

  /** Words `has` worked out for the current visitor (`seenIn[w] === generation`). */
  private readonly seen: Uint32Array;
  private readonly seenIn: Uint32Array;
  private generation = 0;

  constructor(words: number) {
    this.enabled = new Uint32Array(words);
    this.seen = new Uint32Array(words);
    this.seenIn = new Uint32Array(words);
  }

  /** Starts over for a new visitor. */
  reset(enabled: Uint32Array): void {
    this.enabled = enabled;
    if (++this.generation > 0xffff_ffff) {
      // After four billion visitors the stamps would repeat: forget them all once.
      this.generation = 1;
      this.seenIn.fill(0);
    }
    this.allCount = 0;
    this.noneCount = 0;
    this.anyCount = 0;
    this.groupCount = 0;
    this.ready = null;
  }

  requireAll(bits: Uint32Array): void {
    this.all[this.allCount++] = bits;
  }

  requireNone(bits: Uint32Array): void {
    this.none[this.noneCount++] = bits;
  }

  /** Adds a term to the current group of alternatives; {@link closeGroup} ends the group. */
  requireAny(bits: Uint32Array): void {
    this.any[this.anyCount++] = bits;
  }

  closeGroup(): void {
    this.anyEnds[this.groupCount++] = this.anyCount;
  }

  requireReady(bits: Uint32Array): void {
    this.ready = bits;
  }

  /** The number of 32-candidate words. */
  get words(): number {
    return this.enabled.length;
  }

  /** Word `w` of the surviving candidates; with `onlyReady`, of those the visitor's time on site already allows. */
  word(w: number, onlyReady: boolean): number {
    let m = this.enabled[w] as number;
    if (onlyReady && this.ready !== null) m &= this.ready[w] as number;
    for (let i = 0; i < this.allCount && m !== 0; i++) m &= (this.all[i] as Uint32Array)[w] as number;
    for (let i = 0; i < this.noneCount && m !== 0; i++) m &= ~((this.none[i] as Uint32Array)[w] as number);
    let i = 0;
    for (let g = 0; g < this.groupCount && m !== 0; g++) {
      let accepted = 0;
      for (const end = this.anyEnds[g] as number; i < end; i++) accepted |= (this.any[i] as Uint32Array)[w] as number;
      m &= accepted;
      i = this.anyEnds[g] as number;
    }
    return m;
  }

  /** Word `w` of the surviving candidates whose time-on-site minimum the visitor has not reached yet. */
  waiting(w: number): number {
    return this.ready === null ? 0 : this.word(w, false) & ~(this.ready[w] as number);
  }

  /** Whether candidate `i` survives (its time on site not considered). Words are remembered until the next reset. */
  has(i: number): boolean {
    const w = i >>> 5;
    if (this.seenIn[w] !== this.generation) {
      this.seenIn[w] = this.generation;
      this.seen[w] = this.word(w, false);
    }
    return ((this.seen[w] as number) & (1 << (i & 31))) !== 0;
  }
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
 * Fills the index's mask with what a visitor's keys leave of it (valid until the next call for the same index).
 *
 * @example
 * const mask = matchingCandidates(index, view);
 * for (const cursor = new CandidateCursor(index.candidates, mask, false), c = cursor.next(); …)
 */
export function matchingCandidates(index: CandidateIndex, view: VisitorView): VisitorMask {
  const mask = index.mask;
  mask.reset(index.enabled);
  // A dimension no candidate restricts has every candidate wild: nothing to narrow, and the visitor's value (some
  // of which cost work to derive) is not even read.
  if (index.host.accepts.size > 0) narrow(mask, index.host, view.host);
  if (index.segment.accepts.size > 0) narrowSegment(mask, index.segment, index.segmentPrefixes, view.segment);
  if (index.language.accepts.size > 0) narrow(mask, index.language, view.language);
  if (index.identifier.accepts.size > 0) narrow(mask, index.identifier, view.identifier);
  if (index.department.accepts.size > 0) narrow(mask, index.department, view.department);
  if (index.device.accepts.size > 0) narrow(mask, index.device, view.device);
  if (index.tag.accepts.size > 0) narrowAny(mask, index.tag, view.tags);
  const levels = index.pageviewsAtMost;
  if (levels.length > 0) mask.requireAll(levels[Math.min(Math.floor(view.pageviews), levels.length - 1)] as Uint32Array);
  const onSite = readyLevel(index, view.timeOnSite);
  if (onSite !== null) mask.requireReady(onSite);
  const attributes = index.needsAttribute;
  for (let i = 0; i < attributes.keys.length; i++) {
    if (readAttributeValue(view.attributes, attributes.keys[i] as string) === undefined) mask.requireNone(attributes.bits[i] as Uint32Array);
  }
  const events = index.needsEvent;
  if (events.keys.length > 0) {
    const log = view.events;
    for (let i = 0; i < events.keys.length; i++) if (!log.has(events.keys[i] as string)) mask.requireNone(events.bits[i] as Uint32Array);
  }
  return mask;
}

function narrow(mask: VisitorMask, dimension: Dimension, value: string | undefined): void {
  mask.requireAll((value === undefined ? undefined : dimension.accepts.get(value)) ?? dimension.wild);
}

function narrowAny(mask: VisitorMask, dimension: Dimension, values: ReadonlySet<string>): void {
  let found = false;
  for (const value of values) {
    const bits = dimension.accepts.get(value);
    if (bits === undefined) continue;
    mask.requireAny(bits);
    found = true;
  }
  if (found) mask.closeGroup();
  else mask.requireAll(dimension.wild);
}

/**
 * The first path segment: candidates whose patterns name it exactly, or a prefix of it (keys `/` + prefix, see
 * `segmentKey`), or any segment.
 */
function narrowSegment(mask: VisitorMask, dimension: Dimension, prefixes: boolean, segment: string | undefined): void {
  if (segment === undefined) return mask.requireAll(dimension.wild);
  const exact = dimension.accepts.get(segment) ?? dimension.wild;
  if (!prefixes) return mask.requireAll(exact);
  mask.requireAny(exact);
  for (const length of SEGMENT_PREFIX_LENGTHS) {
    if (segment.length < length) continue;
    const bits = dimension.accepts.get(`/${segment.slice(0, length)}`);
    if (bits !== undefined) mask.requireAny(bits);
  }
  mask.closeGroup();
}

/**
 * The candidates a visitor's time on site already allows: exactly, when every distinct minimum is a level (the
 * highest level not above it), else a superset (the lowest level not below it). `null` when all are allowed.
 */
function readyLevel(index: CandidateIndex, timeOnSite: number): Uint32Array | null {
  const levels = index.onSiteLevels;
  if (levels.length === 0 || timeOnSite >= (levels[levels.length - 1] as number)) return null;
  let low = 0;
  let high = levels.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((levels[mid] as number) <= timeOnSite) low = mid + 1;
    else high = mid;
  }
  // levels[low] is the lowest level above the visitor's time on site.
  if (!index.onSiteExact) return index.onSiteAtMost[low] as Uint32Array;
  return low === 0 ? index.noneReady : (index.onSiteAtMost[low - 1] as Uint32Array);
}

/**
 * Walks candidates in rank order: every candidate of the list (`mask` null, as explain needs), or only those the
 * mask keeps (with `onlyReady`, only those whose time-on-site minimum is met). Returns `undefined` when done.
 *
 * @example
 * for (let c = cursor.next(); c !== undefined; c = cursor.next()) check(c);
 */
export class CandidateCursor {
  private word = -1;
  private bits = 0;
  private position = 0;

  constructor(
    private readonly candidates: readonly CompiledInvitation[],
    private readonly mask: VisitorMask | null,
    private readonly onlyReady = false,
  ) {}

  next(): CompiledInvitation | undefined {
    const mask = this.mask;
    if (mask === null) return this.candidates[this.position++];
    while (this.bits === 0) {
      this.word += 1;
      if (this.word >= mask.words) return undefined;
      this.bits = mask.word(this.word, this.onlyReady);
    }
    const lowest = this.bits & -this.bits;
    this.bits ^= lowest;
    return this.candidates[this.word * 32 + 31 - Math.clz32(lowest)];
  }
}
