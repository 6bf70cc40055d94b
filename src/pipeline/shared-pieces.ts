import { compileUrlPatterns, type UrlMatcher } from "../conditions/compile-url-patterns.js";
import { normalizeDepartment } from "../conditions/text.js";
import { compileSchedule, type CompiledSchedule } from "../schedule/compile-schedule.js";
import type { Device, RequiresConfig, Schedule } from "../types.js";

/**
 * The compiled pieces of one `compile` call that invitations with equal configuration share: a large set repeats
 * the same URL lists, schedules, departments and devices many times, and each is immutable once built, so one copy
 * serves them all (less work, less garbage, less retained heap). Equal means the same text, so a miss only costs a
 * second copy, never a different answer. Schedules shared this way also share what `scheduleStateAt` remembers.
 */
export interface SharedPieces {
  urls(patterns: readonly string[] | undefined): UrlMatcher | null;
  schedule(schedule: Schedule | undefined): CompiledSchedule | null;
  departments(departments: readonly (string | number)[] | undefined): ReadonlySet<string> | null;
  devices(devices: readonly Device[] | undefined): ReadonlySet<Device> | null;
  requires(requires: RequiresConfig | undefined): Readonly<Required<RequiresConfig>>;
}

const ALL_DEVICES = 3;

/**
 * A fresh set of shared pieces, to be used for the invitations of one `compile` call and then dropped.
 *
 * @example
 * const pieces = sharedPieces();
 * pieces.urls(["/pricing"]) === pieces.urls([" /pricing "]) // => true
 */
export function sharedPieces(): SharedPieces {
  const urls = new Map<string, UrlMatcher>();
  const schedules = new Map<string, CompiledSchedule>();
  const departments = new Map<string, ReadonlySet<string>>();
  const devices = new Map<string, ReadonlySet<Device>>();
  const requires = new Map<number, Readonly<Required<RequiresConfig>>>();
  return {
    urls: (patterns) => {
      // Blank patterns are dropped, so a list of only blanks is no list at all (every page).
      const key = patterns === undefined ? "" : listKey(patterns, trimmed, true);
      if (key === "") return null;
      return remembered(urls, key, () => compileUrlPatterns((patterns ?? []).map(trimmed).filter((url) => url !== "")) as UrlMatcher);
    },
    schedule: (schedule) =>
      schedule === undefined ? null : remembered(schedules, JSON.stringify(schedule), () => compileSchedule(schedule)),
    departments: (list) => {
      if (list === undefined || list.length === 0) return null;
      return remembered(departments, listKey(list, normalizeDepartment, false), () => new Set(list.map(normalizeDepartment)));
    },
    devices: (list) => {
      if (list === undefined) return null;
      const set = remembered(devices, listKey(list, String, false), () => new Set(list));
      return set.size === ALL_DEVICES ? null : set;
    },
    requires: (given) => {
      const email = given?.email ?? false;
      const username = given?.username ?? false;
      const phone = given?.phone ?? false;
      const key = (email ? 1 : 0) | (username ? 2 : 0) | (phone ? 4 : 0);
      return remembered(requires, key, () => Object.freeze({ email, username, phone }));
    },
  };
}

function remembered<K, V>(cache: Map<K, V>, key: K, build: () => V): V {
  let value = cache.get(key);
  if (value === undefined) {
    value = build();
    cache.set(key, value);
  }
  return value;
}

/** The list's texts in order, each as `length:text` so no two different lists read alike (blank ones left out if asked). */
function listKey<T>(list: readonly T[], text: (item: T) => string, skipBlank: boolean): string {
  let key = "";
  for (const item of list) {
    const value = text(item);
    if (value !== "" || !skipBlank) key += `${value.length}:${value}`;
  }
  return key;
}

function trimmed(url: string): string {
  return url.trim();
}
