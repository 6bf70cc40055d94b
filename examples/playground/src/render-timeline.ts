/// <reference lib="dom" />
import { describeHappening, type Timeline, type TimelineDecision } from "beckon";
import { el } from "./dom.js";
import { formatInstant } from "./format-instant.js";

/**
 * One row per check of the simulated journey — the instant, what happened, the decision, the next `recheckAt` — and
 * a note on where it ended (steps past the end, the recheck cap), as `beckon simulate` prints it.
 *
 * @example
 * renderTimeline(tbody, notes, simulateJourney(invitations, journey, { untilMs: 3_600_000 }), "Europe/Vilnius");
 */
export function renderTimeline(body: HTMLTableSectionElement, notes: HTMLElement, timeline: Timeline, zone: string): void {
  const time = (ms: number): string => formatInstant(ms, zone);
  body.replaceChildren(
    ...timeline.entries.map((entry) =>
      el(
        "tr",
        { "data-kind": entry.what.kind },
        el("td", { class: "time" }, time(entry.at)),
        el("td", {}, describeHappening(entry)),
        el("td", { "data-status": entry.decision.status }, decisionText(entry.decision)),
        el("td", {}, entry.decision.recheckAt === null ? "never" : time(entry.decision.recheckAt)),
      ),
    ),
  );
  const lines = [`Times in ${zone}. The simulation ends at ${time(timeline.end)}.`];
  if (timeline.stepsLeft > 0) lines.push(`${timeline.stepsLeft} step${timeline.stepsLeft === 1 ? "" : "s"} after the end not run.`);
  if (timeline.truncated) lines.push("Stopped at the most rechecks one simulation makes.");
  notes.textContent = lines.join(" ");
}

/** `selected pricing-help (variation pricing-help-b) · lowest_position · armed exit-offer`. */
function decisionText(d: TimelineDecision): string {
  const variation = d.variationId !== null && d.variationId !== d.invitationId ? ` (variation ${d.variationId})` : "";
  const parts = [`${d.status}${d.invitationId === null ? "" : ` ${d.invitationId}${variation}`}`, d.reason ?? "no reason"];
  if (d.armed.length > 0) parts.push(`armed ${d.armed.join(", ")}`);
  return parts.join(" · ");
}
