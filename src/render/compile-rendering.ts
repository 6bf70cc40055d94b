import type { Invitation } from "../types.js";
import { compileContent, type CompiledContent } from "./compile-content.js";

/** One entry of the variation pool: its id and the running total of weights up to and including it. */
export interface PoolEntry {
  id: string;
  cumulativeWeight: number;
}

/**
 * Everything needed to render an invitation, built once at compile time: the weighted variation pool (base content
 * first, then variations in configuration order) and each content with its fallbacks, translations keyed by
 * normalised locale and parsed templates.
 */
export interface CompiledRendering {
  invitationId: string;
  pool: readonly PoolEntry[];
  totalWeight: number;
  base: CompiledContent;
  /** By content id: the invitation's own id for the base content, else the variation id. */
  contents: ReadonlyMap<string, CompiledContent>;
  /**
   * The rendering every visitor gets, when nothing about it depends on the visitor or the options but the default
   * operator name: one content, no translations, no placeholders, no returning message, no random operator. `null`
   * otherwise. Most invitations are like this, and rendering them is then one object, not a walk.
   */
  fixed: FixedRendering | null;
}

/** A rendering that is the same for every visitor (see `CompiledRendering.fixed`). */
export interface FixedRendering {
  message: string;
  /** The configured operator name, trimmed; `undefined` when blank (the default operator name is used). */
  operatorName: string | undefined;
}

/**
 * Prepares an invitation for rendering (docs/semantics.md: Variations, Rendering). The base content weighs 1; a variation weighs its `weight`
 * (default 1; 0, negative or not finite = never picked). When two contents share an id, the first one keeps it.
 *
 * @example
 * const rendering = compileRendering({ id: "sale", message: "Hi", variations: [{ id: "b", weight: 3 }] });
 * rendering.pool // => [{ id: "sale", cumulativeWeight: 1 }, { id: "b", cumulativeWeight: 4 }]
 */
export function compileRendering(invitation: Invitation): CompiledRendering {
  const base = compileContent(invitation);
  const contents = new Map<string, CompiledContent>([[invitation.id, base]]);
  const pool: PoolEntry[] = [{ id: invitation.id, cumulativeWeight: 1 }];
  let totalWeight = 1;
  for (const variation of invitation.variations ?? []) {
    if (contents.has(variation.id)) continue;
    contents.set(variation.id, compileContent(invitation, variation));
    totalWeight += weightOf(variation.weight);
    pool.push({ id: variation.id, cumulativeWeight: totalWeight });
  }
  return { invitationId: invitation.id, pool, totalWeight, base, contents, fixed: contents.size === 1 ? fixedRendering(base) : null };
}

function fixedRendering(content: CompiledContent): FixedRendering | null {
  const { message, returningMessage, operatorName } = content;
  const still = message.translations.size + returningMessage.translations.size + operatorName.translations.size === 0;
  if (!still || content.random || returningMessage.text.source.trim() !== "") return null;
  let text = "";
  for (const segment of message.text.segments) {
    if (segment.kind !== "text") return null;
    text += segment.text;
  }
  const name = operatorName.text.trim();
  return { message: text, operatorName: name === "" ? undefined : name };
}

function weightOf(weight: number | undefined): number {
  if (weight === undefined) return 1;
  return Number.isFinite(weight) && weight > 0 ? weight : 0;
}
