import fc from "fast-check";
import type { Random } from "../../bench/random.js";
import {
  applyDecision,
  compile,
  emptyState,
  evaluate,
  MAX_VISITOR_EVENTS,
  pruneEvents,
  recordChatStarted,
  recordClosed,
  recordConversion,
  recordEvent,
  recordPageView,
  recordShown,
  safeParseState,
  safeParseVisitor,
  startSession,
  summarize,
  type InvitationState,
  type VisitorEvent,
} from "../../src/index.js";
import { advanceMsArb, conversionEventArb, eventCallArb, lifecycleWorldArb, pageUrlArb, type LifecycleWorld } from "../../test/property/arbitraries/lifecycle.js";
import { mutate, type Mutation } from "../mutate.js";
import type { Contract, Probe } from "../probe.js";
import { renderInput } from "../render-input.js";
import { defineTarget } from "../target.js";
import { watchInput } from "../watch-input.js";

const COMMANDS = ["check", "page", "shown", "closed", "chat", "session", "event", "convert", "summarize"] as const;
type Command = (typeof COMMANDS)[number];

interface Step {
  command: Command;
  advanceMs: number;
  url: string;
  event: { name: string; value?: string };
  eventName: string;
}

interface Journey {
  world: LifecycleWorld;
  steps: Step[];
}

const LIMITS = { maxString: 100_000, maxArray: 16_384, maxDepth: 20_000 };

const stepArb: fc.Arbitrary<Step> = fc.record({
  command: fc.constantFrom(...COMMANDS),
  advanceMs: advanceMsArb,
  url: pageUrlArb,
  event: eventCallArb,
  eventName: conversionEventArb,
});

/** Where a visitor is in its journey. */
interface Walk {
  state: InvitationState;
  log: VisitorEvent[];
  url: string;
  now: number;
}

/** The arguments of one step's call (index 0 is always the thing the call reads most: state or log). */
function argumentsOf(step: Step, walk: Walk, world: LifecycleWorld): unknown[] {
  switch (step.command) {
    case "check":
      return [{ id: world.visitorId, url: step.url, timeOnSite: 30, state: walk.state, events: walk.log }, walk.now, world.options];
    case "page":
      return [walk.state, { url: step.url, previousUrl: walk.url }, walk.now, world.options];
    case "shown":
      return [walk.state, walk.now];
    case "closed":
    case "chat":
    case "session":
      return [walk.state, walk.now, world.options];
    case "event":
      return [walk.log, step.event, walk.now];
    case "convert":
      return [walk.state, step.eventName, walk.now];
    case "summarize":
      return [walk.state.conversions];
  }
}

/**
 * Which contract a corrupted call is under. The event log is visitor input (README: records evaluation cannot read
 * never count), so JSON garbage inside it must be survived (a log that is no array at all breaks the signature);
 * a string argument that is still a string (a long URL, an odd event name) must be too. A corrupted state, instant or options object is outside any documented contract: a throw
 * there is counted, not reported.
 */
function contractFor(step: Step, slot: number, original: unknown, value: unknown, recipe: readonly Mutation[]): Contract {
  if (recipe.length === 0) return "total";
  const json = recipe.every((m) => m.json);
  // A log past MAX_VISITOR_EVENTS is refused with a ConfigError (docs/api.md: Events), as a snapshot's would be.
  if (step.command === "event" && slot === 0 && json && Array.isArray(value)) return value.length > MAX_VISITOR_EVENTS ? "tolerant" : "total";
  if (step.command === "check" && slot === 0) return "total"; // evaluate is total on any visitor
  if (typeof original === "string" && typeof value === "string") return "total";
  if (step.command === "page" && slot === 1 && json && typeof (value as { url?: unknown } | null)?.url === "string") return "total";
  return "tolerant";
}

/** Runs one step's call on `args`; returns the walk it leads to (only used when nothing was corrupted). */
function play(step: Step, args: unknown[], walk: Walk, world: LifecycleWorld, ruleset: ReturnType<typeof compile>, probe: Probe, contract: Contract): Walk | undefined {
  const a = args as unknown as [never, never, never, never];
  const run = <T>(call: string, fn: () => T) => probe.run(call, contract, fn);
  switch (step.command) {
    case "check": {
      const decision = run("evaluate", () => evaluate(ruleset, a[0], a[1], a[2]));
      if (!decision.ok) return undefined;
      if (decision.value.reason === "evaluation_error") probe.report("evaluation_error", "evaluate", "evaluation_error during a journey");
      const applied = run("applyDecision", () => applyDecision(walk.state, decision.value, walk.now, ruleset, world.options));
      return applied.ok ? { ...walk, state: applied.value, url: step.url } : undefined;
    }
    case "page": {
      const out = run("recordPageView", () => recordPageView(a[0], ruleset, a[1], a[2], a[3]));
      return out.ok ? { ...walk, state: out.value, url: step.url } : undefined;
    }
    case "shown":
      return state(run("recordShown", () => recordShown(a[0], a[1])), walk);
    case "closed":
      return state(run("recordClosed", () => recordClosed(a[0], ruleset, a[1], a[2])), walk);
    case "chat":
      return state(run("recordChatStarted", () => recordChatStarted(a[0], ruleset, a[1], a[2])), walk);
    case "session":
      return state(run("startSession", () => startSession(a[0], ruleset, a[1], a[2])), walk);
    case "event": {
      const recorded = run("recordEvent", () => recordEvent(a[0], world.definitions, a[1], a[2]));
      if (!recorded.ok) return undefined;
      const pruned = run("pruneEvents", () => pruneEvents(recorded.value.log, ruleset, walk.now, { maxPerName: 3 }));
      return pruned.ok ? { ...walk, log: pruned.value } : undefined;
    }
    case "convert": {
      const out = run("recordConversion", () => recordConversion(a[0], a[1], a[2]));
      return out.ok ? { ...walk, state: out.value.state } : undefined;
    }
    case "summarize":
      run("summarize", () => summarize(a[0]));
      return walk;
  }
}

function state(out: { ok: true; value: InvitationState } | { ok: false }, walk: Walk): Walk | undefined {
  return out.ok ? { ...walk, state: out.value } : undefined;
}

/** After a valid call the state must still be one `parseState` accepts, and the log one `parseVisitor` does. */
function checkWalk(walk: Walk, call: Command, probe: Probe): void {
  const parsed = safeParseState(walk.state);
  if (!parsed.success) probe.report("invalid_output", call, `the state no longer parses: ${parsed.error.message.slice(0, 300)}`);
  const visitor = safeParseVisitor({ id: "v", events: walk.log });
  if (!visitor.success) probe.report("invalid_output", call, `the event log no longer parses: ${visitor.error.message.slice(0, 300)}`);
}

/** Plays the journey; a step is corrupted one time in five and its output then dropped (the walk goes on valid). */
function walkJourney(journey: Journey, rng: Random, probe: Probe, recipe: Mutation[]): void {
  const { world } = journey;
  const ruleset = compile(world.invitations);
  let walk: Walk = { state: emptyState(), log: [], url: world.startUrl, now: world.start };
  journey.steps.forEach((step, i) => {
    walk = { ...walk, now: walk.now + step.advanceMs };
    const args = argumentsOf(step, walk, world);
    let contract: Contract = "total";
    const corrupted = rng.chance(0.2);
    if (corrupted) {
      const slot = rng.int(0, args.length - 1);
      const original = args[slot];
      const mutated = mutate(original, rng, LIMITS);
      args[slot] = mutated.value;
      recipe.push(...mutated.recipe.map((m) => ({ ...m, path: [`step ${i} (${step.command})`, slot, ...m.path] })));
      contract = contractFor(step, slot, original, mutated.value, mutated.recipe);
    }
    probe.render = () => renderInput({ journey, failingStep: i, arguments: args });
    const freeze = rng.chance(0.5);
    const changed = args.map((arg) => watchInput(arg, freeze));
    const next = play(step, args, walk, world, ruleset, probe, contract);
    changed.forEach((check, slot) => {
      if (check()) probe.report("mutated_input", step.command, `argument ${slot} changed`);
    });
    if (corrupted || next === undefined) return;
    checkWalk(next, step.command, probe);
    walk = next;
  });
}

/**
 * The pure reducers along a visitor's journey (check = evaluate + applyDecision, page views, shown, closed, chat,
 * new session, events with pruning, conversions, summaries), one step in five with a corrupted argument. Valid
 * steps never throw and keep the state and log parseable; a corrupted event log (visitor input) or string is
 * survived; nothing ever changes an argument.
 *
 * @example
 * runTarget(reducersTarget, …)
 */
export const reducersTarget = defineTarget<Journey>({
  name: "reducers",
  weight: 16,
  arbitrary: fc.record({ world: lifecycleWorldArb, steps: fc.array(stepArb, { minLength: 1, maxLength: 8 }) }),
  limits: LIMITS,
  exercise(journey, rng, probe) {
    const recipe: Mutation[] = [];
    probe.recipe = recipe;
    walkJourney(journey, rng, probe, recipe);
  },
});
