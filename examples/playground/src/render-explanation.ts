/// <reference lib="dom" />
import type { Explanation, Invitation } from "beckon";
import { el } from "./dom.js";

/**
 * One row per invitation, in rank order: its id and name, whether it was eligible, and the reasons `explain` gives —
 * each condition that failed, or what became of it (`selected`, `outranked`, `armed`, …). The winner's row is marked.
 *
 * @example
 * renderExplanation(tbody, explain(invitations, visitor, at, options), invitations);
 */
export function renderExplanation(body: HTMLTableSectionElement, explanation: Explanation, invitations: readonly Invitation[]): void {
  const names = new Map(invitations.map((invitation) => [invitation.id, invitation.name]));
  const winner = explanation.decision.invitation?.id;
  body.replaceChildren(
    ...explanation.candidates.map((candidate, index) => {
      const name = names.get(candidate.invitationId);
      const row = el(
        "tr",
        { "data-invitation": candidate.invitationId },
        el("td", {}, String(index + 1)),
        el("th", { scope: "row" }, el("code", {}, candidate.invitationId), ...(name === undefined ? [] : [el("br"), name])),
        el("td", { "data-field": "eligible" }, candidate.eligible ? "yes" : "no"),
        el("td", { "data-field": "reasons" }, ...candidate.reasons.flatMap((reason, i) => [i === 0 ? "" : " ", el("code", {}, reason)])),
      );
      if (candidate.invitationId === winner) row.classList.add("winner");
      return row;
    }),
  );
}
