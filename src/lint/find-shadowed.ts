import type { UrlMatcher } from "../conditions/compile-url-patterns.js";
import type { CompiledInvitation } from "../compile/compile-invitation.js";
import { covers, isEveryPage, staysInRunning } from "./covers.js";
import { finding, type LintFinding } from "./lint-codes.js";

/**
 * Finds the invitations no visitor can ever get because a better-ranked one of the same kind is eligible whenever
 * they are (docs/semantics.md: Selection): a global `*` fallback placed above specific invitations, the same conditions at a
 * lower position. B shadows A only when B ranks strictly before A (lower position, or the same position and a lower
 * time on site: an equal rank is a tie the hash settles), B's conditions are implied by A's ({@link covers}), B has
 * no state limit that could take it out of the running while A stays in, and, for dynamic invitations, B's trigger
 * fires whenever A's does. Inject invitations are all listed, never selected, so none is shadowed.
 *
 * Candidates are bucketed by the fields a shadowing invitation must leave open or share (kind, language,
 * identifier, tag, URL list), so a set of 10 000 compares each invitation with a few buckets, not with every other.
 *
 * @example
 * findShadowed([global, pricing]) // => [{ code: "shadowed", path: [1], message: 'never wins: "global" … ' }]
 */
export function findShadowed(invitations: readonly CompiledInvitation[]): LintFinding[] {
  const urlIds = new Map<UrlMatcher, number>();
  const buckets = new Map<string, { c: CompiledInvitation; i: number }[]>();
  invitations.forEach((c, i) => {
    if (c.kind === "inject" || !staysInRunning(c)) return;
    const key = bucketKey(c.kind, c.language, c.identifier, c.tag, urlKey(c.urls, urlIds, true));
    let bucket = buckets.get(key);
    if (bucket === undefined) buckets.set(key, (bucket = []));
    bucket.push({ c, i });
  });
  for (const bucket of buckets.values()) bucket.sort((x, y) => byRank(x.c, y.c));
  const findings: LintFinding[] = [];
  invitations.forEach((a, i) => {
    if (a.kind === "inject" || !a.enabled) return;
    let best: CompiledInvitation | null = null;
    for (const key of keysFor(a, urlIds)) {
      const found = firstCover(buckets.get(key), a);
      if (found !== null && (best === null || byRank(found, best) < 0)) best = found;
    }
    if (best !== null) findings.push(finding("shadowed", [i], shadowMessage(best)));
  });
  return findings;
}

/** The best-ranked member of a rank-ordered bucket that ranks before `a` and shadows it. */
function firstCover(bucket: { c: CompiledInvitation }[] | undefined, a: CompiledInvitation): CompiledInvitation | null {
  if (bucket === undefined) return null;
  for (const { c: b } of bucket) {
    if (!ranksBefore(b, a)) return null;
    if (b !== a && triggerCovers(b, a) && covers(b, a)) return b;
  }
  return null;
}

/** Strictly before in rank: a lower position, or the same position and a lower time on site. */
function ranksBefore(b: CompiledInvitation, a: CompiledInvitation): boolean {
  return b.position < a.position || (b.position === a.position && b.timeOnSite < a.timeOnSite);
}

/** Rank order (position, time on site, id), as candidates are sorted at compile. */
function byRank(x: CompiledInvitation, y: CompiledInvitation): number {
  return x.position - y.position || x.timeOnSite - y.timeOnSite || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
}

/** Standard invitations compete on every plain call; a dynamic one only when a trigger fires that fires `b` too. */
function triggerCovers(b: CompiledInvitation, a: CompiledInvitation): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === "standard") return true;
  const tb = b.trigger;
  const ta = a.trigger;
  if (tb === undefined || ta === undefined || tb.type !== ta.type) return false;
  return tb.type === "exitIntent" || (ta.type === "idle" && tb.seconds <= ta.seconds);
}

/** `"*"` for a list that matches every page (or none given), else an id for the shared matcher. */
function urlKey(urls: UrlMatcher | null, ids: Map<UrlMatcher, number>, add: boolean): string {
  if (urls === null || isEveryPage(urls)) return "*";
  let id = ids.get(urls);
  if (id === undefined) {
    if (!add) return "";
    ids.set(urls, (id = ids.size));
  }
  return String(id);
}

function bucketKey(kind: string, language: string, identifier: string, tag: string, url: string): string {
  return JSON.stringify([kind, language, identifier, tag, url]);
}

/** The buckets a shadowing invitation of `a` can be in: each field either left open or equal to `a`'s. */
function keysFor(a: CompiledInvitation, urlIds: Map<UrlMatcher, number>): string[] {
  const options = (value: string): string[] => (value === "" ? [""] : ["", value]);
  const own = urlKey(a.urls, urlIds, false);
  const urls = own === "*" || own === "" ? ["*"] : ["*", own];
  const keys: string[] = [];
  for (const language of options(a.language)) {
    for (const identifier of options(a.identifier)) {
      for (const tag of options(a.tag)) for (const url of urls) keys.push(bucketKey(a.kind, language, identifier, tag, url));
    }
  }
  return keys;
}

function shadowMessage(b: CompiledInvitation): string {
  return (
    `never wins: "${b.id}" (position ${b.position}, time on site ${b.timeOnSite} s) ranks before it and is eligible ` +
    "whenever it is; move it above, or narrow the other's conditions"
  );
}
