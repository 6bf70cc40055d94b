import type { WarningCode } from "../reason-codes.js";
import { pickVariation } from "./pick-variation.js";
import type { AttributeValue, DecisionOperator, OnlineOperator } from "../types.js";
import type { CompiledContent } from "./compile-content.js";
import type { CompiledRendering, FixedRendering } from "./compile-rendering.js";
import { normalizeLocale } from "./normalize-locale.js";
import type { Template } from "./parse-template.js";
import { pickSender } from "./pick-sender.js";
import { renderTemplate } from "./render-template.js";
import { translate } from "./translate.js";

/** What rendering reads from the visitor, the evaluation options and the world. */
export interface RenderContext {
  visitorId: string;
  /** `visitor.visits > 1`. */
  returning: boolean;
  /** Raw `visitor.locale` (`""` when unknown). */
  locale: string;
  /** `visitor.chat.nick`. */
  nick: string | undefined;
  /** `visitor.attributes` (`{}` when absent), for `{lhc.var.KEY}`. */
  attributes: Readonly<Record<string, AttributeValue>>;
  /** `visitor.visibleAttributes` (`{}` when absent), for `{lhc.add.KEY}`. */
  visibleAttributes: Readonly<Record<string, AttributeValue>>;
  /** Already normalised with `normalizeDepartment`. */
  department: string | undefined;
  operatorsOnline: readonly OnlineOperator[] | undefined;
  seed: string;
  escape: "html" | "none";
  defaultOperatorName: string;
}

/** The content shown: which variation, the final message text, the sender, and warnings raised on the way. */
export interface RenderedInvitation {
  variationId: string;
  message: string;
  operator: DecisionOperator;
  warnings: WarningCode[];
}

/**
 * Renders an invitation for a visitor (docs/semantics.md: Variations, Rendering): picks the variation (when `variationId` is `null`; an id the
 * invitation does not know renders the base content, as for a stored invitation whose variation was removed),
 * translates, chooses the first-visit or returning message, picks the sender and fills the placeholders.
 *
 * @example
 * const rendering = compileRendering({ id: "hi", message: "Hello {lhc.var.name}, {operator} here" });
 * renderInvitation(rendering, null, { ...context, attributes: { name: "Ann" }, defaultOperatorName: "Tom" }).message
 * // => "Hello Ann, Tom here"
 */
export function renderInvitation(
  rendering: CompiledRendering,
  variationId: string | null,
  context: RenderContext,
): RenderedInvitation {
  const requested = variationId ?? pickVariation(rendering, context.seed, context.visitorId);
  const known = rendering.contents.get(requested);
  const content = known ?? rendering.base;
  const locale = normalizeLocale(context.locale);
  const warnings: WarningCode[] = [];
  const fallbackName = nonBlank(translate(content.operatorName, locale)) ?? context.defaultOperatorName;
  const sender = pickSender(content, fallbackName, context);
  if (sender.randomMissed) warnings.push("no_random_operator_online");
  const values = {
    nick: nonBlank(context.nick) ?? nonBlank(translate(content.returningNick, locale)) ?? "",
    operator: sender.operator.name,
    attributes: context.attributes,
    visibleAttributes: context.visibleAttributes,
  };
  const rendered = renderTemplate(chooseMessage(content, locale, context.returning), values, context.escape);
  if (rendered.unresolved) warnings.push("unresolved_placeholder");
  const shownId = known === undefined ? rendering.invitationId : requested;
  return { variationId: shownId, message: rendered.text, operator: sender.operator, warnings };
}

/**
 * What {@link renderInvitation} gives for an invitation whose rendering is the same for every visitor
 * (`rendering.fixed`), whatever variation is asked for: built without a context, since only the default operator
 * name is read.
 *
 * @example
 * const rendering = compileRendering({ id: "hi", message: "Need help?" });
 * renderFixed(rendering, rendering.fixed!, "Support").operator // => { name: "Support" }
 */
export function renderFixed(rendering: CompiledRendering, fixed: FixedRendering, defaultOperatorName: string): RenderedInvitation {
  return { variationId: rendering.invitationId, message: fixed.message, operator: { name: fixed.operatorName ?? defaultOperatorName }, warnings: [] };
}

function chooseMessage(content: CompiledContent, locale: string, returning: boolean): Template {
  if (returning) {
    const returningMessage = translate(content.returningMessage, locale);
    if (returningMessage.source.trim() !== "") return returningMessage;
  }
  return translate(content.message, locale);
}

function nonBlank(text: string | undefined): string | undefined {
  const trimmed = text?.trim();
  return trimmed === undefined || trimmed === "" ? undefined : trimmed;
}
