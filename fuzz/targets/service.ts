import fc from "fast-check";
import type { Random } from "../../bench/random.js";
import { safeParseState, safeParseVisitor, type Visitor } from "../../src/index.js";
import { createBeckon, createMemoryStorage, isStorageError, type Beckon } from "../../src/storage/index.js";
import { visitorArb } from "../../test/property/arbitraries/engine.js";
import { advanceMsArb, conversionEventArb, eventCallArb, lifecycleWorldArb, type LifecycleWorld } from "../../test/property/arbitraries/lifecycle.js";
import { mutate, type Mutation } from "../mutate.js";
import type { Outcome, Probe } from "../probe.js";
import { renderInput } from "../render-input.js";
import { defineTarget } from "../target.js";
import { watchInput } from "../watch-input.js";

const OPS = ["check", "check", "logEvent", "shown", "closed", "chatStarted", "convert", "stats"] as const;

interface Call {
  op: (typeof OPS)[number];
  who: number;
  advanceMs: number;
  pageView: boolean;
  event: { name: string; value?: string };
  eventName: string;
}

interface Session {
  world: LifecycleWorld;
  visitors: Visitor[];
  calls: Call[];
}

const LIMITS = { maxString: 100_000, maxArray: 4096, maxDepth: 10_000 };
const IDS = ["v1", "v2", "__proto__"];

const callArb: fc.Arbitrary<Call> = fc.record({
  op: fc.constantFrom(...OPS),
  who: fc.integer({ min: 0, max: IDS.length - 1 }),
  advanceMs: advanceMsArb,
  pageView: fc.boolean(),
  event: eventCallArb,
  eventName: conversionEventArb,
});

/** The arguments of one service call, before any corruption. */
function argumentsOf(call: Call, visitor: Visitor, at: number): unknown[] {
  switch (call.op) {
    case "check":
      return [visitor, { pageView: call.pageView, at }];
    case "logEvent":
      return [visitor.id, call.event, at];
    case "convert":
      return [visitor.id, call.eventName, at];
    case "stats":
      return [];
    default:
      return [visitor.id, at];
  }
}

function invoke(service: Beckon, op: Call["op"], args: unknown[]): Promise<unknown> {
  const a = args as unknown as [never, never, never, never];
  switch (op) {
    case "check":
      return service.check(a[0], a[1]);
    case "logEvent":
      return service.logEvent(a[0], a[1], a[2]);
    case "convert":
      return service.convert(a[0], a[1], a[2]);
    case "stats":
      return service.stats();
    default:
      return service[op](a[0], a[1]);
  }
}

/** The memory adapter does no I/O: a `storage_failed` from it means unvalidated input reached storage. */
function checkRejection(outcome: Outcome<unknown>, op: string, probe: Probe): void {
  if (!outcome.ok && isStorageError(outcome.error) && outcome.error.code === "storage_failed") {
    const cause = (outcome.error as { cause?: unknown }).cause;
    probe.report("storage_failed", op, `the memory adapter failed, so input reached storage unchecked: ${outcome.error.message} (cause: ${String(cause)})`);
  }
}

/** What is stored must read back: a state parseState accepts, an event log parseVisitor accepts, sane counters. */
async function checkStored(service: Beckon, probe: Probe, op: string): Promise<void> {
  for (const id of IDS) {
    const record = await service.visitor(id).catch(() => null);
    if (record === null) continue;
    const state = safeParseState(record.state);
    if (!state.success) probe.report("invalid_output", op, `visitor ${id}'s stored state no longer parses: ${state.error.message.slice(0, 300)}`);
    const log = safeParseVisitor({ id, events: record.events });
    if (!log.success) probe.report("invalid_output", op, `visitor ${id}'s stored event log no longer parses: ${log.error.message.slice(0, 300)}`);
  }
  const stats = await service.stats().catch(() => []);
  for (const row of stats) {
    for (const [key, value] of Object.entries(row)) {
      if (typeof value === "number" && !(Number.isInteger(value) && value >= 0)) probe.report("invalid_output", "stats", `counter ${key} is ${value}`);
    }
  }
}

async function playSession(session: Session, rng: Random, probe: Probe, recipe: Mutation[]): Promise<void> {
  const { world } = session;
  let now = world.start;
  let invitations: unknown = world.invitations;
  if (rng.chance(0.05)) {
    const mutated = mutate(invitations, rng, { ...LIMITS, maxArray: 512 });
    invitations = mutated.value;
    recipe.push(...mutated.recipe.map((m) => ({ ...m, path: ["invitations", ...m.path] })));
  }
  probe.render = () => renderInput({ session, invitations });
  const created = probe.run("createBeckon", "config", () =>
    createBeckon({ storage: createMemoryStorage(), invitations: invitations as never, events: world.definitions, options: world.options, clock: { now: () => now } }),
  );
  if (!created.ok) return;
  const service = created.value;
  for (const [i, call] of session.calls.entries()) {
    now += call.advanceMs;
    const visitor = { ...(session.visitors[call.who % session.visitors.length] as Visitor), id: IDS[call.who] as string };
    const args = argumentsOf(call, visitor, now);
    if (args.length > 0 && rng.chance(0.25)) {
      const slot = rng.int(0, args.length - 1);
      const mutated = mutate(args[slot], rng, LIMITS);
      args[slot] = mutated.value;
      recipe.push(...mutated.recipe.map((m) => ({ ...m, path: [`call ${i} (${call.op})`, slot, ...m.path] })));
    }
    probe.render = () => renderInput({ session, invitations, failingCall: i, arguments: args });
    const freeze = rng.chance(0.5);
    const changed = args.map((arg) => watchInput(arg, freeze));
    const outcome = await probe.runAsync(call.op, "service", () => invoke(service, call.op, args));
    checkRejection(outcome, call.op, probe);
    changed.forEach((check, slot) => {
      if (check()) probe.report("mutated_input", call.op, `argument ${slot} changed`);
    });
    await checkStored(service, probe, call.op);
  }
  await probe.runAsync("close", "service", () => service.close());
}

/**
 * The async service over the memory adapter: a short session of check, logEvent, shown, closed, chatStarted,
 * convert and stats calls for three visitors (one of them called `__proto__`), one call in four with a corrupted
 * argument, one session in twenty with a corrupted invitation set. Calls reject only with ConfigError or
 * StorageError (and the memory adapter never fails), what is stored always reads back, arguments stay untouched.
 *
 * @example
 * runTarget(serviceTarget, …)
 */
export const serviceTarget = defineTarget<Session>({
  name: "service",
  weight: 6,
  arbitrary: fc.record({
    world: lifecycleWorldArb,
    visitors: fc.array(visitorArb, { minLength: 1, maxLength: 3 }),
    calls: fc.array(callArb, { minLength: 1, maxLength: 6 }),
  }),
  limits: LIMITS,
  async exercise(session, rng, probe) {
    const recipe: Mutation[] = [];
    probe.recipe = recipe;
    await playSession(session, rng, probe, recipe);
  },
});
