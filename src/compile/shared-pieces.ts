import type { AttributePredicate } from "../conditions/attribute-operators.js";
import { compileUrlPattern, type CompiledUrlPattern } from "../conditions/compile-url-pattern.js";
import { compileUrlPatterns, type UrlMatcher } from "../conditions/compile-url-patterns.js";
import { normalizeDepartment } from "../conditions/text.js";
import { compileSchedule, type CompiledSchedule } from "../schedule/compile-schedule.js";
import { scheduleKey } from "../schedule/schedule-key.js";
import type { Device, RequiresConfig, Schedule } from "../types.js";

const ALL_DEVICES = 3;
/** Starts the key of any list but one of a single text that does not start with it. */
const LIST = "\u0000";
/** URL lists every one of which is kept for sharing, and the sample kept of later ones when few repeat. */
const URL_LISTS_TRIED = 1024;
const URL_LIST_SAMPLE = 16;

/**
 * The compiled pieces of one `compile` call that invitations with equal configuration share: a large set repeats
 * the same URL patterns and lists, schedules, departments and devices many times, and each piece is immutable once
 * built, so one copy serves them all (less work, less garbage, less retained heap). Equal means the same texts, so
 * a miss only costs a second copy, never a different answer. Schedules shared this way also share what
 * `scheduleStateAt` remembers. Use one per `compile` call and drop it.
 *
 * @example
 * const pieces = new SharedPieces();
 * pieces.urls(["/pricing"]) === pieces.urls([" /pricing "]) // => true
 */
export class SharedPieces {
  /** Attribute predicates by operator and value, for `compileAttributeCondition`. */
  readonly predicates = new Map<string, AttributePredicate>();
  private readonly urlLists = new Map<string, UrlMatcher>();
  private readonly urlPatterns = new Map<string, CompiledUrlPattern>();
  private readonly schedules = new Map<string, CompiledSchedule>();
  private readonly departmentSets = new Map<string, ReadonlySet<string>>();
  private readonly deviceSets = new Map<string, ReadonlySet<Device>>();
  private readonly requiresObjects: Readonly<Required<RequiresConfig>>[] = [];
  /** URL lists compiled (not found in `urlLists`) and found there, to tell whether remembering them pays. */
  private urlMisses = 0;
  private urlHits = 0;
  private readonly pattern = (text: string): CompiledUrlPattern => {
    let compiled = this.urlPatterns.get(text);
    if (compiled === undefined) this.urlPatterns.set(text, (compiled = compileUrlPattern(text)));
    return compiled;
  };

  /** The matcher of a `urls` list: trimmed, blanks dropped; `null` (every page) when none is left. */
  urls(patterns: readonly string[] | undefined): UrlMatcher | null {
    if (patterns === undefined) return null;
    const key = listKey(patterns, trimmed, true);
    if (key === LIST) return null;
    let matcher = this.urlLists.get(key);
    if (matcher === undefined) {
      // A list of one pattern is keyed by that pattern: it needs no list of its own, nor a second cache entry.
      const single = !key.startsWith(LIST);
      const kept = single ? [key] : patterns.map(trimmed).filter((url) => url !== "");
      matcher = compileUrlPatterns(kept, single ? compileUrlPattern : this.pattern) as UrlMatcher;
      if (this.remembersUrlList()) this.urlLists.set(key, matcher);
    } else this.urlHits += 1;
    return matcher;
  }

  /**
   * Whether to keep the list just compiled for the next invitations. Always, until a set has shown that its lists
   * rarely repeat (past {@link URL_LISTS_TRIED} lists, under one found again in {@link URL_LIST_SAMPLE}): a set of
   * 100 000 distinct hosts would fill a Map of 100 000 entries that never pays for itself. Then only every
   * {@link URL_LIST_SAMPLE}th is kept, so lists that do start repeating are still found and switch it back on.
   * Skipping one only costs a second copy of an equal matcher, never a different answer.
   */
  private remembersUrlList(): boolean {
    this.urlMisses += 1;
    return this.urlMisses <= URL_LISTS_TRIED || this.urlHits * URL_LIST_SAMPLE >= this.urlMisses || this.urlMisses % URL_LIST_SAMPLE === 0;
  }

  schedule(schedule: Schedule | undefined): CompiledSchedule | null {
    if (schedule === undefined) return null;
    const key = scheduleKey(schedule);
    let compiled = this.schedules.get(key);
    if (compiled === undefined) this.schedules.set(key, (compiled = compileSchedule(schedule)));
    return compiled;
  }

  /** The normalised department ids, `null` (any department) for a missing or empty list. */
  departments(list: readonly (string | number)[] | undefined): ReadonlySet<string> | null {
    if (list === undefined || list.length === 0) return null;
    const key = listKey(list, normalizeDepartment, false);
    let set = this.departmentSets.get(key);
    if (set === undefined) this.departmentSets.set(key, (set = new Set(list.map(normalizeDepartment))));
    return set;
  }

  /** The devices, `null` (any device) when the list is missing or names all three. */
  devices(list: readonly Device[] | undefined): ReadonlySet<Device> | null {
    if (list === undefined) return null;
    const key = listKey(list, String, false);
    let set = this.deviceSets.get(key);
    if (set === undefined) this.deviceSets.set(key, (set = new Set(list)));
    return set.size === ALL_DEVICES ? null : set;
  }

  /** The fields the chat form asks for, defaults applied, as one frozen object per combination. */
  requires(given: RequiresConfig | undefined): Readonly<Required<RequiresConfig>> {
    const email = given?.email ?? false;
    const username = given?.username ?? false;
    const phone = given?.phone ?? false;
    const key = (email ? 1 : 0) | (username ? 2 : 0) | (phone ? 4 : 0);
    return (this.requiresObjects[key] ??= Object.freeze({ email, username, phone }));
  }
}

/**
 * A key no other list shares: a list of one text is keyed by the text itself (no string to build, the common case),
 * any other by {@link LIST} and each text as `length:text` (blank texts left out if asked).
 */
function listKey<T>(list: readonly T[], text: (item: T) => string, skipBlank: boolean): string {
  let only = LIST;
  let count = 0;
  for (let i = 0; i < list.length; i++) {
    const value = text(list[i] as T);
    if (value === "" && skipBlank) continue;
    count += 1;
    only = value;
  }
  if (count === 1 && !only.startsWith(LIST)) return only;
  let key = LIST;
  for (let i = 0; i < list.length; i++) {
    const value = text(list[i] as T);
    if (value !== "" || !skipBlank) key += `${value.length}:${value}`;
  }
  return key;
}

function trimmed(url: string): string {
  return url.trim();
}
