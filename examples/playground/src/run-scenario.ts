/** Runs beckon on what the page reads: the decision with its explanation, and the next hour as a timeline. */
import { explain, isConfigError, simulateJourney, type Explanation, type Journey, type Timeline } from "beckon";
import { formatPath, type FieldIssue, type Scenario } from "./read-inputs.js";

/** How far ahead the timeline looks: one hour. */
export const TIMELINE_SPAN_MS = 3_600_000;

/** What beckon answered. */
export interface Outcome {
  explanation: Explanation;
  /** `null` when the journey could not be read or simulated (see `timelineIssues`). */
  timeline: Timeline | null;
  timelineIssues: FieldIssue[];
  /** Set when evaluation refused the options' values. */
  optionsIssues: FieldIssue[];
}

/**
 * `explain` at the instant (whose decision is exactly `evaluate`'s), and `simulateJourney` — the simulation behind
 * `beckon simulate` — from that instant for {@link TIMELINE_SPAN_MS}.
 *
 * @example
 * runScenario(reading.scenario, reading.journey).explanation.decision.status // => "selected"
 */
export function runScenario(scenario: Scenario, journey: Journey | null): Outcome {
  const { invitations, visitor, at, options } = scenario;
  const explanation = explain(invitations, visitor, at, options);
  if (explanation.decision.reason === "invalid_options") {
    const message = "evaluation cannot use these options: an unknown time zone, a negative pause, an unknown escape, a malformed trigger or operator list";
    return { explanation, timeline: null, timelineIssues: [], optionsIssues: [{ path: "(root)", message, code: "invalid_options" }] };
  }
  if (journey === null) return { explanation, timeline: null, timelineIssues: [], optionsIssues: [] };
  try {
    const timeline = simulateJourney(invitations, journey, { options, untilMs: TIMELINE_SPAN_MS });
    return { explanation, timeline, timelineIssues: [], optionsIssues: [] };
  } catch (error) {
    if (!isConfigError(error)) throw error;
    const timelineIssues = error.issues.map((issue) => ({ ...issue, path: formatPath(issue.path) }));
    return { explanation, timeline: null, timelineIssues, optionsIssues: [] };
  }
}
