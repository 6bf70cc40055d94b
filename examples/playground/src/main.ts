/// <reference lib="dom" />
/**
 * The playground page: reads the fields on every edit, runs beckon on them, and shows the issues, the decision, the
 * explanation and the timeline.
 */
import { byId } from "./dom.js";
import { EXAMPLE, FIELDS, type Field, type PlaygroundTexts } from "./example.js";
import { displayZone } from "./format-instant.js";
import { readInputs, type FieldIssues, type Scenario } from "./read-inputs.js";
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
const explanation = tableBody("explanation");
const timeline = tableBody("timeline");
const timelineNotes = byId("timeline-notes", HTMLElement);
const timelineIssues = byId("timeline-issues", HTMLElement);

function tableBody(id: string): HTMLTableSectionElement {
  const body = byId(id, HTMLTableElement).tBodies[0];
  if (body === undefined) throw new Error(`the page's table "${id}" has no <tbody>`);
  return body;
}

function update(): void {
  const texts = Object.fromEntries(FIELDS.map((field) => [field, fields[field].value])) as Record<Field, string>;
  const reading = readInputs(texts);
  const outcome = reading.scenario === null ? null : runScenario(reading.scenario, reading.journey);
  if (outcome !== null) reading.issues.options.push(...outcome.optionsIssues);
  for (const field of FIELDS) renderIssues(byId(`${field}-issues`, HTMLElement), fields[field], reading.issues[field]);
  renderIssues(timelineIssues, null, outcome?.timelineIssues ?? []);
  if (reading.scenario === null || outcome === null) clearResults();
  else showResults(outcome, reading.scenario);
  summarize(reading.issues, outcome);
}

/** Inputs that cannot be evaluated decide nothing: no stale results beside the issues. */
function clearResults(): void {
  decision.replaceChildren();
  decision.removeAttribute("data-status");
  explanation.replaceChildren();
  timeline.replaceChildren();
  timelineNotes.textContent = "No decision: see the issues in the inputs.";
}

function showResults(outcome: Outcome, scenario: Scenario): void {
  const zone = displayZone(scenario.options);
  renderDecision(decision, outcome.explanation.decision, zone);
  renderExplanation(explanation, outcome.explanation, scenario.invitations);
  if (outcome.timeline !== null) {
    renderTimeline(timeline, timelineNotes, outcome.timeline, zone);
    return;
  }
  timeline.replaceChildren();
  timelineNotes.textContent = "No timeline: see the issues in the journey steps or above.";
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

const form = byId("inputs", HTMLFormElement);
let pending: ReturnType<typeof setTimeout> | undefined;
form.addEventListener("input", () => {
  clearTimeout(pending);
  pending = setTimeout(update, QUIET_MS);
});
form.addEventListener("submit", (event) => event.preventDefault());
byId("now", HTMLButtonElement).addEventListener("click", () => {
  fields.instant.value = new Date().toISOString();
  update();
});
byId("reset", HTMLButtonElement).addEventListener("click", () => fill(EXAMPLE));
fill(EXAMPLE);
