import { readAttributeValue } from "../conditions/read-attribute-value.js";
import type { VisitorView } from "../visitor/view-visitor.js";
import type { CompiledInvitation } from "./compile-invitation.js";

/** One equality dimension: which candidates accept any value, and which accept each value (bit i = candidate i). */
interface Dimension {
  wild: Uint32Array;
  byValue: Map<string, Uint32Array>;
}

/** Keys (attribute keys, event names) and, at the same position, the candidates that need each: arrays, not a map, so the per-visitor loop allocates no iterator. */
interface Needs {
  keys: string[];
  bits: Uint32Array[];
}

/**
 * A candidate list in rank order with bitsets over the conditions no passing of time can change: the equality keys
 * (language, identifier, tag, department, device), the host a URL pattern names, the page-view minimum, and the
 * attribute keys and events a candidate needs at all (disabled candidates are left out). A visitor meets only the
 * candidates that survive them: one AND per dimension over `K / 32` words, then a scan of the set bits in rank
 * order, so evaluation cost grows with the number of candidates that could apply, not with the size of the set.
 * Every filter is a necessary condition the full check repeats, so it can only skip candidates that would fail.
 */
export interface CandidateIndex {
  candidates: readonly CompiledInvitation[];
  enabled: Uint32Array;
  language: Dimension;
  identifier: Dimension;
  tag: Dimension;
  department: Dimension;
  device: Dimension;
  host: Dimension;
  /** `pageviewsAtMost[n]`: candidates whose page-view minimum is at most `n` (the last entry covers all above). */
  pageviewsAtMost: Uint32Array[];
  /** Per attribute key: the candidates with a condition on it that a missing key fails (all but `notExists`). */
  needsAttribute: Needs;
  /** Per normalised event name: the candidates with a condition on it (none holds without a record). */
  needsEvent: Needs;
  /** Reused for each visitor's mask: evaluation is synchronous, so one per list is enough. */
  scratch: Uint32Array;
}

/**
 * Builds the index of a candidate list already in rank order.
 *
 * @example
 * const index = buildCandidateIndex(ruleset.standard);
 */
export function buildCandidateIndex(candidates: readonly CompiledInvitation[]): CandidateIndex {
  const words = Math.ceil(candidates.length / 32);
  const bits = (): Uint32Array => new Uint32Array(words);
  const index: CandidateIndex = {
    candidates,
    enabled: bits(),
    language: { wild: bits(), byValue: new Map() },
    identifier: { wild: bits(), byValue: new Map() },
    tag: { wild: bits(), byValue: new Map() },
    department: { wild: bits(), byValue: new Map() },
    device: { wild: bits(), byValue: new Map() },
    host: { wild: bits(), byValue: new Map() },
    pageviewsAtMost: pageviewLevels(candidates, words),
    needsAttribute: { keys: [], bits: [] },
    needsEvent: { keys: [], bits: [] },
    scratch: bits(),
  };
  candidates.forEach((c, i) => {
    place(index.host, i, c.urls === null ? null : c.urls.hosts, words);
    for (const a of [...c.attributes, ...c.movingAttributes]) if (a.op !== "notExists") mark(index.needsAttribute, a.key, i, words);
    for (const e of c.events) mark(index.needsEvent, e.event, i, words);
    if (c.enabled) set(index.enabled, i);
    place(index.language, i, c.language === "" ? null : [c.language], words);
    place(index.identifier, i, c.identifier === "" ? null : [c.identifier], words);
    place(index.tag, i, c.tag === "" ? null : [c.tag], words);
    place(index.department, i, c.departments === null ? null : [...c.departments], words);
    place(index.device, i, c.devices === null ? null : [...c.devices], words);
  });
  return index;
}

/**
 * The candidates a visitor's equality keys fit, as a bitset (the index's scratch buffer, valid until the next call).
 *
 * @example
 * const mask = matchingCandidates(index, view);
 */
export function matchingCandidates(index: CandidateIndex, view: VisitorView): Uint32Array {
  const mask = index.scratch;
  mask.set(index.enabled);
  // A dimension no candidate restricts has every candidate wild: nothing to narrow, and the visitor's value (some
  // of which cost work to derive) is not even read.
  if (index.language.byValue.size > 0) narrow(mask, index.language, view.language);
  if (index.identifier.byValue.size > 0) narrow(mask, index.identifier, view.identifier);
  if (index.department.byValue.size > 0) narrow(mask, index.department, view.department);
  if (index.device.byValue.size > 0) narrow(mask, index.device, view.device);
  if (index.host.byValue.size > 0) narrow(mask, index.host, view.host);
  if (index.tag.byValue.size > 0) narrowAny(mask, index.tag, view.tags);
  const levels = index.pageviewsAtMost;
  if (levels.length > 0) and(mask, levels[Math.min(Math.floor(view.pageviews), levels.length - 1)] as Uint32Array);
  const attributes = index.needsAttribute;
  for (let i = 0; i < attributes.keys.length; i++) {
    if (readAttributeValue(view.attributes, attributes.keys[i] as string) === undefined) andNot(mask, attributes.bits[i] as Uint32Array);
  }
  const events = index.needsEvent;
  if (events.keys.length > 0) {
    const log = view.events;
    for (let i = 0; i < events.keys.length; i++) if (!log.has(events.keys[i] as string)) andNot(mask, events.bits[i] as Uint32Array);
  }
  return mask;
}

/**
 * Walks candidates in rank order: every candidate of the list (`mask` null, as explain needs), or only those set
 * in `mask`. Returns `undefined` when done.
 *
 * @example
 * for (let c = cursor.next(); c !== undefined; c = cursor.next()) check(c);
 */
export class CandidateCursor {
  private word = 0;
  private bits = 0;
  private position = 0;

  constructor(
    private readonly candidates: readonly CompiledInvitation[],
    private readonly mask: Uint32Array | null,
  ) {
    if (mask !== null && mask.length > 0) this.bits = mask[0] as number;
  }

  next(): CompiledInvitation | undefined {
    if (this.mask === null) return this.candidates[this.position++];
    while (this.bits === 0) {
      this.word += 1;
      if (this.word >= this.mask.length) return undefined;
      this.bits = this.mask[this.word] as number;
    }
    const lowest = this.bits & -this.bits;
    this.bits ^= lowest;
    return this.candidates[this.word * 32 + 31 - Math.clz32(lowest)];
  }
}

const MAX_PAGEVIEW_LEVELS = 256;

/** One bitset per page-view count up to the highest minimum configured: who accepts a visitor with that many. */
function pageviewLevels(candidates: readonly CompiledInvitation[], words: number): Uint32Array[] {
  const highest = candidates.reduce((max, c) => Math.max(max, c.pageviews), 0);
  // Beyond a few hundred levels the bitsets would cost more memory than the check they save.
  if (highest === 0 || highest > MAX_PAGEVIEW_LEVELS) return [];
  const levels = Array.from({ length: highest + 1 }, () => new Uint32Array(words));
  candidates.forEach((c, i) => {
    for (let n = Math.ceil(c.pageviews); n <= highest; n++) set(levels[n] as Uint32Array, i);
  });
  return levels;
}

function mark(needs: Needs, key: string, i: number, words: number): void {
  let at = needs.keys.indexOf(key);
  if (at === -1) {
    at = needs.keys.push(key) - 1;
    needs.bits.push(new Uint32Array(words));
  }
  set(needs.bits[at] as Uint32Array, i);
}

function place(dimension: Dimension, i: number, values: readonly string[] | null, words: number): void {
  if (values === null) return set(dimension.wild, i);
  for (const value of values) {
    let bits = dimension.byValue.get(value);
    if (bits === undefined) {
      bits = new Uint32Array(words);
      dimension.byValue.set(value, bits);
    }
    set(bits, i);
  }
}

/** Keeps the candidates that accept any value or exactly `value`. */
function narrow(mask: Uint32Array, dimension: Dimension, value: string | undefined): void {
  const exact = value === undefined ? undefined : dimension.byValue.get(value);
  if (exact === undefined) return and(mask, dimension.wild);
  for (let w = 0; w < mask.length; w++) mask[w] = (mask[w] as number) & ((dimension.wild[w] as number) | (exact[w] as number));
}

/** Keeps the candidates that accept any value or one of `values`. */
function narrowAny(mask: Uint32Array, dimension: Dimension, values: ReadonlySet<string>): void {
  const hits: Uint32Array[] = [];
  for (const value of values) {
    const bits = dimension.byValue.get(value);
    if (bits !== undefined) hits.push(bits);
  }
  for (let w = 0; w < mask.length; w++) {
    let accept = dimension.wild[w] as number;
    for (const bits of hits) accept |= bits[w] as number;
    mask[w] = (mask[w] as number) & accept;
  }
}

function andNot(mask: Uint32Array, bits: Uint32Array): void {
  for (let w = 0; w < mask.length; w++) mask[w] = (mask[w] as number) & ~(bits[w] as number);
}

function and(mask: Uint32Array, bits: Uint32Array): void {
  for (let w = 0; w < mask.length; w++) mask[w] = (mask[w] as number) & (bits[w] as number);
}

function set(bits: Uint32Array, i: number): void {
  bits[i >>> 5] = (bits[i >>> 5] as number) | (1 << (i & 31));
}
