import type { CompiledInvitation } from "./compile-invitation.js";
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
    pageviewsAtMost: pageviewLevels(candidates, words),
    ...onSiteLevels(candidates, words),
    noneReady: bits(),
    byOnSite: byOnSite(candidates),
    needsAttribute: { keys: [], bits: [] },
    needsEvent: { keys: [], bits: [] },
    mask: new VisitorMask(words),
  };
  candidates.forEach((c, i) => {
    place(index.host, i, c.urls === null ? null : c.urls.hosts, words);
    place(index.segment, i, c.urls === null ? null : c.urls.segments, words);
    for (const a of c.attributes) if (a.op !== "notExists") mark(index.needsAttribute, a.key, i, words);
    for (const a of c.movingAttributes) if (a.op !== "notExists") mark(index.needsAttribute, a.key, i, words);
    for (const e of c.events) mark(index.needsEvent, e.event, i, words);
    if (c.enabled) set(index.enabled, i);
    place(index.language, i, c.language === "" ? null : [c.language], words);
    place(index.identifier, i, c.identifier === "" ? null : [c.identifier], words);
    place(index.tag, i, c.tag === "" ? null : [c.tag], words);
    place(index.department, i, c.departments === null ? null : [...c.departments], words);
    place(index.device, i, c.devices === null ? null : [...c.devices], words);
  });
  for (const d of [index.language, index.identifier, index.tag, index.department, index.device, index.host, index.segment]) {
    for (const accepting of d.accepts.values()) or(accepting, d.wild);
  }
  return index;
}

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

/**
 * Time-on-site levels: every distinct minimum when there are few, else an even spread of them (the highest always
 * among them), each with the candidates whose minimum is at most that level.
 */
function onSiteLevels(
  candidates: readonly CompiledInvitation[],
  words: number,
): Pick<CandidateIndex, "onSiteLevels" | "onSiteAtMost" | "onSiteExact"> {
  const distinct = [...new Set(candidates.map((c) => c.timeOnSite))].sort((a, b) => a - b);
  if (distinct.length <= 1) return { onSiteLevels: [], onSiteAtMost: [], onSiteExact: true };
  const step = Math.max(1, Math.ceil(distinct.length / MAX_ON_SITE_LEVELS));
  const levels = distinct.filter((_, i) => i % step === step - 1 || i === distinct.length - 1);
  const atMost = levels.map(() => new Uint32Array(words));
  candidates.forEach((c, i) => {
    for (let l = levels.findIndex((level) => c.timeOnSite <= level); l < levels.length; l++) set(atMost[l] as Uint32Array, i);
  });
  return { onSiteLevels: levels, onSiteAtMost: atMost, onSiteExact: step === 1 };
}

function byOnSite(candidates: readonly CompiledInvitation[]): Uint32Array {
  const order = Uint32Array.from(candidates.keys());
  return order.sort((a, b) => (candidates[a] as CompiledInvitation).timeOnSite - (candidates[b] as CompiledInvitation).timeOnSite || a - b);
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
    let bits = dimension.accepts.get(value);
    if (bits === undefined) {
      bits = new Uint32Array(words);
      dimension.accepts.set(value, bits);
    }
    set(bits, i);
  }
}

function or(into: Uint32Array, bits: Uint32Array): void {
  for (let w = 0; w < into.length; w++) into[w] = (into[w] as number) | (bits[w] as number);
}

function set(bits: Uint32Array, i: number): void {
  bits[i >>> 5] = (bits[i >>> 5] as number) | (1 << (i & 31));
}
