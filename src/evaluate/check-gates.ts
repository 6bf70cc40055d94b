import type { CompiledRuleset } from "../compile/compile.js";
import { servesVisitor } from "../conditions/operator-presence.js";
import type { NoneReason } from "../reason-codes.js";
import type { CurrentInvitation } from "../types.js";
import type { VisitorView } from "../visitor/view-visitor.js";
import type { CompiledInvitation } from "../compile/compile-invitation.js";
import type { ResolvedOptions } from "./resolve-options.js";

/** What the rules before selection decided: nothing at all, the current invitation, or go on selecting. */
export type GateOutcome =
  | { type: "blocked"; reason: NoneReason; recheckAt: number | null }
  | { type: "current"; invitation: CompiledInvitation; variationId: string; recheckAt: number | null }
  | { type: "open" };

const OPEN: GateOutcome = { type: "open" };

/**
 * Applies the rules before selection (docs/semantics.md: Rules before selection) 1–5, in order, before any invitation is checked: an active chat, a recent chat, a running
 * suppression, a current invitation that still stands, and nobody online to answer. The visitor's state must be
 * settled first (`settleView`), so an expired invitation already counts as closed.
 *
 * @example
 * checkGates(ruleset, viewVisitor({ id: "v1", chat: { active: true } }), options, now)
 * // => { type: "blocked", reason: "chat_active", recheckAt: null }
 */
export function checkGates(
  ruleset: CompiledRuleset,
  visitor: VisitorView,
  options: ResolvedOptions,
  atMs: number,
): GateOutcome {
  if (visitor.chatActive) return { type: "blocked", reason: "chat_active", recheckAt: null };
  if (visitor.lastChatAt !== undefined) {
    const quietUntil = visitor.lastChatAt + options.suppressAfterChatMs;
    if (atMs < quietUntil) return { type: "blocked", reason: "recent_chat", recheckAt: quietUntil };
  }
  const suppressedUntil = visitor.suppressedUntil;
  if (suppressedUntil !== undefined && suppressedUntil > atMs) {
    return { type: "blocked", reason: "suppressed", recheckAt: suppressedUntil };
  }
  const current = standingInvitation(ruleset, visitor);
  if (current !== null) {
    const { variationId, expiresAt } = visitor.current as CurrentInvitation;
    return { type: "current", invitation: current, variationId, recheckAt: expiresAt ?? null };
  }
  if (nobodyOnline(visitor, options)) {
    // A current invitation no longer configured still expires, and its expiry pauses the visitor: ask again then.
    const expiry = expiryAhead(visitor);
    return { type: "blocked", reason: "no_operator_online", recheckAt: Number.isFinite(expiry) ? expiry : null };
  }
  return OPEN;
}

/**
 * When the visitor's current invitation, neither closed nor expired yet (settling recorded a passed expiry), will
 * expire: its expiry counts as a close and starts a pause, so every decision made around it can change then, even
 * for an invitation no longer configured. `Infinity` when there is none.
 *
 * @example
 * expiryAhead(viewOf({ current: { invitationId: "gone", expiresAt: now + 1_000, … } })) // => now + 1_000
 */
export function expiryAhead(visitor: VisitorView): number {
  const current = visitor.current;
  if (current === undefined || current.closedAt !== undefined || current.expiresAt === undefined) return Infinity;
  return current.expiresAt;
}

/** The current invitation if it is not closed (nor expired, which settling made a close) and still configured. */
function standingInvitation(ruleset: CompiledRuleset, visitor: VisitorView): CompiledInvitation | null {
  const current = visitor.current;
  if (current === undefined || current.closedAt !== undefined) return null;
  return ruleset.byId.get(current.invitationId) ?? null;
}

function nobodyOnline(visitor: VisitorView, options: ResolvedOptions): boolean {
  const online = options.operatorsOnline;
  if (!options.requireOperatorOnline || online === undefined) return false;
  return !online.some((operator) => servesVisitor(operator, visitor.department));
}
