/// <reference lib="dom" />
/**
 * The playground page: reads the fields on every edit, runs beckon on them, and shows the issues, the decision, the
 * explanation and the timeline.
 */
import type { Invitation } from "beckon";
import { byId } from "./dom.js";
import { EXAMPLE, FIELDS, type Field, type PlaygroundTexts } from "./example.js";
import { displayZone } from "./format-instant.js";
import { readInputs, type FieldIssues } from "./read-inputs.js";
import { renderDecision } from "./render-decision.js";
import { renderExplanation } from "./render-explanation.js";
import { renderIssues } from "./render-issues.js";
import { renderTimeline } from "./render-timeline.js";
import { runScenario, type Outcome } from "./run-scenario.js";

/** How long typing may pause before the page evaluates again, ms: short enough to feel live. */
const QUIET_MS = 150;

const fields: Record<Field, HTMLTextAreaElement | HTMLInputElement> = {
  invitations: byId("invitations", HTMLTextAreaElement),
  visitor: byId("visitor", HTMLTextAreaElement),
  instant: byId("instant", HTMLInputElement),
  options: byId("options", HTMLTextAreaElement),
  steps: byId("steps", HTMLTextAreaElement),
};
const summary = byId("summary", HTMLElement);
const decision = byId("decision", HTMLElement);
const explanation = byId("explanation", HTMLTableElement);
const timeline = byId("timeline", HTMLTableElement);
const timelineIssues = byId("timeline-issues", HTMLElement);

function texts(): PlaygroundTexts {
  return { invitations: fields.invitations.value, visitor: fields.visitor.value, instant: fields.instant.value, options: fields.options.value, steps: fields.steps.value };
}

function update(): void {
  const reading = readInputs(texts());
  const outcome = reading.scenario === null ? null : runScenario(reading.scenario, reading.journey);
  if (outcome !== null) reading.issues.options.push(...outcome.optionsIssues);
  for (const field of FIELDS) renderIssues(byId(`${field}-issues`, HTMLElement), fields[field], reading.issues[field]);
  renderIssues(timelineIssues, timeline, outcome?.timelineIssues ?? []);
  showResults(reading.scenario === null || outcome === null ? null : { outcome, zone: displayZone(reading.scenario.options), invitations: reading.scenario.invitations });
  summarize(reading.issues, outcome);
}

function showResults(results: { outcome: Outcome; zone: string; invitations: readonly Invitation[] } | null): void {
  const explanationBody = explanation.tBodies[0];
  const timelineBody = timeline.tBodies[0];
  if (explanationBody === undefined || timelineBody === undefined) throw new Error("the page's tables have no <tbody>");
  const notes = byId("timeline-notes", HTMLElement);
  if (results === null) {
    decision.replaceChildren();
    decision.removeAttribute("data-status");
    explanationBody.replaceChildren();
    timelineBody.replaceChildren();
    notes.textContent = "";
    return;
  }
  const { outcome, zone, invitations } = results;
  renderDecision(decision, outcome.explanation.decision, zone);
  renderExplanation(explanationBody, outcome.explanation, invitations);
  if (outcome.timeline === null) {
    timelineBody.replaceChildren();
    notes.textContent = "No timeline: see the issues above.";
  } else {
    renderTimeline(timelineBody, notes, outcome.timeline, zone);
  }
}

/** One line for a screen reader to announce after each edit: the issues to fix, or the decision. */
function summarize(issues: FieldIssues, outcome: Outcome | null): void {
  const count = FIELDS.reduce((sum, field) => sum + issues[field].length, 0) + (outcome?.timelineIssues.length ?? 0);
  if (count > 0) {
    summary.dataset["issues"] = String(count);
    summary.textContent = `${count === 1 ? "1 issue" : `${count} issues`} to fix${outcome === null ? " before beckon can decide" : ""}: see the messages under the fields.`;
    return;
  }
  delete summary.dataset["issues"];
  const d = outcome?.explanation.decision;
  summary.textContent = d === undefined ? "" : `Decision: ${d.status}${d.invitation === null ? "" : ` ${d.invitation.id}`} (${d.reason}).`;
}

function fill(values: PlaygroundTexts): void {
  for (const field of FIELDS) fields[field].value = values[field];
  update();
}

let pending: ReturnType<typeof setTimeout> | undefined;
byId("inputs", HTMLFormElement).addEventListener("input", () => {
  clearTimeout(pending);
  pending = setTimeout(update, QUIET_MS);
});
byId("inputs", HTMLFormElement).addEventListener("submit", (event) => event.preventDefault());
byId("now", HTMLButtonElement).addEventListener("click", () => {
  fields.instant.value = new Date().toISOString();
  update();
});
byId("reset", HTMLButtonElement).addEventListener("click", () => fill(EXAMPLE));
fill(EXAMPLE);
