import { isAnnualActive, nextAnnualWallChange, type AnnualRule } from "./annual-rule.js";
import { isPeriodActive, nextPeriodChange, type PeriodRule } from "./period-rule.js";
import { isWeeklyActive, nextWeeklyWallChange, type WeeklyRule } from "./weekly-rule.js";
import { assertNever } from "../lib/assert-never.js";

/** The precomputed form of one schedule type. */
export type ScheduleRule = WeeklyRule | PeriodRule | AnnualRule;

/**
 * Whether `rule` is active at `atMs` when the local wall clock reads `atMs + offsetMs`.
 *
 * @example
 * isRuleActive(compileWeeklyRule(schedule), Date.UTC(2026, 0, 5, 9), 0) // => true for mon 09:00–17:30
 */
export function isRuleActive(rule: ScheduleRule, atMs: number, offsetMs: number): boolean {
  switch (rule.type) {
    case "weekly":
      return isWeeklyActive(rule, atMs + offsetMs);
    case "period":
      return isPeriodActive(rule, atMs, offsetMs);
    case "annual":
      return isAnnualActive(rule, atMs + offsetMs);
    default:
      return assertNever(rule, "schedule rule");
  }
}

/**
 * The first instant after `atMs` at which `rule`'s activity differs from its activity at `atMs`, were the offset to
 * stay `offsetMs` for ever; `Infinity` when there is none.
 *
 * @example
 * nextRuleChange(compileWeeklyRule(schedule), Date.UTC(2026, 0, 5, 12), 0) // => Date.UTC(2026, 0, 5, 17, 31)
 */
export function nextRuleChange(rule: ScheduleRule, atMs: number, offsetMs: number): number {
  switch (rule.type) {
    case "weekly":
      return minusOffset(nextWeeklyWallChange(rule, atMs + offsetMs), offsetMs);
    case "period":
      return nextPeriodChange(rule, atMs, offsetMs);
    case "annual":
      return minusOffset(nextAnnualWallChange(rule, atMs + offsetMs), offsetMs);
    default:
      return assertNever(rule, "schedule rule");
  }
}

function minusOffset(wall: number | null, offsetMs: number): number {
  return wall === null ? Infinity : wall - offsetMs;
}

