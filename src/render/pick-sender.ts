import { servesVisitor } from "../conditions/operator-presence.js";
import { pickLowestHash } from "../hashing/pick-lowest-hash.js";
import type { DecisionOperator, OnlineOperator } from "../types.js";
import type { CompiledContent } from "./compile-content.js";

/** What the sender choice reads from the visitor and the world. */
export interface SenderContext {
  visitorId: string;
  seed: string;
  department: string | undefined;
  operatorsOnline: readonly OnlineOperator[] | undefined;
}

/** The sender and, when a random operator was asked for but none could be picked, why. */
export interface SenderChoice {
  operator: DecisionOperator;
  randomMissed: boolean;
}

/**
 * Chooses the sender (docs/semantics.md: Sender). With `random` and a non-empty `operatorsOnline`: among the online operators that
 * are in `operatorIds` (when that list is non-empty; ids compared trimmed) and serve the visitor's department, the
 * one with the smallest `hashUnit("operator", seed, visitorId, id)`, shown under its own name (or `fallbackName`
 * when it has none). No such operator → `fallbackName` and `randomMissed`. Otherwise → `fallbackName`, no id.
 *
 * @example
 * const content = { random: true, operatorIds: ["7"] } as CompiledContent;
 * const context = { visitorId: "v1", seed: "", department: undefined, operatorsOnline: [{ id: "7", name: "Ann" }] };
 * pickSender(content, "Live Support", context) // => { operator: { id: "7", name: "Ann" }, randomMissed: false }
 */
export function pickSender(
  content: Pick<CompiledContent, "random" | "operatorIds">,
  fallbackName: string,
  context: SenderContext,
): SenderChoice {
  const online = context.operatorsOnline;
  if (!content.random || online === undefined || online.length === 0) {
    return { operator: { name: fallbackName }, randomMissed: false };
  }
  const allowed = new Set(content.operatorIds);
  const candidates = online.filter(
    (op) => (allowed.size === 0 || allowed.has(String(op.id).trim())) && servesVisitor(op, context.department),
  );
  const index = pickLowestHash("operator", candidates.map((op) => op.id), context.seed, context.visitorId);
  const chosen = candidates[index];
  if (chosen === undefined) return { operator: { name: fallbackName }, randomMissed: true };
  const name = chosen.name?.trim() ?? "";
  return { operator: { id: chosen.id, name: name === "" ? fallbackName : name }, randomMissed: false };
}
