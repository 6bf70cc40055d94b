import type { CompiledRuleset } from "../compile.js";
import { servesVisitor } from "../conditions/operator-presence.js";
import type { ReasonCode } from "../explain/reason-codes.js";
import type { VisitorView } from "../visitor/view-visitor.js";
import type { CompiledInvitation } from "./compile-invitation.js";
import type { ResolvedOptions } from "./resolve-options.js";

/** What the rules before selection decided: nothing at all, the current invitation, or go on selecting. */
export type GateOutcome =
  | { type: "blocked"; reason: ReasonCode; recheckAt: number | null }
  | { type: "current"; invitation: CompiledInvitation; variationId: string; recheckAt: number | null }
  | { type: "open" };

const OPEN: GateOutcome = { type: "open" };

/**
 * Applies SPEC §8 rules 1–5, in order, before any invitation is checked: an active chat, a recent chat, a running
 * suppression, a current invitation that still stands, and nobody online to answer. An invitation that expired
 * (its `expiresAt` passed without a reducer recording it) counts as closed at that instant, so its cooldown applies.
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
  const suppressedUntil = Math.max(visitor.suppressedUntil ?? -Infinity, expiryCooldownEnd(ruleset, visitor, options, atMs));
  if (suppressedUntil > atMs) return { type: "blocked", reason: "suppressed", recheckAt: suppressedUntil };
  const current = standingInvitation(ruleset, visitor, atMs);
  if (current !== null) {
    const expiresAt = visitor.current?.expiresAt;
    const variationId = visitor.current?.variationId;
    return {
      type: "current",
      invitation: current,
      variationId: typeof variationId === "string" ? variationId : current.id,
      recheckAt: typeof expiresAt === "number" ? expiresAt : null,
    };
  }
  if (nobodyOnline(visitor, options)) return { type: "blocked", reason: "no_operator_online", recheckAt: null };
  return OPEN;
}

/** The current invitation if it is neither closed nor expired and still configured. */
function standingInvitation(ruleset: CompiledRuleset, visitor: VisitorView, atMs: number): CompiledInvitation | null {
  const current = visitor.current;
  if (current === undefined || current.closedAt !== undefined) return null;
  if (typeof current.expiresAt === "number" && current.expiresAt <= atMs) return null;
  return ruleset.byId.get(current.invitationId) ?? null;
}

/** When the pause after a lazily expired current invitation ends (−∞ when there is none). */
function expiryCooldownEnd(
  ruleset: CompiledRuleset,
  visitor: VisitorView,
  options: ResolvedOptions,
  atMs: number,
): number {
  const current = visitor.current;
  const expiresAt = current?.expiresAt;
  if (current === undefined || current.closedAt !== undefined || typeof expiresAt !== "number" || expiresAt > atMs) {
    return -Infinity;
  }
  const cooldownMs = ruleset.byId.get(current.invitationId)?.cooldownMs ?? options.suppressAfterCloseMs;
  return expiresAt + cooldownMs;
}

function nobodyOnline(visitor: VisitorView, options: ResolvedOptions): boolean {
  const online = options.operatorsOnline;
  if (!options.requireOperatorOnline || online === undefined) return false;
  return !online.some((operator) => servesVisitor(operator, visitor.department));
}
