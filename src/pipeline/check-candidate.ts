import { matchReferrer } from "../conditions/match-referrer.js";
import { matchUrl } from "../conditions/match-url.js";
import { nextAttributeChange } from "../conditions/next-attribute-change.js";
import { servesVisitor } from "../conditions/operator-presence.js";
import { testAttribute } from "../conditions/test-attribute.js";
import { checkEventCondition } from "../events/check-event-condition.js";
import type { ReasonCode } from "../explain/reason-codes.js";
import { isScheduleActive } from "../schedule/is-schedule-active.js";
import { nextScheduleChange } from "../schedule/next-schedule-change.js";
import type { OnlineOperator } from "../types.js";
import type { VisitorView } from "../visitor/view-visitor.js";
import type { CompiledInvitation } from "./compile-invitation.js";

/** What a candidate check needs besides the invitation and the visitor. */
export interface CheckEnv {
  atMs: number;
  timeZone: string;
  operatorsOnline: readonly OnlineOperator[] | undefined;
}

/**
 * The outcome of checking one invitation for one visitor at one instant. `changeAt` is the earliest future instant
 * at which `eligible` may flip while only time passes (`Infinity`: never): for an eligible invitation the first
 * moment a time-bound condition stops holding; for an ineligible one, no earlier than the moment every failing
 * condition could hold — a lower bound, so `recheckAt` built from it never promises too late.
 */
export interface Verdict {
  eligible: boolean;
  changeAt: number;
}

const NEVER: Verdict = Object.freeze({ eligible: false, changeAt: Number.POSITIVE_INFINITY });

/**
 * Checks every condition of an invitation (SPEC §4, §5, §7, §8 rule 6). Conditions that time cannot change are
 * checked first; without `reasons` the check stops at the first of them that fails, with `reasons` (explain) it
 * records every failing condition and goes on — the same checks either way.
 *
 * @example
 * checkCandidate(compileInvitation({ id: "a", message: "Hi", timeOnSite: 30 }), viewVisitor({ id: "v1", timeOnSite: 10 }), env, null)
 * // => { eligible: false, changeAt: env.atMs + 20_000 }
 */
export function checkCandidate(
  invitation: CompiledInvitation,
  visitor: VisitorView,
  env: CheckEnv,
  reasons: ReasonCode[] | null,
): Verdict {
  const failed = checkStatic(invitation, visitor, env, reasons);
  if (failed && reasons === null) return NEVER;
  const timed = checkTimed(invitation, visitor, env, reasons);
  if (failed) return NEVER;
  return timed;
}

/** Conditions whose truth only new visitor input can change. Returns true when one fails. */
function checkStatic(inv: CompiledInvitation, v: VisitorView, env: CheckEnv, reasons: ReasonCode[] | null): boolean {
  let failed = false;
  const fail = (reason: ReasonCode): boolean => {
    failed = true;
    reasons?.push(reason);
    return reasons === null;
  };
  if (!inv.enabled && fail("disabled")) return true;
  if (v.pageviews < inv.pageviews && fail("pageviews")) return true;
  if (inv.language !== "" && inv.language !== v.language && fail("language")) return true;
  if (inv.identifier !== "" && inv.identifier !== v.identifier && fail("identifier")) return true;
  if (inv.tag !== "" && !v.tags.has(inv.tag) && fail("tag")) return true;
  if (!departmentMatches(inv, v) && fail("department")) return true;
  if (inv.devices !== null && !inv.devices.has(v.device) && fail("device")) return true;
  if (!matchReferrer(inv.referrer, v.referrerHost) && fail("referrer")) return true;
  if (inv.urls !== null && !matchUrl(inv.urls, v.page) && fail("url")) return true;
  if (!operatorsPresent(inv, v, env) && fail("operator_offline")) return true;
  if (isSessionExcluded(inv, v) && fail("session_excluded")) return true;
  if (isSeenOnce(inv, v) && fail("once_per_visitor")) return true;
  if (!inv.attributes.every((a) => testAttribute(a, v.attributes, env.atMs)) && fail("attribute")) return true;
  if (!inv.events.every((e) => checkEventCondition(e, v.events.get(e.event), env.atMs).holds) && fail("event")) {
    return true;
  }
  return failed;
}

/**
 * Conditions that time can change: minimums that only ever become true (time on site, time since the last visit
 * or chat) and conditions that can flip either way (schedule, relative-time attributes, event windows).
 */
function checkTimed(inv: CompiledInvitation, v: VisitorView, env: CheckEnv, reasons: ReasonCode[] | null): Verdict {
  const at = env.atMs;
  const clock = new ChangeClock();
  const waitMs = v.timeOnSite >= inv.timeOnSite ? 0 : msUntil(inv.timeOnSite - v.timeOnSite);
  clock.minimum("time_on_site", at + waitMs, at, reasons);
  if (inv.minMsSinceLastVisit !== undefined && v.lastVisitAt !== undefined) {
    clock.minimum("last_visit_too_recent", v.lastVisitAt + inv.minMsSinceLastVisit, at, reasons);
  }
  if (inv.minMsSinceLastChat !== undefined && v.lastChatAt !== undefined) {
    clock.minimum("last_chat_too_recent", v.lastChatAt + inv.minMsSinceLastChat, at, reasons);
  }
  if (inv.schedule !== null) {
    const active = isScheduleActive(inv.schedule, at, env.timeZone);
    clock.flip("schedule", active, nextScheduleChange(inv.schedule, at, env.timeZone), reasons);
  }
  for (const a of inv.movingAttributes) {
    clock.flip("attribute", testAttribute(a, v.attributes, at), nextAttributeChange(a, v.attributes, at), reasons);
  }
  for (const e of inv.events) {
    const { holds, endsAt } = checkEventCondition(e, v.events.get(e.event), at);
    if (holds) clock.flip("event", true, endsAt, reasons);
  }
  return clock.verdict();
}

/** Collects time-bound conditions into a verdict. */
class ChangeClock {
  private failing = false;
  private readyAt = Number.NEGATIVE_INFINITY;
  private endsAt = Number.POSITIVE_INFINITY;

  /** A condition that holds from `holdsFrom` on (and for ever after). */
  minimum(reason: ReasonCode, holdsFrom: number, atMs: number, reasons: ReasonCode[] | null): void {
    if (holdsFrom <= atMs) return;
    this.fail(reason, holdsFrom, reasons);
  }

  /** A condition that holds now or not, and flips at `nextChange` (`null`: never). */
  flip(reason: ReasonCode, holds: boolean, nextChange: number | null, reasons: ReasonCode[] | null): void {
    const change = nextChange ?? Number.POSITIVE_INFINITY;
    if (holds) this.endsAt = Math.min(this.endsAt, change);
    else this.fail(reason, change, reasons);
  }

  verdict(): Verdict {
    return this.failing ? { eligible: false, changeAt: this.readyAt } : { eligible: true, changeAt: this.endsAt };
  }

  private fail(reason: ReasonCode, readyAt: number, reasons: ReasonCode[] | null): void {
    this.failing = true;
    this.readyAt = Math.max(this.readyAt, readyAt);
    if (reasons !== null && !reasons.includes(reason)) reasons.push(reason);
  }
}

/**
 * Whole milliseconds until `seconds` have passed, never late: the threshold is met at the first millisecond where
 * `timeOnSite + elapsed ≥ minimum`, and float error (5 − 4.999 = 1.0000000000000009 ms) must not push it one later.
 */
function msUntil(seconds: number): number {
  return Math.max(1, Math.ceil(seconds * 1000 - 1e-6));
}

function departmentMatches(inv: CompiledInvitation, v: VisitorView): boolean {
  return inv.departments === null || (v.department !== undefined && inv.departments.has(v.department));
}

function operatorsPresent(inv: CompiledInvitation, v: VisitorView, env: CheckEnv): boolean {
  const wanted = inv.requireOperatorIds;
  if (wanted === null || env.operatorsOnline === undefined) return true;
  return env.operatorsOnline.some((op) => wanted.has(op.id.trim()) && servesVisitor(op, v.department));
}

function isSessionExcluded(inv: CompiledInvitation, v: VisitorView): boolean {
  return v.sessionExcluded.has(inv.id);
}

function isSeenOnce(inv: CompiledInvitation, v: VisitorView): boolean {
  return inv.oncePerVisitor && v.seenOnce.has(inv.id);
}
