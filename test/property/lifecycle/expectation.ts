/**
 * What the reference model says `evaluate` decides right now, up to the hash choices (a tie between equally ranked
 * invitations, a variation): blocked by a chat or a pause, the standing invitation, or the best-ranked eligible ones.
 */
import type { Invitation, VisitorEvent } from "../../../src/index.js";
import { chatPauseEnd, norm, pageOf, urlsAllow, type Model, type ModelCurrent } from "./model.js";

export type Expectation =
  | { type: "blocked"; reason: "chat_active" | "recent_chat" | "suppressed" }
  | { type: "current"; current: ModelCurrent }
  | { type: "open"; eligible: Invitation[]; best: Invitation[] };

export function expectation(m: Model): Expectation {
  if (m.chatActive) return { type: "blocked", reason: "chat_active" };
  if (m.now < chatPauseEnd(m)) return { type: "blocked", reason: "recent_chat" };
  if (m.now < m.closePauseEnd) return { type: "blocked", reason: "suppressed" };
  if (m.current !== null && m.current.closedAt === undefined) return { type: "current", current: m.current };
  const eligible = m.world.invitations.filter((inv) => eligibleInModel(m, inv));
  return { type: "open", eligible, best: bestRanked(eligible) };
}

function eligibleInModel(m: Model, inv: Invitation): boolean {
  if (!urlsAllow(inv.urls, pageOf(m.url))) return false;
  if (m.sessionExcluded.has(inv.id)) return false;
  if (inv.oncePerVisitor === true && m.seenOnce.has(inv.id)) return false;
  if (m.timeOnSite < (inv.timeOnSite ?? 0)) return false;
  return (inv.events ?? []).every((condition) => {
    const windowMs = (condition.withinSeconds ?? 0) * 1000;
    const inWindow = (e: VisitorEvent): boolean => windowMs === 0 || m.now - e.at < windowMs;
    return m.events.filter((e) => norm(e.name) === norm(condition.event) && inWindow(e)).length >= condition.minCount;
  });
}

/** Lowest position, then lower timeOnSite; the hash decides among what is left. */
function bestRanked(eligible: readonly Invitation[]): Invitation[] {
  const position = Math.min(...eligible.map((inv) => inv.position ?? 0));
  const atPosition = eligible.filter((inv) => (inv.position ?? 0) === position);
  const tos = Math.min(...atPosition.map((inv) => inv.timeOnSite ?? 0));
  return atPosition.filter((inv) => (inv.timeOnSite ?? 0) === tos);
}

/**
 * The variations a deterministic pick may land on (weight 0 = never), and the message each renders for a visitor
 * with `visits` sessions so far.
 */
export function allowedContent(inv: Invitation, visits: number): Map<string, string> {
  const options = new Map<string, string>();
  const pick = (message: string | undefined, returning: string | undefined): string =>
    visits > 1 && (returning ?? "").trim() !== "" ? (returning as string) : (message ?? inv.message);
  options.set(inv.id, pick(inv.message, inv.returningMessage));
  for (const v of inv.variations ?? []) {
    if ((v.weight ?? 1) === 0) continue;
    options.set(v.id, pick(v.message ?? inv.message, v.returningMessage ?? inv.returningMessage));
  }
  return options;
}
