import type { CompiledAttributeCondition } from "../conditions/compile-attribute-condition.js";
import type { CompiledEventCondition, CompiledInvitation } from "./compile-invitation.js";
import { stableOrder } from "./stable-order.js";
import { VisitorMask } from "./visitor-mask.js";

/**
 * One equality dimension: the candidates that accept any value (`wild`), and per value the candidates that accept
 * it, wild ones included (bit i = candidate i), so a visitor's value narrows with one AND.
 */
export interface Dimension {
  wild: Uint32Array;
  accepts: Map<string, Uint32Array>;
}

/** Keys (attribute keys, event names) and, at the same position, the candidates that need each. */
export interface Needs {
  keys: string[];
  bits: Uint32Array[];
}

/**
 * A candidate list in rank order with bitsets over the conditions no passing of time can change: the equality keys
 * (language, identifier, tag, department, device), the host and first path segment a URL list writes out, the
 * page-view minimum, and the attribute keys and events a candidate needs at all (disabled candidates are left
 * out); and, for time on site, which candidates a visitor already qualifies for and the others in the order they
 * will. A visitor meets only the candidates that survive (see {@link VisitorMask}), so evaluation cost grows with
 * the number of candidates that could apply, not with the size of the set. Every filter is a necessary condition
 * the full check repeats, so it can only skip candidates that would fail.
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
  /** Whether `segment` has prefix keys (`/` + a literal prefix, see `segmentKey`), so a visitor's prefixes are looked up. */
  segmentPrefixes: boolean;
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
  /** Per attribute key: the candidates with a condition on it that a missing key fails (all but `notExists`). */
  needsAttribute: Needs;
  /** Per normalised event name: the candidates with a condition on it (none holds without a record). */
  needsEvent: Needs;
  /** Reused for each visitor: evaluation is synchronous, so one per list is enough. */
  mask: VisitorMask;
}

const MAX_PAGEVIEW_LEVELS = 256;
const MAX_ON_SITE_LEVELS = 64;

/**
 * Builds the index of a candidate list already in rank order.
 *
 * @example
 * const index = buildCandidateIndex(ruleset.standard);
 */
export function buildCandidateIndex(candidates: readonly CompiledInvitation[]): CandidateIndex {
  const words = Math.ceil(candidates.length / 32);
  const bits = (): Uint32Array => new Uint32Array(words);
  const dimension = (): Dimension => ({ wild: bits(), accepts: new Map() });
  const onSite = distinctOnSite(candidates);
  const index: CandidateIndex = {
    candidates,
    enabled: bits(),
    language: dimension(),
    identifier: dimension(),
    tag: dimension(),
    department: dimension(),
    device: dimension(),
    host: dimension(),
    segment: dimension(),
    segmentPrefixes: false,
    pageviewsAtMost: pageviewLevels(candidates, words),
    ...onSiteLevels(candidates, onSite, words),
    noneReady: bits(),
    byOnSite: byOnSite(candidates),
    needsAttribute: { keys: [], bits: [] },
    needsEvent: { keys: [], bits: [] },
    mask: new VisitorMask(words),
  };
  const members = new SetMembers();
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i] as CompiledInvitation;
    placeAll(index.host, i, c.urls === null ? null : c.urls.hosts, words);
    placeAll(index.segment, i, c.urls === null ? null : c.urls.segments, words);
    markAttributes(index.needsAttribute, c.attributes, i, words);
    markAttributes(index.needsAttribute, c.movingAttributes, i, words);
    for (let e = 0; e < c.events.length; e++) mark(index.needsEvent, (c.events[e] as CompiledEventCondition).event, i, words);
    if (c.enabled) set(index.enabled, i);
    place(index.language, i, c.language === "" ? null : c.language, words);
    place(index.identifier, i, c.identifier === "" ? null : c.identifier, words);
    place(index.tag, i, c.tag === "" ? null : c.tag, words);
    placeAll(index.department, i, members.of(c.departments), words);
    placeAll(index.device, i, members.of(c.devices), words);
  }
  for (const d of [index.language, index.identifier, index.tag, index.department, index.device, index.host, index.segment]) {
    d.accepts.forEach((accepting) => or(accepting, d.wild));
  }
  index.segment.accepts.forEach((_, key) => {
    if (key.startsWith("/")) index.segmentPrefixes = true;
  });
  return index;
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
    if (first < levels.length) set(levels[first] as Uint32Array, i);
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
  for (let i = 0; i < candidates.length; i++) set(atMost[firstAtLeast(levels, (candidates[i] as CompiledInvitation).timeOnSite)] as Uint32Array, i);
  for (let l = 1; l < atMost.length; l++) or(atMost[l] as Uint32Array, atMost[l - 1] as Uint32Array);
  return { onSiteLevels: levels, onSiteAtMost: atMost, onSiteExact: step === 1 };
}

/** Candidate positions by ascending time-on-site minimum, rank order among equals. */
function byOnSite(candidates: readonly CompiledInvitation[]): Uint32Array {
  const minimums = new Float64Array(candidates.length);
  for (let i = 0; i < candidates.length; i++) minimums[i] = (candidates[i] as CompiledInvitation).timeOnSite;
  return stableOrder(minimums);
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

function markAttributes(needs: Needs, conditions: readonly CompiledAttributeCondition[], i: number, words: number): void {
  for (let a = 0; a < conditions.length; a++) {
    const condition = conditions[a] as CompiledAttributeCondition;
    if (condition.op !== "notExists") mark(needs, condition.key, i, words);
  }
}

function mark(needs: Needs, key: string, i: number, words: number): void {
  let at = needs.keys.indexOf(key);
  if (at === -1) {
    at = needs.keys.push(key) - 1;
    needs.bits.push(new Uint32Array(words));
  }
  set(needs.bits[at] as Uint32Array, i);
}

function placeAll(dimension: Dimension, i: number, values: readonly string[] | null, words: number): void {
  if (values === null) return set(dimension.wild, i);
  for (let v = 0; v < values.length; v++) place(dimension, i, values[v] as string, words);
}

function place(dimension: Dimension, i: number, value: string | null, words: number): void {
  if (value === null) return set(dimension.wild, i);
  let bits = dimension.accepts.get(value);
  if (bits === undefined) {
    bits = new Uint32Array(words);
    dimension.accepts.set(value, bits);
  }
  set(bits, i);
}

function or(into: Uint32Array, bits: Uint32Array): void {
  for (let w = 0; w < into.length; w++) into[w] = (into[w] as number) | (bits[w] as number);
}

function set(bits: Uint32Array, i: number): void {
  bits[i >>> 5] = (bits[i >>> 5] as number) | (1 << (i & 31));
}
