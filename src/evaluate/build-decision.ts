import type { NoneReason } from "../reason-codes.js";
import { renderFixed, renderInvitation, type RenderContext } from "../render/render-invitation.js";
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
  const rendering = invitation.rendering;
  const fixed = rendering.fixed;
  const rendered =
    fixed === null
      ? renderInvitation(rendering, variationId, renderContext(view, options))
      : renderFixed(rendering, fixed, options.defaultOperatorName);
  // One literal per status, fields in the order every decision has them (noDecision's too): objects built by a
  // spread take another hidden-class path, which showed as microseconds per call.
  const decision = {
    status,
    invitation: invitation.source,
    variationId: rendered.variationId,
    message: rendered.message,
    operator: rendered.operator,
    wait: invitation.wait,
    requires: invitation.requires,
    design: invitation.design,
    armed: [],
    inject: [],
    reason: status === "selected" ? "lowest_position" : "current_invitation",
    warnings: rendered.warnings,
    recheckAt: null,
    at: atMs,
  };
  return decision as SelectedDecision | CurrentDecision;
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
