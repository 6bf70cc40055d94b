import { readClock } from "../clock.js";
import { compiledRuleset, type CompiledRuleset, type Ruleset } from "../compile/compile.js";
import type { Recorder } from "./recorder.js";
import type { NoneReason, ReasonCode } from "../reason-codes.js";
import type { Clock, Decision, EvaluateOptions, Invitation, Trigger, Visitor } from "../types.js";
import { viewVisitor, type StoredParts, type VisitorView } from "../visitor/view-visitor.js";
import { noDecision, offerDecision } from "./build-decision.js";
import type { CandidateIndex } from "../compile/candidate-index.js";
import { checkCandidate, type CheckEnv } from "./check-candidate.js";
import { checkGates, expiryAhead } from "./check-gates.js";
import { recordChecks } from "./record-checks.js";
import type { CompiledInvitation } from "../compile/compile-invitation.js";
import { resolveOptions, type ResolvedOptions } from "./resolve-options.js";
import { ScheduleReader } from "../schedule/schedule-reader.js";
import { selectWinner } from "./select-winner.js";
import { settleView } from "./settle-view.js";
import { CandidateCursor, releaseMask, scanMask } from "./visitor-mask.js";

/**
 * The one evaluation pipeline behind `evaluate` and `explain`: read the clock, resolve the ruleset, options and
 * visitor, apply the rules before selection, select, list armed and inject invitations, render, and work out
 * `recheckAt`. It never throws: a problem with the input becomes a `"none"` decision with a reason. A recorder
 * changes no step: once the decision is made, it adds a pass that records every candidate's reasons. `stored`, when
 * given, stands for the visitor's `state` and `events` (the service's stored record), whatever the snapshot holds.
 *
 * @example
 * runPipeline(invitations, visitor, now, options, null)           // what evaluate returns
 * runPipeline(invitations, visitor, now, options, new Recorder()) // the same, with every check recorded
 * runPipeline(ruleset, visitor, now, options, null, { state, events }) // as if the visitor held that state and log
 */
export function runPipeline(
  input: Ruleset | readonly Invitation[],
  visitor: Visitor,
  clock: Clock,
  options: EvaluateOptions | undefined,
  recorder: Recorder | null,
  stored: StoredParts | null = null,
): Decision {
  const atMs = readClock(clock);
  try {
    return decide(input, visitor, atMs, options, recorder, stored);
  } catch {
    return noDecision(atMs, failureReason(visitor, options, stored), null);
  }
}

/**
 * Why evaluation threw. The visitor and the options are read in full before selection starts, so an input that
 * cannot be read is refused there; one that passed that reading and throws when read again (a proxy or getter that
 * answers differently each time, a non-enumerable attribute getter) is still the input's fault, found by reading it
 * all once more. Anything else is a bug in beckon, reported instead of thrown (the property tests hold that line).
 */
function failureReason(visitor: Visitor, options: EvaluateOptions | undefined, stored: StoredParts | null): NoneReason {
  if (viewVisitor(visitor, null, true, stored) === null) return "invalid_visitor";
  if (resolveOptions(options) === null) return "invalid_options";
  return "evaluation_error";
}

function decide(
  input: Ruleset | readonly Invitation[],
  visitor: Visitor,
  atMs: number,
  options: EvaluateOptions | undefined,
  recorder: Recorder | null,
  stored: StoredParts | null,
): Decision {
  if (Number.isNaN(atMs)) return noDecision(atMs, "invalid_clock", null);
  let ruleset: CompiledRuleset;
  try {
    ruleset = compiledRuleset(input);
  } catch {
    return noDecision(atMs, "invalid_config", null);
  }
  const resolved = resolveOptions(options);
  if (resolved === null) return noDecision(atMs, "invalid_options", null);
  const raw = viewVisitor(visitor, ruleset.eventNames, false, stored);
  if (raw === null) return noDecision(atMs, "invalid_visitor", null);
  if (ruleset.all.length === 0) return noDecision(atMs, "no_invitations", null);
  const view = settleView(raw, ruleset, atMs, resolved);

  const gate = checkGates(ruleset, view, resolved, atMs);
  if (gate.type === "blocked") {
    for (const c of ruleset.all) recorder?.skipped(c.id, gate.reason);
    return noDecision(atMs, gate.reason, gate.recheckAt);
  }
  if (gate.type === "current") {
    for (const c of ruleset.all) recorder?.skipped(c.id, "current_invitation", c === gate.invitation);
    const decision = offerDecision(gate.invitation, gate.variationId, view, resolved, atMs, "current");
    // A fresh object of our own: filled in rather than copied, as on every path below.
    decision.recheckAt = gate.recheckAt;
    return decision;
  }
  return select(ruleset, view, resolved, atMs, recorder);
}

function select(
  ruleset: CompiledRuleset,
  view: VisitorView,
  options: ResolvedOptions,
  atMs: number,
  recorder: Recorder | null,
): Decision {
  const env: CheckEnv = {
    changeAt: Number.POSITIVE_INFINITY,
    bound: Number.POSITIVE_INFINITY,
    atMs,
    timeZone: options.timeZone,
    operatorsOnline: options.operatorsOnline,
    schedules: new ScheduleReader(atMs, options.timeZone),
    keysFit: false,
  };
  const trigger = options.trigger;
  const selection =
    trigger === undefined
      ? selectWinner(ruleset.standard, null, view, env, options.seed)
      : selectWinner(ruleset.dynamic, (c) => fires(c, trigger), view, env, options.seed);
  if (recorder !== null) record(ruleset, view, env, trigger, selection.winner, recorder);
  const decision =
    selection.winner === null
      ? noDecision(atMs, selection.reason, null)
      : offerDecision(selection.winner, null, view, options, atMs, "selected");
  let changeAt = selection.changeAt;
  if (trigger === undefined) {
    // The decision's own (fresh) lists are filled in place: the checks need nothing the decision holds.
    changeAt = Math.min(changeAt, listEligible(ruleset.dynamic, view, env, decision.armed, null));
    changeAt = Math.min(changeAt, listEligible(ruleset.inject, view, env, null, decision.inject));
  }
  // A selected invitation with an expiry disappears that long after it is assigned (applyDecision assigns it now):
  // the host must ask again then, as it does for a current one at its expiresAt (one ms on for an expiry of 0, so
  // the instant stays after this one).
  const expiresAfterSeconds = decision.invitation?.expiresAfterSeconds;
  if (expiresAfterSeconds !== undefined) changeAt = Math.min(changeAt, atMs + Math.max(1, expiresAfterSeconds * 1000));
  // A current invitation no longer configured does not stand, but its expiry still pauses the visitor.
  changeAt = Math.min(changeAt, expiryAhead(view));
  decision.recheckAt = Number.isFinite(changeAt) ? changeAt : null;
  return decision;
}

/**
 * explain's add-on, after the decision is made: every candidate checked again with its reasons recorded, in the order
 * and with the outcomes of the selection above (the winner "selected", other eligible ones "outranked", "armed",
 * "injected"); with a trigger, the candidates it does not fire are skipped.
 */
function record(
  ruleset: CompiledRuleset,
  view: VisitorView,
  env: CheckEnv,
  trigger: Trigger | undefined,
  winner: CompiledInvitation | null,
  recorder: Recorder,
): void {
  const ranked = (c: CompiledInvitation): ReasonCode => (c === winner ? "selected" : "outranked");
  if (trigger === undefined) {
    recordChecks(ruleset.standard, null, view, env, recorder, ranked);
    recordChecks(ruleset.dynamic, null, view, env, recorder, () => "armed");
    recordChecks(ruleset.inject, null, view, env, recorder, () => "injected");
    return;
  }
  recordChecks(ruleset.dynamic, (c) => fires(c, trigger), view, env, recorder, ranked);
  for (const c of ruleset.all) recorder.skipped(c.id, c.kind === "dynamic" ? "trigger_mismatch" : "kind_mismatch");
}

/**
 * Checks the candidates of a list whose equality keys fit, lists each eligible one in `armed` (a dynamic list) or
 * `inject` (an inject list), and returns the list's next change.
 */
function listEligible(
  list: CandidateIndex,
  view: VisitorView,
  env: CheckEnv,
  armed: Decision["armed"] | null,
  inject: Decision["inject"] | null,
): number {
  let changeAt = Number.POSITIVE_INFINITY;
  if (list.candidates.length === 0) return changeAt;
  const mask = scanMask(list, view);
  env.keysFit = mask !== null;
  const cursor = new CandidateCursor(list.candidates, mask);
  for (let candidate = cursor.next(); candidate !== undefined; candidate = cursor.next()) {
    // An ineligible candidate that cannot become eligible before the earliest change found so far moves nothing.
    const eligible = checkCandidate(candidate, view, env, changeAt, null);
    changeAt = Math.min(changeAt, env.changeAt);
    if (!eligible) continue;
    armed?.push({ invitationId: candidate.id, trigger: candidate.trigger as Trigger });
    inject?.push({ invitationId: candidate.id, design: candidate.design });
  }
  releaseMask(list, mask);
  return changeAt;
}

/** Does a trigger that fired in the widget match a dynamic invitation's trigger? */
function fires(candidate: CompiledInvitation, fired: Trigger): boolean {
  const own = candidate.trigger;
  if (own === undefined || own.type !== fired.type) return false;
  return own.type === "exitIntent" || (fired.type === "idle" && fired.seconds >= own.seconds);
}
