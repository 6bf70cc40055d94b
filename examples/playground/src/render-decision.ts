/// <reference lib="dom" />
import type { Decision } from "beckon";
import { el } from "./dom.js";
import { formatInstant } from "./format-instant.js";

/**
 * The decision as a list of terms: status, invitation (and variation), reason, the rendered message, the sender,
 * what the widget would arm, warnings, and when to ask again. Each value carries `data-field` for tests and styles.
 *
 * @example
 * renderDecision(list, evaluate(invitations, visitor, at, options), "Europe/Vilnius");
 */
export function renderDecision(list: HTMLElement, decision: Decision, zone: string): void {
  const variation = decision.variationId !== null && decision.variationId !== decision.invitation?.id;
  const rows: [string, string, string][] = [
    ["status", "Status", decision.status],
    ["invitation", "Invitation", decision.invitation === null ? "none" : decision.invitation.id],
    ...(variation ? [["variation", "Variation (A/B content)", decision.variationId ?? ""] as [string, string, string]] : []),
    ["reason", "Reason", decision.reason],
    ["message", "Message (as rendered)", decision.message ?? "—"],
    ["sender", "Sender", decision.operator === null ? "—" : senderText(decision.operator)],
    ["armed", "Dynamic invitations armed", list_(decision.armed.map((armed) => `${armed.invitationId} (${armed.trigger.type})`))],
    ["warnings", "Warnings", list_(decision.warnings)],
    ["recheck", "Ask again at (recheckAt)", decision.recheckAt === null ? "never (only new input changes it)" : formatInstant(decision.recheckAt, zone)],
  ];
  list.replaceChildren(...rows.flatMap(([field, term, value]) => [el("dt", {}, term), el("dd", { "data-field": field }, value)]));
  list.dataset["status"] = decision.status;
}

function senderText(operator: { id?: string; name: string }): string {
  return operator.id === undefined ? operator.name : `${operator.name} (operator ${operator.id})`;
}

function list_(items: readonly string[]): string {
  return items.length === 0 ? "none" : items.join(", ");
}
