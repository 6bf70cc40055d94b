/// <reference lib="dom" />
import type { Timeline, TimelineDecision, TimelineEntry, TimelineHappening } from "beckon";
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
        el("td", {}, happening(entry)),
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

function happening(entry: TimelineEntry): string {
  const text = describe(entry.what);
  return entry.newSession ? `${text} · new session` : text;
}

function describe(what: TimelineHappening): string {
  switch (what.kind) {
    case "start":
      return what.url === null ? "arrives" : `arrives on ${what.url}`;
    case "recheck":
      return "recheck";
    case "page":
      return `opens ${what.url}${what.title === undefined ? "" : ` "${what.title}"`}`;
    case "event":
      return `event ${what.name}${what.value === undefined ? "" : `=${what.value}`} (${what.outcome})`;
    case "shown":
      return what.counted ? "shown" : "shown (nothing new on screen)";
    case "closed":
      return what.onScreen ? "closed" : "closed (nothing on screen)";
    case "chatStarted":
      return what.fromInvitation ? "chat started from the invitation" : "chat started";
    case "conversion":
      return `conversion ${what.event} (${what.outcome})`;
    case "newSession":
      return `back after ${Math.round(what.awayMs / 60_000)} min${what.url === null ? "" : ` on ${what.url}`}`;
    case "trigger":
      return what.trigger.type === "exitIntent" ? "exit intent" : `idle ${what.trigger.seconds} s`;
  }
}

/** `selected pricing-help (variation pricing-help-b) · lowest_position · armed exit-offer`. */
function decisionText(d: TimelineDecision): string {
  const variation = d.variationId !== null && d.variationId !== d.invitationId ? ` (variation ${d.variationId})` : "";
  const parts = [`${d.status}${d.invitationId === null ? "" : ` ${d.invitationId}${variation}`}`, d.reason ?? "no reason"];
  if (d.armed.length > 0) parts.push(`armed ${d.armed.join(", ")}`);
  return parts.join(" · ");
}
