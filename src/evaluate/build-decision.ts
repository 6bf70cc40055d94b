import type { NoneReason } from "../reason-codes.js";
import { renderInvitation, type RenderContext } from "../render/render-invitation.js";
import type { CurrentDecision, NoDecision, SelectedDecision } from "../types.js";
import type { VisitorView } from "../visitor/view-visitor.js";
import type { CompiledInvitation } from "../compile/compile-invitation.js";
import type { ResolvedOptions } from "./resolve-options.js";

/**
 * The decision offering one invitation, a new one (`selected`) or the visitor's current one (`current`): its
 * content rendered for this visitor, `wait`/`requires`/`design` passed through. `armed`, `inject` and `recheckAt`
 * are left empty for the caller to fill in.
 *
 * @example
 * offerDecision(compiled, null, view, options, now, "selected").message // => "Need help choosing a plan?"
 */
export function offerDecision(
  invitation: CompiledInvitation,
  variationId: string | null,
  view: VisitorView,
  options: ResolvedOptions,
  atMs: number,
  status: "selected" | "current",
): SelectedDecision | CurrentDecision {
  const rendered = renderInvitation(invitation.rendering, variationId, renderContext(view, options));
  const offer = status === "selected" ? ({ status, reason: "lowest_position" } as const) : ({ status, reason: "current_invitation" } as const);
  return {
    ...offer,
    invitation: invitation.source,
    variationId: rendered.variationId,
    message: rendered.message,
    operator: rendered.operator,
    wait: invitation.wait,
    requires: invitation.requires,
    design: invitation.design,
    armed: [],
    inject: [],
    warnings: rendered.warnings,
    recheckAt: null,
    at: atMs,
  };
}

function renderContext(view: VisitorView, options: ResolvedOptions): RenderContext {
  return {
    visitorId: view.id,
    returning: view.visits > 1,
    locale: view.locale,
    nick: view.nick,
    attributes: view.attributes,
    visibleAttributes: view.visibleAttributes,
    department: view.department,
    operatorsOnline: options.operatorsOnline,
    seed: options.seed,
    escape: options.escape,
    defaultOperatorName: options.defaultOperatorName,
  };
}

/**
 * The decision offering nothing, and why.
 *
 * @example
 * noDecision(now, "chat_active", null).status // => "none"
 */
export function noDecision(atMs: number, reason: NoneReason, recheckAt: number | null): NoDecision {
  return {
    status: "none",
    invitation: null,
    variationId: null,
    message: null,
    operator: null,
    wait: null,
    requires: null,
    design: null,
    armed: [],
    inject: [],
    reason,
    warnings: [],
    recheckAt,
    at: atMs,
  };
}
