import type { CompiledAttributeCondition } from "../conditions/compile-attribute-condition.js";
import type { UrlMatcher } from "../conditions/compile-url-patterns.js";
import type { CompiledEventCondition, CompiledInvitation } from "../compile/compile-invitation.js";
import type { CompiledSchedule } from "../schedule/compile-schedule.js";

/**
 * Whether `b`'s conditions hold whenever `a`'s do, proved condition by condition and conservatively: `false` means
 * "not proved", never "disproved". Compiled pieces that a set shares (URL lists, schedules, attribute predicates) are
 * compared by identity: equal configuration compiles to one object, so identity is equality and a miss only loses a
 * finding. Ranking, kind, triggers and state limits are the caller's business (`findShadowed`). It compares every
 * `ConditionField` (src/fields.ts): a condition it did not compare would let it prove covers that do not hold, and
 * lint would report an invitation that can win as `shadowed`; test/unit/lint/find-shadowed.test.ts has a case per
 * condition, keyed by `ConditionField`, so a new condition fails it until compared here. Written as one expression,
 * cheapest first: lint calls it for every pair in a bucket.
 *
 * @example
 * covers(compiled({ urls: ["*"] }), compiled({ urls: ["/pricing"], language: "eng" })) // => true
 */
export function covers(b: CompiledInvitation, a: CompiledInvitation): boolean {
  return (
    b.timeOnSite <= a.timeOnSite &&
    b.pageviews <= a.pageviews &&
    sameOrAny(b.language, a.language) &&
    sameOrAny(b.identifier, a.identifier) &&
    sameOrAny(b.tag, a.tag) &&
    (b.referrer === "" || a.referrer.startsWith(b.referrer)) &&
    widerSet(b.departments, a.departments) &&
    widerSet(b.devices, a.devices) &&
    widerSet(b.requireOperatorIds, a.requireOperatorIds) &&
    coversUrls(b.urls, a.urls) &&
    coversSchedule(b.schedule, a.schedule) &&
    atMost(b.minMsSinceLastVisit, a.minMsSinceLastVisit) &&
    atMost(b.minMsSinceLastChat, a.minMsSinceLastChat) &&
    // Attribute conditions compile to two lists: those with a relative time (`movingAttributes`) and the rest.
    b.attributes.every((c) => attributeImplied(c, a)) &&
    b.movingAttributes.every((c) => attributeImplied(c, a)) &&
    b.events.every((e) => a.events.some((f) => eventImplies(f, e)))
  );
}

/**
 * Whether `b` may be trusted to stay eligible while `a` is, whatever the visitor did: it is enabled and carries none
 * of the limits through which the reducers take one invitation out of the running and not another (closing it for
 * good, for the session, or after a number of page views). A gate before selection (a chat, a pause) stops both.
 */
export function staysInRunning(b: CompiledInvitation): boolean {
  const source = b.source;
  return b.enabled && !b.oncePerVisitor && source.hideForSessionAfterClose !== true && (source.showLimit ?? 0) === 0;
}

/** Every page `a` matches, `b` matches: `b` is every page, the same list, or all pages but none that `a` allows. */
export function coversUrls(b: UrlMatcher | null, a: UrlMatcher | null): boolean {
  return b === null || b === a || isEveryPage(b);
}

/** A list that matches every page, a missing one included: a positive `*` and no exclusion. */
export function isEveryPage(matcher: UrlMatcher): boolean {
  return matcher.matchesAll && !matcher.excludesAll && matcher.exclude.length === 0;
}

/**
 * Every instant `a`'s schedule is active, `b`'s is: `b` has none, is the same (shared) schedule, or both are weekly
 * in the same time zone and each of `a`'s windows lies inside one of `b`'s (both read the same local wall clock, so
 * containment holds through every offset change).
 */
function coversSchedule(b: CompiledSchedule | null, a: CompiledSchedule | null): boolean {
  if (b === null || b === a) return true;
  if (a === null || b.timeZone !== a.timeZone || b.rule.type !== "weekly" || a.rule.type !== "weekly") return false;
  const outer = b.rule.intervals;
  const inner = a.rule.intervals;
  for (let i = 0; i < inner.length; i += 2) {
    let inside = false;
    for (let j = 0; j < outer.length && !inside; j += 2) {
      inside = (outer[j] as number) <= (inner[i] as number) && (inner[i + 1] as number) <= (outer[j + 1] as number);
    }
    if (!inside) return false;
  }
  return true;
}

function sameOrAny(b: string, a: string): boolean {
  return b === "" || b === a;
}

/** `null` is "any"; otherwise every value `a` accepts, `b` accepts. */
function widerSet<T>(b: ReadonlySet<T> | null, a: ReadonlySet<T> | null): boolean {
  if (b === null) return true;
  if (a === null) return false;
  for (const value of a) if (!b.has(value)) return false;
  return true;
}

/** A minimum time since something: `b`'s is absent, or no longer than `a`'s. */
function atMost(b: number | undefined, a: number | undefined): boolean {
  return b === undefined || (a !== undefined && b <= a);
}

/**
 * `a` has the same condition (same key, same shared predicate), or `c` is `exists` and `a` tests the key with an
 * operator that a missing or `null` value fails (every one but `notExists`).
 */
function attributeImplied(c: CompiledAttributeCondition, a: CompiledInvitation): boolean {
  const same = (d: CompiledAttributeCondition): boolean => d.key === c.key && (d.holds === c.holds || (c.op === "exists" && !d.whenMissing));
  return a.attributes.some(same) || a.movingAttributes.some(same);
}

/** At least as many records of the same event in a window no wider: whatever satisfies `f` satisfies `e`. */
function eventImplies(f: CompiledEventCondition, e: CompiledEventCondition): boolean {
  const within = e.withinMs === 0 || (f.withinMs !== 0 && f.withinMs <= e.withinMs);
  return f.event === e.event && f.minCount >= e.minCount && within;
}
