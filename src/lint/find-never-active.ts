import type { CompiledInvitation } from "../compile/compile-invitation.js";
import { DAY_MS } from "../schedule/civil-date.js";
import type { CompiledSchedule } from "../schedule/compile-schedule.js";
import { finding, type LintFinding } from "./lint-codes.js";

/**
 * Finds invitations whose schedule is never active again (docs/semantics.md: Schedules): a weekly schedule without a single
 * window, and, given the instant `atMs`, a period that has ended by then. A period end written without an offset is
 * wall time in a time zone lint does not know (the schedule's own, else the evaluation's `timeZone`), so it counts
 * as ended only a day after it ended in UTC — later than in any time zone.
 *
 * @example
 * findNeverActive([compiled({ schedule: { type: "period", to: "2026-01-31" } })], Date.UTC(2026, 5, 1))
 * // => [{ code: "never_active", path: [0, "schedule"], message: "the period ended on …" }]
 */
export function findNeverActive(invitations: readonly CompiledInvitation[], atMs: number | undefined): LintFinding[] {
  const findings: LintFinding[] = [];
  invitations.forEach((c, i) => {
    if (c.schedule === null || !c.enabled) return;
    const why = neverActive(c.schedule, atMs);
    if (why !== null) findings.push(finding("never_active", [i, "schedule"], why));
  });
  return findings;
}

/** Why a schedule is never active at or after `atMs`, or `null` when it may be. */
export function neverActive(schedule: CompiledSchedule, atMs: number | undefined): string | null {
  const rule = schedule.rule;
  if (rule.type === "weekly") {
    return rule.intervals.length === 0 ? "the weekly schedule has no window on any day: it is never active" : null;
  }
  if (rule.type !== "period" || rule.to === null || atMs === undefined || !Number.isFinite(atMs)) return null;
  const lastActive = rule.to.zoned ? rule.to.end + DAY_MS : rule.to.end;
  if (atMs <= lastActive) return null;
  const ended = new Date(rule.to.end + 1).toISOString();
  const when = rule.to.zoned ? `${ended.slice(0, 16).replace("T", " ")} local time` : ended;
  return `the period ended at ${when}, before the lint instant: it is never active again`;
}
