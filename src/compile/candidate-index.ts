import type { CompiledAttributeCondition } from "../conditions/compile-attribute-condition.js";
import { SEGMENT_PREFIX_LENGTHS } from "../conditions/compile-url-pattern.js";
import type { CompiledEventCondition, CompiledInvitation } from "./compile-invitation.js";
import { KeyPostingsBuilder, type KeyPostings } from "./key-postings.js";
import { stableOrder } from "./stable-order.js";
import type { WeekSlots } from "./week-slots.js";

/**
 * One equality dimension: the candidates that accept any value (`wild`), and per value the candidates that accept
 * it — a bitset holding the wild ones too, or for a rare value a list of its own candidates (the wild ones are
 * added when it is read) — so a visitor's value narrows with one AND.
 */
export interface Dimension extends KeyPostings {
  wild: Uint32Array;
}

/**
 * Keys (attribute keys, event names) and the candidates that need each: a bitset per key many candidates need,
 * lists for the rest. `sparseNeeders` holds the candidates that need at least one listed key and `sparseNeeds[i]`
 * how many distinct listed keys candidate `i` needs, so a visitor's present keys tell exactly which of them remain.
 */
export interface Needs extends KeyPostings {
  /** The dense keys in a list, to walk them quickly. */
  denseKeys: string[];
  denseBits: Uint32Array[];
  sparseNeeders: Uint32Array;
  sparseNeeds: Uint32Array;
}

/**
 * A candidate list in rank order with bitsets over the conditions no passing of time can change: the equality keys
 * (language, identifier, tag, department, device), the host and first path segment a URL list writes out, the
 * page-view minimum, and the attribute keys and events a candidate needs at all (disabled candidates are left
 * out); and, for time on site, which candidates a visitor already qualifies for and the others in the order they
 * will. A visitor meets only the candidates that survive (see `VisitorMask` in `evaluate/visitor-mask.ts`), so
 * evaluation cost grows with the number of candidates that could apply, not with the size of the set. Every filter is a necessary condition
 * the full check repeats, so it can only skip candidates that would fail. Nothing but `spareMasks` (and `weekSlots`, once) is written after
 * it is built, and a mask is held by one scan at a time, so an evaluation started from inside another (a visitor
 * getter) is safe.
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
  segment: Dimension;
  /**
   * The lengths of `segment`'s prefix keys (`/` + a literal prefix, see `segmentKey`), longest first: a visitor's
   * segment is cut to these and looked up, and to no other length (each lookup hashes a new string).
   */
  segmentPrefixes: readonly number[];
  /**
   * Per exact `segment` key with a bitset that prefix keys also fit: that bitset ORed with theirs, the group a visitor
   * on that segment would otherwise narrow by (its exact and prefix keys) as one term.
   */
  segmentJoined: ReadonlyMap<string, Uint32Array>;
  /** `pageviewsAtMost[n]`: candidates whose page-view minimum is at most `n` (the last entry covers all above). */
  pageviewsAtMost: Uint32Array[];
  /** Ascending time-on-site levels, and at the same position the candidates whose minimum is at most that level. */
  onSiteLevels: readonly number[];
  onSiteAtMost: Uint32Array[];
  /** Whether every distinct time-on-site minimum is a level (else the levels are a spread of them). */
  onSiteExact: boolean;
  /** No candidate: what a visitor below every minimum already qualifies for. */
  noneReady: Uint32Array;
  /** Candidate positions in ascending order of their time-on-site minimum (rank order among equals). */
  byOnSite: Uint32Array;
  /** Per candidate position, its place in `byOnSite`. */
  onSiteRank: Uint32Array;
  /** The time-on-site minimums in `byOnSite`'s order (ascending): where a visitor's time on site falls among them. */
  onSiteByRank: readonly number[];
  /** Per attribute key: the candidates with a condition on it that a missing key fails (all but `notExists`). */
  needsAttribute: Needs;
  /** Per normalised event name: the candidates with a condition on it (none holds without a record). */
  needsEvent: Needs;
  /**
   * Masks no scan holds, for the next scans to reuse (see `releaseMask`): a scan takes one out and puts it back when
   * done, so a scan nested in another (a visitor getter calling evaluate) finds none and builds its own. Typed
   * `unknown` here because the masks are evaluation's (`evaluate/visitor-mask.ts`), a layer above the compiled index.
   */
  spareMasks: unknown[];
  /** The list's week slots (see `buildWeekSlots`), built by its first masked scan: `undefined` until then. */
  weekSlots: WeekSlots | null | undefined;
}

const MAX_PAGEVIEW_LEVELS = 256;
const MAX_ON_SITE_LEVELS = 64;

type Lists = KeyPostingsBuilder;

/**
 * Builds the index of a candidate list already in rank order.
 *
 * @example
 * const index = buildCandidateIndex(ruleset.standard);
 */
export function buildCandidateIndex(candidates: readonly CompiledInvitation[]): CandidateIndex {
  const words = Math.ceil(candidates.length / 32);
  const bits = (): Uint32Array => new Uint32Array(words);
  const onSite = distinctOnSite(candidates);
  const enabled = bits();
  // One dimension at a time, each builder dropped before the next starts: with all-distinct keys each holds a map
  // of one key per candidate, and only one of them is alive at once (less peak heap, a smaller working set). A
  // dimension no candidate has keys in is not walked: with many candidates each walk is a cache miss per candidate.
  let used = 0;
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i] as CompiledInvitation;
    if (c.enabled) setBit(enabled, i);
    used |= uses(c);
  }
  const members = new SetMembers();
  const segment = dimension(candidates, used & USES_URLS, (lists, wild, i, c) => placeAll(lists, wild, i, c.urls === null ? null : c.urls.segments));
  const segmentPrefixes = prefixLengths(segment);
  return {
    candidates,
    enabled,
    language: dimension(candidates, used & USES_LANGUAGE, (lists, wild, i, c) => place(lists, wild, i, c.language || null)),
    identifier: dimension(candidates, used & USES_IDENTIFIER, (lists, wild, i, c) => place(lists, wild, i, c.identifier || null)),
    tag: dimension(candidates, used & USES_TAG, (lists, wild, i, c) => place(lists, wild, i, c.tag || null)),
    department: dimension(candidates, used & USES_DEPARTMENTS, (lists, wild, i, c) => placeAll(lists, wild, i, members.of(c.departments))),
    device: dimension(candidates, used & USES_DEVICES, (lists, wild, i, c) => placeAll(lists, wild, i, members.of(c.devices))),
    host: dimension(candidates, used & USES_URLS, (lists, wild, i, c) => placeAll(lists, wild, i, c.urls === null ? null : c.urls.hosts)),
    segment,
    segmentPrefixes,
    segmentJoined: joinedSegments(segment, segmentPrefixes),
    pageviewsAtMost: pageviewLevels(candidates, words),
    ...onSiteLevels(candidates, onSite, words),
    noneReady: bits(),
    ...onSiteOrder(candidates),
    needsAttribute: needs(candidates, used & USES_ATTRIBUTES, (lists, i, c) => {
      markAttributes(lists, c.attributes, i);
      markAttributes(lists, c.movingAttributes, i);
    }),
    needsEvent: needs(candidates, used & USES_EVENTS, (lists, i, c) => {
      for (let e = 0; e < c.events.length; e++) mark(lists, (c.events[e] as CompiledEventCondition).event, i);
    }),
    spareMasks: [],
    weekSlots: undefined,
  };
}

// Which dimensions a set uses, one bit each: a dimension no candidate uses is all wild, without a walk.

const USES_LANGUAGE = 1;
const USES_IDENTIFIER = 2;
const USES_TAG = 4;
const USES_DEPARTMENTS = 8;
const USES_DEVICES = 16;
const USES_URLS = 32;
const USES_ATTRIBUTES = 64;
const USES_EVENTS = 128;

/** The dimensions candidate `c` may have keys in (one bit each); a dimension whose bit no candidate sets has none. */
function uses(c: CompiledInvitation): number {
  return (
    (c.language === "" ? 0 : USES_LANGUAGE) |
    (c.identifier === "" ? 0 : USES_IDENTIFIER) |
    (c.tag === "" ? 0 : USES_TAG) |
    (c.departments === null ? 0 : USES_DEPARTMENTS) |
    (c.devices === null ? 0 : USES_DEVICES) |
    (c.urls === null ? 0 : USES_URLS) |
    (c.attributes.length + c.movingAttributes.length === 0 ? 0 : USES_ATTRIBUTES) |
    (c.events.length === 0 ? 0 : USES_EVENTS)
  );
}

/**
 * One equality dimension, from `placeOne` putting each candidate under its keys or among the wild ones; when no
 * candidate `used` it, every candidate is wild without a walk (what the walk would give).
 */
function dimension(
  candidates: readonly CompiledInvitation[],
  used: number,
  placeOne: (lists: Lists, wild: Uint32Array, i: number, candidate: CompiledInvitation) => void,
): Dimension {
  const wild = new Uint32Array(Math.ceil(candidates.length / 32));
  const lists = new KeyPostingsBuilder(used === 0 ? 0 : candidates.length);
  for (let i = 0; i < candidates.length; i++) {
    if (used === 0) setBit(wild, i);
    else placeOne(lists, wild, i, candidates[i] as CompiledInvitation);
  }
  return { wild, ...lists.build(wild.length, wild) };
}

/** The lengths of the segment dimension's prefix keys (each one `/` and that many characters), longest first. */
function prefixLengths(segment: Dimension): number[] {
  const keys = [...segment.dense.keys(), ...segment.sparse.keys()];
  return SEGMENT_PREFIX_LENGTHS.filter((length) => keys.some((key) => key.startsWith("/") && key.length === length + 1));
}

/**
 * Each exact segment key with a bitset, ORed with the prefix keys that fit it (see `segmentJoined`). Only keys with
 * a bitset: they are few (see `KeyPostings`), so this at most doubles the dimension's bitsets.
 */
function joinedSegments(segment: Dimension, prefixes: readonly number[]): Map<string, Uint32Array> {
  const joined = new Map<string, Uint32Array>();
  if (prefixes.length === 0) return joined;
  const { dense, sparse, starts, positions } = segment;
  for (const [key, bits] of dense) {
    // Prefix keys start with "/", which no segment holds.
    if (key.startsWith("/")) continue;
    let union: Uint32Array | null = null;
    for (const length of prefixes) {
      if (key.length < length) continue;
      const prefix = `/${key.slice(0, length)}`;
      const prefixBits = dense.get(prefix);
      const list = sparse.get(prefix);
      if (prefixBits === undefined && list === undefined) continue;
      union ??= bits.slice();
      if (prefixBits !== undefined) or(union, prefixBits);
      else for (let p = starts[list as number] as number; p < (starts[(list as number) + 1] as number); p++) setBit(union, positions[p] as number);
    }
    if (union !== null) joined.set(key, union);
  }
  return joined;
}

/** The keys `markOne` says each candidate needs (none when no candidate `used` them), and who needs which. */
function needs(candidates: readonly CompiledInvitation[], used: number, markOne: (lists: Lists, i: number, candidate: CompiledInvitation) => void): Needs {
  const lists = new KeyPostingsBuilder(used === 0 ? 0 : candidates.length);
  if (used !== 0) for (let i = 0; i < candidates.length; i++) markOne(lists, i, candidates[i] as CompiledInvitation);
  const words = Math.ceil(candidates.length / 32);
  const count = candidates.length;
  const postings = lists.build(words, null);
  const sparseNeeders = new Uint32Array(postings.sparse.size === 0 ? 0 : words);
  const sparseNeeds = new Uint32Array(postings.sparse.size === 0 ? 0 : count);
  for (let p = 0; p < postings.positions.length; p++) {
    const i = postings.positions[p] as number;
    setBit(sparseNeeders, i);
    sparseNeeds[i] = (sparseNeeds[i] as number) + 1;
  }
  return { ...postings, denseKeys: [...postings.dense.keys()], denseBits: [...postings.dense.values()], sparseNeeders, sparseNeeds };
}

/** The values of the department and device Sets as arrays, once per Set: compiled invitations share their Sets. */
class SetMembers {
  private readonly known = new Map<ReadonlySet<string>, readonly string[]>();

  of(set: ReadonlySet<string> | null): readonly string[] | null {
    if (set === null) return null;
    let values = this.known.get(set);
    if (values === undefined) this.known.set(set, (values = [...set]));
    return values;
  }
}

/** One bitset per page-view count up to the highest minimum configured: who accepts a visitor with that many. */
function pageviewLevels(candidates: readonly CompiledInvitation[], words: number): Uint32Array[] {
  let highest = 0;
  for (let i = 0; i < candidates.length; i++) highest = Math.max(highest, (candidates[i] as CompiledInvitation).pageviews);
  // Beyond a few hundred levels the bitsets would cost more memory than the check they save.
  if (highest === 0 || highest > MAX_PAGEVIEW_LEVELS) return [];
  const levels = Array.from({ length: highest + 1 }, () => new Uint32Array(words));
  // Each candidate goes in at its own minimum; every level then also takes in all the levels below it.
  for (let i = 0; i < candidates.length; i++) {
    const first = Math.ceil((candidates[i] as CompiledInvitation).pageviews);
    if (first < levels.length) setBit(levels[first] as Uint32Array, i);
  }
  for (let n = 1; n < levels.length; n++) or(levels[n] as Uint32Array, levels[n - 1] as Uint32Array);
  return levels;
}

/** The distinct time-on-site minimums, ascending. */
function distinctOnSite(candidates: readonly CompiledInvitation[]): number[] {
  const distinct = new Set<number>();
  for (let i = 0; i < candidates.length; i++) distinct.add((candidates[i] as CompiledInvitation).timeOnSite);
  return [...distinct].sort((a, b) => a - b);
}

/**
 * Time-on-site levels: every distinct minimum when there are few, else an even spread of them (the highest always
 * among them), each with the candidates whose minimum is at most that level.
 */
function onSiteLevels(
  candidates: readonly CompiledInvitation[],
  distinct: readonly number[],
  words: number,
): Pick<CandidateIndex, "onSiteLevels" | "onSiteAtMost" | "onSiteExact"> {
  if (distinct.length <= 1) return { onSiteLevels: [], onSiteAtMost: [], onSiteExact: true };
  const step = Math.max(1, Math.ceil(distinct.length / MAX_ON_SITE_LEVELS));
  const levels = distinct.filter((_, i) => i % step === step - 1 || i === distinct.length - 1);
  const atMost = levels.map(() => new Uint32Array(words));
  // Each candidate goes in at the lowest level not below its minimum, then every level takes in the ones below.
  for (let i = 0; i < candidates.length; i++) setBit(atMost[firstAtLeast(levels, (candidates[i] as CompiledInvitation).timeOnSite)] as Uint32Array, i);
  for (let l = 1; l < atMost.length; l++) or(atMost[l] as Uint32Array, atMost[l - 1] as Uint32Array);
  return { onSiteLevels: levels, onSiteAtMost: atMost, onSiteExact: step === 1 };
}

/** Candidate positions by ascending time-on-site minimum, rank order among equals, and each one's place there. */
function onSiteOrder(candidates: readonly CompiledInvitation[]): Pick<CandidateIndex, "byOnSite" | "onSiteRank" | "onSiteByRank"> {
  const minimums = new Float64Array(candidates.length);
  for (let i = 0; i < candidates.length; i++) minimums[i] = (candidates[i] as CompiledInvitation).timeOnSite;
  const byOnSite = stableOrder(minimums);
  const onSiteRank = new Uint32Array(candidates.length);
  const onSiteByRank: number[] = [];
  for (let j = 0; j < byOnSite.length; j++) {
    onSiteRank[byOnSite[j] as number] = j;
    onSiteByRank.push(minimums[byOnSite[j] as number] as number);
  }
  return { byOnSite, onSiteRank, onSiteByRank };
}

/** The position of the first of the ascending `values` that is at least `value` (`values.length` when none is). */
function firstAtLeast(values: readonly number[], value: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((values[mid] as number) < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

function markAttributes(lists: Lists, conditions: readonly CompiledAttributeCondition[], i: number): void {
  for (let a = 0; a < conditions.length; a++) {
    const condition = conditions[a] as CompiledAttributeCondition;
    if (condition.op !== "notExists") mark(lists, condition.key, i);
  }
}

function mark(lists: Lists, key: string, i: number): void {
  lists.add(key, i);
}

function placeAll(lists: Lists, wild: Uint32Array, i: number, values: readonly string[] | null): void {
  if (values === null) return setBit(wild, i);
  for (let v = 0; v < values.length; v++) mark(lists, values[v] as string, i);
}

function place(lists: Lists, wild: Uint32Array, i: number, value: string | null): void {
  if (value === null) setBit(wild, i);
  else mark(lists, value, i);
}

function setBit(bits: Uint32Array, i: number): void {
  bits[i >>> 5] = (bits[i >>> 5] as number) | (1 << (i & 31));
}

function or(into: Uint32Array, bits: Uint32Array): void {
  for (let w = 0; w < into.length; w++) into[w] = (into[w] as number) | (bits[w] as number);
}
