import type { ConfigIssue } from "./config-error.js";
import { ownProperty } from "./own-property.js";

const NONE: readonly ConfigIssue[] = [];

/**
 * Checks that no variation id repeats another variation's id or the invitation's own id: `Decision.variationId` must
 * say unambiguously which content was shown (docs/semantics.md: Variations). The later occurrence is reported. Paths are relative to the
 * invitation.
 *
 * @example
 * checkVariationIds({ id: "a", variations: [{ id: "a" }] })
 * // => [{ code: "duplicate_variation_id", path: ["variations", 0, "id"], message: "…" }]
 */
export function checkVariationIds(invitation: object): readonly ConfigIssue[] {
  const variations = ownProperty(invitation, "variations");
  if (!Array.isArray(variations)) return NONE;
  const ownId = ownProperty(invitation, "id");
  const seen = new Set<string>();
  const issues: ConfigIssue[] = [];
  variations.forEach((variation: unknown, index) => {
    const id = ownProperty(variation, "id");
    if (typeof id !== "string") return;
    if (id === ownId) {
      const message = `variation id ${JSON.stringify(id)} is the invitation's own id, which names its base content`;
      issues.push({ code: "duplicate_variation_id", path: ["variations", index, "id"], message });
    } else if (seen.has(id)) {
      const message = `variation id ${JSON.stringify(id)} is used by an earlier variation`;
      issues.push({ code: "duplicate_variation_id", path: ["variations", index, "id"], message });
    }
    seen.add(id);
  });
  return issues;
}
