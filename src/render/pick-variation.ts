import type { CompiledRendering } from "./compile-rendering.js";
import { hashUnit } from "../hashing/hash-unit.js";

/**
 * Picks the content a visitor sees (docs/semantics.md: Variations): a weighted choice over the pool (base content first, then the
 * variations in configuration order) driven by `hashUnit("variation", seed, visitorId, invitationId)`, so a visitor
 * keeps the same variation on every call. Returns the variation id, or the invitation's own id for the base content.
 *
 * @example
 * const rendering = compileRendering({ id: "sale", message: "Hi", variations: [{ id: "b" }] });
 * pickVariation(rendering, "", "visitor-1") // => "sale" or "b", the same on every call
 */
export function pickVariation(rendering: CompiledRendering, seed: string, visitorId: string): string {
  const { pool, totalWeight, invitationId } = rendering;
  if (pool.length <= 1 || !(totalWeight > 0)) return invitationId;
  const target = hashUnit("variation", seed, visitorId, invitationId) * totalWeight;
  // Strictly greater: a weight-0 entry shares its running total with the entry before it and is never reached.
  const entry = pool.find((candidate) => candidate.cumulativeWeight > target);
  return entry?.id ?? invitationId;
}
