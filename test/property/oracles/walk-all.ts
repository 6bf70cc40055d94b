// The naive selection that explain ran until evaluate's selection became the only one (issue 11): every candidate
// checked in full, in rank order, with no index, no cursor and no pruning. It shares only what is not selection with
// src — compiling, reading the visitor, the rules before selection, the check of one candidate, rendering — so a
// property can hold evaluate's winner and recheckAt to it.
import { compiledRuleset } from "../../../src/compile/compile.js";
import type { CandidateIndex } from "../../../src/compile/candidate-index.js";
import type { CompiledInvitation } from "../../../src/compile/compile-invitation.js";
import { noDecision, offerDecision } from "../../../src/evaluate/build-decision.js";
import { checkCandidate, type CheckEnv } from "../../../src/evaluate/check-candidate.js";
import { checkGates } from "../../../src/evaluate/check-gates.js";
import { resolveOptions } from "../../../src/evaluate/resolve-options.js";
import { settleView } from "../../../src/evaluate/settle-view.js";
import { hashPrefix, hashWithKey } from "../../../src/hashing/hash-unit.js";
import { beatsOnHash } from "../../../src/hashing/pick-lowest-hash.js";
import type { ReasonCode } from "../../../src/reason-codes.js";
import { ScheduleReader } from "../../../src/schedule/schedule-reader.js";
import type { Decision, EvaluateOptions, Invitation, Trigger, Visitor } from "../../../src/types.js";
import { viewVisitor, type VisitorView } from "../../../src/visitor/view-visitor.js";

/** The winner of a list and when the outcome may change with only time passing. */
interface Walked {
  winner: CompiledInvitation | null;
  changeAt: number;
}

/**
 * What `evaluate` decides, worked out naively, for valid input (it throws where evaluate would answer `invalid_*`).
 *
 * @example
 * walkAll([{ id: "a", message: "Hi" }], { id: "v1" }, now, {}).invitationId // => "a"
 */
export function walkAll(invitations: readonly Invitation[], visitor: Visitor, atMs: number, options: EvaluateOptions): Decision {
  const ruleset = compiledRuleset(invitations);
  const resolved = resolveOptions(options);
  const raw = viewVisitor(visitor, ruleset.eventNames);
  if (resolved === null || raw === null) throw new Error("the oracle takes valid input only");
  if (ruleset.all.length === 0) return noDecision(atMs, "no_invitations", null);
  const view = settleView(raw, ruleset, atMs, resolved);
  const gate = checkGates(ruleset, view, resolved, atMs);
  if (gate.type === "blocked") return noDecision(atMs, gate.reason, gate.recheckAt);
  if (gate.type === "current") {
    const decision = offerDecision(gate.invitation, gate.variationId, view, resolved, atMs, "current");
    decision.recheckAt = gate.recheckAt;
    return decision;
  }
  const schedules = new ScheduleReader(atMs, resolved.timeZone);
  const env: CheckEnv = { changeAt: Infinity, bound: Infinity, atMs, timeZone: resolved.timeZone, operatorsOnline: resolved.operatorsOnline, schedules, keysFit: false };
  const trigger = resolved.trigger;
  const walked =
    trigger === undefined
      ? walk(ruleset.standard, null, view, env, resolved.seed)
      : walk(ruleset.dynamic, (c) => fires(c, trigger), view, env, resolved.seed);
  let changeAt = walked.changeAt;
  const armed: Decision["armed"] = [];
  const inject: Decision["inject"] = [];
  if (trigger === undefined) {
    for (const c of ruleset.dynamic.candidates) {
      const verdict = check(c, view, env);
      if (verdict.eligible) armed.push({ invitationId: c.id, trigger: c.trigger as Trigger });
      changeAt = Math.min(changeAt, verdict.changeAt);
    }
    for (const c of ruleset.inject.candidates) {
      const verdict = check(c, view, env);
      if (verdict.eligible) inject.push({ invitationId: c.id, design: c.design });
      changeAt = Math.min(changeAt, verdict.changeAt);
    }
  }
  // A current invitation that does not stand (no longer configured) still expires into a pause.
  const current = view.current;
  if (current !== undefined && current.closedAt === undefined && current.expiresAt !== undefined) {
    changeAt = Math.min(changeAt, current.expiresAt);
  }
  const recheckAt = Number.isFinite(changeAt) ? changeAt : null;
  const decision =
    walked.winner === null
      ? noDecision(atMs, "no_eligible_invitation", recheckAt)
      : offerDecision(walked.winner, null, view, resolved, atMs, "selected");
  decision.armed = armed;
  decision.inject = inject;
  decision.recheckAt = recheckAt;
  return decision;
}

/**
 * Every candidate in rank order, each checked in full: the winner is the eligible member of the first eligible
 * candidate's (position, time on site) group with the smallest tie hash, and `changeAt` counts the candidates ranked
 * before that group, the winner, and the group members with a smaller hash.
 */
function walk(
  list: CandidateIndex,
  accepts: ((candidate: CompiledInvitation) => boolean) | null,
  visitor: VisitorView,
  env: CheckEnv,
  seed: string,
): Walked {
  const tiePrefix = hashPrefix("tie", seed, visitor.id);
  const checked = list.candidates
    .filter((c) => accepts === null || accepts(c))
    .map((c) => ({ c, tie: hashWithKey(tiePrefix, c.tieKey), ...check(c, visitor, env) }));
  const first = checked.find((x) => x.eligible);
  if (first === undefined) return { winner: null, changeAt: Math.min(Infinity, ...checked.map((x) => x.changeAt)) };
  const group = checked.filter((x) => x.c.position === first.c.position && x.c.timeOnSite === first.c.timeOnSite);
  const winner = group.filter((x) => x.eligible).reduce((best, x) => (beatsOnHash(x.tie, x.c.id, best.tie, best.c.id) ? x : best));
  const counted = [
    ...checked.slice(0, checked.indexOf(first)),
    winner,
    ...group.filter((x) => beatsOnHash(x.tie, x.c.id, winner.tie, winner.c.id)),
  ];
  return { winner: winner.c, changeAt: Math.min(...counted.map((x) => x.changeAt)) };
}

function check(c: CompiledInvitation, visitor: VisitorView, env: CheckEnv): { eligible: boolean; changeAt: number } {
  const reasons: ReasonCode[] = []; // a recording check: every condition, no pruning
  const eligible = checkCandidate(c, visitor, env, Number.POSITIVE_INFINITY, reasons);
  return { eligible, changeAt: env.changeAt };
}

/** Does a fired trigger match a dynamic invitation's trigger? (README: Dynamic invitations) */
function fires(candidate: CompiledInvitation, fired: Trigger): boolean {
  const own = candidate.trigger;
  if (own === undefined || own.type !== fired.type) return false;
  return own.type === "exitIntent" || (fired.type === "idle" && fired.seconds >= own.seconds);
}
