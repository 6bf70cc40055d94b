import type { CompiledSchedule } from "./compile-schedule.js";
import { isScheduleActive } from "./is-schedule-active.js";
import { nextRuleChange } from "./schedule-rule.js";
import { offsetAt } from "./offset-at.js";
import { nextZoneTransition } from "./zone-transitions.js";

// Each step passes one offset transition; annual windows look at most ~9 years ahead (≈ 2 transitions a year).
const MAX_STEPS = 256;

/**
 * The smallest integer instant after `atMs` at which {@link isScheduleActive} answers differently than at `atMs`, or
 * `null` when it never will (a period past its end, a weekly schedule that is always or never active, …).
 *
 * Works on stretches of constant UTC offset: within one, the rule says exactly when activity flips; an offset
 * transition that comes first may flip it by itself (a window's minutes skipped or repeated), so it is checked and
 * the walk goes on from there.
 *
 * @example
 * const mondays = compileSchedule({ type: "weekly", days: { mon: [{ start: "09:00", end: "17:30" }] } });
 * nextScheduleChange(mondays, Date.UTC(2026, 0, 5, 12), "UTC") // => Date.UTC(2026, 0, 5, 17, 31)
 */
export function nextScheduleChange(
  schedule: CompiledSchedule,
  atMs: number,
  defaultTimeZone: string,
  activeNow?: boolean,
): number | null {
  if (!Number.isFinite(atMs)) return null;
  if (!schedule.usesWallClock) return finiteOrNull(nextRuleChange(schedule.rule, atMs, 0));
  const timeZone = schedule.timeZone ?? defaultTimeZone;
  // A caller that has just asked isScheduleActive at `atMs` passes the answer in rather than have it worked out twice.
  const active = activeNow ?? isScheduleActive(schedule, atMs, defaultTimeZone);
  let cursor = atMs;
  for (let step = 0; step < MAX_STEPS; step += 1) {
    const offsetMs = offsetAt(timeZone, cursor);
    if (Number.isNaN(offsetMs)) return null;
    // Activity at `cursor` equals `active` here: at the start by definition, later because the loop only goes on
    // from transitions that left it unchanged.
    const candidate = nextRuleChange(schedule.rule, cursor, offsetMs);
    const limit = Number.isFinite(candidate) ? candidate : schedule.horizonMs;
    const transition = nextZoneTransition(timeZone, cursor, limit);
    if (transition === null) return finiteOrNull(candidate);
    if (isScheduleActive(schedule, transition, defaultTimeZone) !== active) return transition;
    cursor = transition;
  }
  return null;
}

function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}
