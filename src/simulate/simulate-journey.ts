import { compile, isRuleset, type Ruleset } from "../compile/compile.js";
import { ConfigError } from "../config/config-error.js";
import { describeError } from "../config/describe-error.js";
import { describeValue } from "../config/describe-value.js";
import { readPlain } from "../config/read-plain.js";
import { durationMs, MAX_INSTANT_MS, MAX_JOURNEY_DURATION_MS, startMs, type Journey, type JourneyStep } from "../config/journey-schema.js";
import { safeParseEventDefinitions } from "../config/safe-parse-event-definitions.js";
import { eventBook, type EventBook } from "../events/event-book.js";
import { safeParseJourney } from "../config/safe-parse-journey.js";
import { assertNever } from "../lib/assert-never.js";
import { emptyState } from "../state/empty-state.js";
import type { EvaluateOptions, EventDefinition, Invitation } from "../types.js";
import { JourneyVisitor } from "./journey-visitor.js";
import { timelineDecision, type Timeline, type TimelineEntry, type TimelineHappening } from "./timeline.js";
import {
  chatStartedChange,
  checkChange,
  closedChange,
  convertChange,
  logEventChange,
  shownChange,
} from "../visits/visitor-changes.js";
import type { VisitorRecord } from "../visits/visitor-record.js";

/** The most rechecks one simulation makes (between steps and after the last one) before it stops: 1 000. */
export const MAX_SIMULATION_RECHECKS = 1_000;

/** How long a `newSession` step's visitor is away when the step does not say: one hour. */
export const DEFAULT_AWAY_MS = 3_600_000;

/** What a simulation runs with besides the invitations and the journey. */
export interface SimulateOptions {
  /** Evaluation options for every check, as the service's `options`. */
  options?: EvaluateOptions;
  /** Event definitions, for `event` steps (without one an event is `unknown_event` and not logged). */
  events?: readonly EventDefinition[];
  /** Simulate until this long after the start (ms), rechecking at each `recheckAt` after the last step. */
  untilMs?: number;
}

/**
 * Plays a visitor's journey (docs/journey.md) as `createBeckon` would serve it, with beckon's reducers in the
 * service's order and no storage: at the start and after each step the widget checks, and while the visitor waits it
 * checks again at each `recheckAt`, as a host following `recheckAt` does. Returns one entry per check: the instant,
 * what happened, whether a new session began, and the decision with its next `recheckAt`. With `untilMs` the rechecks
 * go on after the last step until the start plus `untilMs`; steps past that end are not run. At most
 * {@link MAX_SIMULATION_RECHECKS} rechecks (`truncated` when reached). Pure and synchronous: no clock, no storage,
 * no Node built-ins. Throws `ConfigError` for an invalid journey, invitation set, event definitions or `untilMs`.
 *
 * @example
 * const invitations = [{ id: "hello", timeOnSite: 60, message: "Hello" }];
 * simulateJourney(invitations, { start: "2026-12-02T18:00:00Z", visitor: { id: "ana" }, steps: [{ do: "wait", for: "2m" }] })
 *   .entries.map((e) => [e.at - Date.parse("2026-12-02T18:00:00Z"), e.what.kind, e.decision.invitationId])
 * // => [[0, "start", null], [60000, "recheck", "hello"]]
 */
export function simulateJourney(
  invitations: Ruleset | readonly Invitation[],
  journey: Journey,
  setup: SimulateOptions = {},
): Timeline {
  const parsed = safeParseJourney(journey);
  if (!parsed.success) throw parsed.error;
  const { events, options: given, untilMs } = readSetup(setup);
  const definitions = safeParseEventDefinitions(events ?? []);
  if (!definitions.success) throw definitions.error;
  const ruleset = isRuleset(invitations) ? invitations : compile(invitations);
  const options = plainOptions(given);
  const start = startMs(parsed.data.start);
  const end = untilMs === undefined ? start + span(parsed.data.steps) : start + checkUntil(untilMs, start);
  const run = new Run(ruleset, eventBook(definitions.data), options, parsed.data, start, end);
  return run.play(parsed.data.steps, untilMs !== undefined);
}

/**
 * The three fields of `setup`, each read once: a `setup` that is not an object, or a field whose getter throws, is a
 * `ConfigError` like any other invalid input, not the engine's own error.
 */
function readSetup(setup: SimulateOptions | null): { events: unknown; options: EvaluateOptions | undefined; untilMs: unknown } {
  if (typeof setup !== "object" || setup === null || Array.isArray(setup)) {
    const message = `expected an object with options, events or untilMs, got ${describeValue(setup)}`;
    throw new ConfigError([{ code: "invalid_type", path: [], message }], "simulation options");
  }
  const read = (key: keyof SimulateOptions): unknown => {
    try {
      return setup[key];
    } catch (error) {
      throw new ConfigError([{ code: "invalid_value", path: [key], message: `could not be read: ${describeError(error)}` }], "simulation options");
    }
  };
  return { events: read("events"), options: read("options") as EvaluateOptions | undefined, untilMs: read("untilMs") };
}

/** The time the steps themselves take. */
function span(steps: readonly JourneyStep[]): number {
  let ms = 0;
  for (const step of steps) {
    if (step.do === "wait") ms += durationMs(step.for);
    else if (step.do === "newSession") ms += step.after === undefined ? DEFAULT_AWAY_MS : durationMs(step.after);
  }
  return ms;
}

/**
 * The evaluation options copied as plain data, as the service copies them: the reducers read them too, and a getter
 * or proxy that throws must be a ConfigError naming it, not an exception from inside a reducer.
 */
function plainOptions(options: EvaluateOptions | undefined): EvaluateOptions {
  if (options === undefined) return {};
  const plain = readPlain(options);
  const issues = [...plain.issues, ...plain.cuts];
  if (plain.complete && issues.length === 0) return plain.value as EvaluateOptions;
  const listed = issues.length > 0 ? issues : [{ code: "too_big" as const, path: [], message: "too many values" }];
  throw new ConfigError(listed.map((issue) => ({ ...issue, path: ["options", ...issue.path] })), "simulation options");
}

function checkUntil(untilMs: unknown, start: number): number {
  const fits =
    typeof untilMs === "number" && Number.isFinite(untilMs) && untilMs >= 0 && untilMs <= MAX_JOURNEY_DURATION_MS && start + untilMs <= MAX_INSTANT_MS;
  if (fits) return untilMs;
  const message = `expected milliseconds from 0 to ${MAX_JOURNEY_DURATION_MS} (366 days) ending within a Date's range, got ${describeValue(untilMs)}`;
  throw new ConfigError([{ code: "invalid_value", path: ["untilMs"], message }], "simulation options");
}

/** One simulation under way: the service's record of the visitor, the host's snapshot, the clock, the entries. */
class Run {
  private record: VisitorRecord;
  private readonly visitor: JourneyVisitor;
  private readonly entries: TimelineEntry[] = [];
  private now: number;
  private rechecks = 0;

  constructor(
    private readonly ruleset: Ruleset,
    private readonly events: EventBook,
    private readonly options: EvaluateOptions,
    journey: Journey,
    private readonly start: number,
    private readonly end: number,
  ) {
    this.record = { state: journey.visitor.state ?? emptyState(), events: journey.visitor.events ?? [] };
    this.visitor = new JourneyVisitor(journey.visitor, start);
    this.now = start;
  }

  play(steps: readonly JourneyStep[], untilEnd: boolean): Timeline {
    this.check(null, { kind: "start", url: this.visitor.url }, true);
    let done = 0;
    for (const step of steps) {
      if (!this.step(step, done)) break;
      done += 1;
    }
    if (untilEnd && done === steps.length) this.recheckUntil(this.end);
    const truncated = this.rechecks >= MAX_SIMULATION_RECHECKS && this.nextRecheck(this.end) !== null;
    return { start: this.start, end: this.end, entries: this.entries, stepsLeft: steps.length - done, truncated };
  }

  /** Runs one step; `false` when it lies past the end (or the rechecks ran out), and the simulation stops. */
  private step(step: JourneyStep, index: number): boolean {
    switch (step.do) {
      case "wait": {
        const until = this.now + durationMs(step.for);
        if (!this.recheckUntil(Math.min(until, this.end)) || until > this.end) return false;
        this.now = until;
        return true;
      }
      case "newSession": {
        const awayMs = step.after === undefined ? DEFAULT_AWAY_MS : durationMs(step.after);
        if (this.now + awayMs > this.end) return false;
        this.now += awayMs;
        this.visitor.visit(step.url, step.referrer, false);
        const landing = { awayMs, url: this.visitor.url, ...pick(step, "referrer", "title") };
        this.check(index, { kind: "newSession", ...landing }, true);
        return true;
      }
      case "page":
        this.visitor.visit(step.url, step.referrer, true);
        this.check(index, { kind: "page", url: step.url, ...pick(step, "referrer", "title") }, true);
        return true;
      default:
        this.check(index, this.act(step), false, step.do === "trigger" ? { ...this.options, trigger: step.trigger } : this.options);
        return true;
    }
  }

  /** A step the widget or the website reports, applied to the record before the check that follows it. */
  private act(step: Exclude<JourneyStep, { do: "wait" | "newSession" | "page" }>): TimelineHappening {
    const { ruleset, options, now } = this;
    switch (step.do) {
      case "event": {
        const event = { name: step.name, ...pick(step, "value") };
        const outcome = this.apply(logEventChange(this.record, event, ruleset, this.events, now));
        return { kind: "event", ...event, outcome };
      }
      case "shown":
        return { kind: "shown", counted: this.apply(shownChange(this.record, now)) };
      case "closed":
        return { kind: "closed", onScreen: this.apply(closedChange(this.record, ruleset, options, now)) };
      case "chatStarted":
        this.visitor.chatStarted(now);
        return { kind: "chatStarted", fromInvitation: this.apply(chatStartedChange(this.record, ruleset, options, now)) };
      case "conversion":
        return { kind: "conversion", event: step.event, outcome: this.apply(convertChange(this.record, step.event, now)) };
      case "trigger":
        return { kind: "trigger", trigger: step.trigger };
      default:
        return assertNever(step, "journey step");
    }
  }

  private apply<T>(change: { record: VisitorRecord; result: T }): T {
    this.record = change.record;
    return change.result;
  }

  /** The widget checks now: the service's `check` with the host's snapshot, recorded as an entry. */
  private check(step: number | null, what: TimelineHappening, pageView: boolean, options: EvaluateOptions = this.options): void {
    const { visitor, newSession } = this.visitor.check(this.now, pageView, what.kind === "start");
    const decision = this.apply(checkChange(this.record, visitor, this.ruleset, options, pageView, this.now));
    this.entries.push({ at: this.now, step, what, newSession, decision: timelineDecision(decision) });
  }

  /** Rechecks at each `recheckAt` up to `limit`; `false` when the rechecks ran out first. */
  private recheckUntil(limit: number): boolean {
    for (let at = this.nextRecheck(limit); at !== null; at = this.nextRecheck(limit)) {
      if (this.rechecks >= MAX_SIMULATION_RECHECKS) return false;
      this.rechecks += 1;
      this.now = at;
      this.check(null, { kind: "recheck" }, false);
    }
    return true;
  }

  /** The last decision's `recheckAt` when it lies after now and at or before `limit`. */
  private nextRecheck(limit: number): number | null {
    const at = this.entries.at(-1)?.decision.recheckAt ?? null;
    // recheckAt is always later than the instant it was computed at; the guard keeps a bug from looping here.
    return at !== null && at > this.now && at <= limit ? at : null;
  }
}

function pick<T extends object, K extends keyof T>(value: T, ...keys: K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const key of keys) if (value[key] !== undefined) out[key] = value[key];
  return out;
}
