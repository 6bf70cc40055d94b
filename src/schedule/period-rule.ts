import type { PeriodSchedule } from "../types.js";
import { DAY_MS } from "./civil-date.js";
import { parsePeriodBound, type PeriodBound } from "./period-bound.js";

/**
 * A period schedule with both ends resolved. `horizonMs` bounds the instants at which a zone's offset change can
 * still matter: beyond it every local bound lies in the past whatever the offset (`-Infinity` when no bound is
 * local).
 */
export interface PeriodRule {
  type: "period";
  from: PeriodBound | null;
  to: PeriodBound | null;
  zoned: boolean;
  horizonMs: number;
}

// Wall time runs at most ~14 h ahead of and ~12 h behind UTC, and no offset change moves it by more than a day.
const HORIZON_MARGIN_MS = 3 * DAY_MS;

/**
 * Resolves the ends of a period that passed `checkSchedule`; an absent end stays open.
 *
 * @example
 * compilePeriodRule({ type: "period", from: "2026-12-24" }).zoned // => true
 */
export function compilePeriodRule(schedule: PeriodSchedule): PeriodRule {
  const from = schedule.from === undefined ? null : parsePeriodBound(schedule.from);
  const to = schedule.to === undefined ? null : parsePeriodBound(schedule.to);
  const local = [from, to].filter((bound): bound is PeriodBound => bound !== null && bound.zoned);
  const horizonMs = local.length === 0 ? -Infinity : Math.max(...local.map((bound) => bound.end)) + HORIZON_MARGIN_MS;
  return { type: "period", from, to, zoned: local.length > 0, horizonMs };
}

/**
 * Whether the instant `atMs`, whose local wall clock is `atMs + offsetMs`, lies in the period. Local bounds compare
 * with the wall clock, absolute ones with the instant.
 *
 * @example
 * isPeriodActive(compilePeriodRule({ type: "period", to: 1000 }), 1000, 0) // => true
 */
export function isPeriodActive(rule: PeriodRule, atMs: number, offsetMs: number): boolean {
  const { from, to } = rule;
  if (from !== null && (from.zoned ? atMs + offsetMs : atMs) < from.start) return false;
  return to === null || (to.zoned ? atMs + offsetMs : atMs) <= to.end;
}

/**
 * The first integer instant after `atMs` at which activity differs from activity at `atMs`, assuming the offset stays
 * `offsetMs`; `Infinity` when there is none.
 *
 * @example
 * nextPeriodChange(compilePeriodRule({ type: "period", to: 1000 }), 0, 0) // => 1001
 */
export function nextPeriodChange(rule: PeriodRule, atMs: number, offsetMs: number): number {
  const active = isPeriodActive(rule, atMs, offsetMs);
  const candidates: number[] = [];
  if (rule.from !== null) candidates.push(Math.ceil(rule.from.start - (rule.from.zoned ? offsetMs : 0)));
  if (rule.to !== null) candidates.push(Math.floor(rule.to.end - (rule.to.zoned ? offsetMs : 0)) + 1);
  candidates.sort((a, b) => a - b);
  for (const candidate of candidates) {
    if (candidate > atMs && isPeriodActive(rule, candidate, offsetMs) !== active) return candidate;
  }
  return Infinity;
}
