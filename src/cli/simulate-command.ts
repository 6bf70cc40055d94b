import { isConfigError, safeParseEventDefinitions } from "../index.js";
import { safeParseJourney } from "../config/safe-parse-journey.js";
import { describeHappening } from "../simulate/describe-happening.js";
import { MAX_SIMULATION_RECHECKS, simulateJourney } from "../simulate/simulate-journey.js";
import type { Timeline, TimelineDecision } from "../simulate/timeline.js";
import { checkOneStandardInput } from "./check-one-standard-input.js";
import { readOptionsFile } from "./options-file.js";
import { formatInstant } from "./format-instant.js";
import { EXIT, InputError, UsageError, type CliIo } from "./io.js";
import { paint, type Paint } from "./paint.js";
import { safeParseInvitationsFile } from "./invitations-file.js";
import { issueLines, label, readJson } from "./read-json.js";

/** How `beckon simulate` was called. */
export interface SimulateArguments {
  invitations: string;
  journey: string;
  /** `--until`, already read as milliseconds. */
  untilMs?: number;
  options?: string;
  events?: string;
  json?: boolean;
}

/**
 * `beckon simulate <invitations.json> <journey.json> [--until] [--options] [--events] [--json]`: plays a visitor's
 * journey (docs/journey.md) as the service would serve it and prints a timeline, one line per check: the instant in
 * the options' time zone, what happened, the decision and the next `recheckAt`. Exit code 0 when it ran, 1 when an
 * input is invalid.
 *
 * @example
 * await simulateCommand(io, { invitations: "valid.json", journey: "journey.json", untilMs: 3_600_000 }) // => 0
 */
export async function simulateCommand(io: CliIo, args: SimulateArguments): Promise<number> {
  checkOneStandardInput([args.invitations, args.journey, args.options, args.events]);
  const invitations = safeParseInvitationsFile(await readJson(io, args.invitations));
  const journey = safeParseJourney(await readJson(io, args.journey));
  const events = args.events === undefined ? undefined : safeParseEventDefinitions(await readJson(io, args.events));
  const { options, problems: optionProblems } = await readOptionsFile(io, args.options);
  const problems = [
    ...(invitations.success ? [] : issueLines(args.invitations, invitations.error.issues)),
    ...(journey.success ? [] : issueLines(args.journey, journey.error.issues)),
    ...(events === undefined || events.success ? [] : issueLines(args.events ?? "", events.error.issues)),
    ...optionProblems,
  ];
  if (!invitations.success || !journey.success || (events !== undefined && !events.success) || optionProblems.length > 0) throw new InputError(problems.join("\n"));
  let timeline: Timeline;
  try {
    const setup = { options, ...(events === undefined ? {} : { events: events.data }), ...(args.untilMs === undefined ? {} : { untilMs: args.untilMs }) };
    timeline = simulateJourney(invitations.data, journey.data, setup);
  } catch (error) {
    // Everything else was validated above: only --until can still be refused (past a Date's range from this start).
    if (!isConfigError(error)) throw error;
    throw new UsageError(`--until must keep the journey within a Date's range: ${error.issues.map((issue) => issue.message).join("; ")}`);
  }
  if (timeline.entries.some((entry) => entry.decision.reason === "invalid_options")) {
    throw new InputError(`${label(args.options ?? "options")}: not valid evaluation options`);
  }
  if (args.json === true) io.out(`${JSON.stringify(timeline, null, 2)}\n`);
  else io.out(describe(timeline, typeof options.timeZone === "string" ? options.timeZone : "UTC", paint(io.colour)));
  return EXIT.ok;
}

function describe(timeline: Timeline, zone: string, p: Paint): string {
  const time = (ms: number): string => formatInstant(ms, zone).replace(/ \(.*\)$/, "");
  const rows = timeline.entries.map((entry) => ({
    at: time(entry.at),
    what: describeHappening(entry),
    decision: decision(entry.decision),
    painted: decision(entry.decision, p),
    recheck: entry.decision.recheckAt === null ? "never" : time(entry.decision.recheckAt),
  }));
  const whatWidth = Math.max(4, ...rows.map((row) => row.what.length));
  const decisionWidth = Math.max(8, ...rows.map((row) => row.decision.length));
  const lines = [
    p.dim(`times in ${zone}`),
    p.dim(`${"time".padEnd(26)}  ${"what".padEnd(whatWidth)}  ${"decision".padEnd(decisionWidth)}  next recheckAt`),
    // Padding is measured on the plain text: colour codes take no room on screen.
    ...rows.map((row) => `${row.at}  ${row.what.padEnd(whatWidth)}  ${row.painted}${" ".repeat(decisionWidth - row.decision.length)}  ${row.recheck}`),
    `${p.strong("end")} ${time(timeline.end)}`,
  ];
  if (timeline.stepsLeft > 0) lines.push(`${timeline.stepsLeft} step${timeline.stepsLeft === 1 ? "" : "s"} after the end not run`);
  if (timeline.truncated) lines.push(p.bad(`stopped after ${MAX_SIMULATION_RECHECKS} rechecks, the most one simulation makes`));
  return `${lines.join("\n")}\n`;
}

/** `selected hello (lowest_position)`, the status coloured when `p` is given. */
function decision(d: TimelineDecision, p?: Paint): string {
  const status = p === undefined ? d.status : d.status === "none" ? p.bad(d.status) : p.good(d.status);
  const variation = d.variationId !== null && d.variationId !== d.invitationId ? ` (variation ${d.variationId})` : "";
  const winner = d.invitationId === null ? "" : ` ${d.invitationId}${variation}`;
  const armed = d.armed.length === 0 ? "" : `, armed ${d.armed.join(", ")}`;
  return `${status}${winner} (${d.reason ?? "no reason"})${armed}`;
}

