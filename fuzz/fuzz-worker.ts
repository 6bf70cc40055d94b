/**
 * A fuzz worker thread: runs the units the main thread sends, posts findings as they happen, and writes the index
 * of the input (and a tick per call) it is on into shared memory, so the main thread can tell a hang from work and
 * terminate it. Started by `spawnWorker` (bench/spawn-worker.ts) through tsx.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { Mutation } from "./mutate.js";
import type { Finding, Outcome, Probe, ProbeCounters } from "./probe.js";
import { createPrototypeGuard } from "./prototype-guard.js";
import { runUnit, SKIP, UNIT_SIZE } from "./run-unit.js";
import { TARGETS } from "./targets/index.js";
import { threadId } from "./thread-cpu.js";

/** A corruption kind one target no longer tries (its inputs built with it are skipped). */
export interface DisabledKind {
  target: string;
  kind: string;
}

/** What the main thread sends. */
export type WorkerRequest =
  | { type: "unit"; target: string; unit: number; from: number; total: number }
  | { type: "describe"; target: string; index: number; total: number }
  | { type: "disable"; target: string; kinds: string[] };

/** What a worker answers. */
export type WorkerReply =
  | { type: "finding"; finding: Finding }
  | { type: "done"; target: string; unit: number; ran: number; skipped: number; calls: number; tolerated: number }
  | { type: "described"; target: string; index: number; recipe: readonly Mutation[]; input: string };

interface Setup {
  seed: number;
  budgetMs: number;
  /** [target index, input index, tick, thread id]: the watchdog's view of this worker. */
  progress: SharedArrayBuffer;
  /** Corruption kinds that hung a target again and again: its inputs built with them are skipped from now on. */
  disabled: DisabledKind[];
}

const setup = workerData as Setup;
const progress = new Int32Array(setup.progress);
// The watchdog reads this thread's CPU time by its id, to tell a hang from a busy machine.
Atomics.store(progress, 3, threadId() ?? 0);
const port = parentPort;
const guard = createPrototypeGuard();
const post = (reply: WorkerReply): void => port?.postMessage(reply);
/** Per target, the corruption kinds it no longer tries. */
const disabled = new Map<string, Set<string>>();
const disable = (target: string, kind: string): void => {
  disabled.set(target, (disabled.get(target) ?? new Set()).add(kind));
};
for (const { target, kind } of setup.disabled) disable(target, kind);

/** A tick as each call starts, its re-run too: only a single call running past the ceiling counts as a hang. */
const tick = (): void => {
  Atomics.add(progress, 2, 1);
};

/**
 * Before every call, a skip when the input carries a disabled corruption. Skipping keeps every other input exactly
 * what its (seed, index) makes it.
 */
function skipping(probe: Probe): Probe {
  const { run, runAsync } = probe;
  const before = (): void => {
    const kinds = disabled.get(probe.target);
    if (kinds !== undefined && probe.recipe.some((m) => kinds.has(m.kind))) throw SKIP;
  };
  probe.run = (call, contract, fn, options) => (before(), run(call, contract, fn, options));
  probe.runAsync = async (call, contract, fn) => (before(), runAsync(call, contract, fn));
  return probe;
}

/** A probe that runs nothing: it only captures the recipe and the input at the first call (describing a hang). */
function dry(probe: Probe, capture: (probe: Probe) => void): Probe {
  let captured = false;
  const skip = <T>(): Outcome<T> => {
    if (!captured) capture(probe);
    captured = true;
    return { ok: false, error: new Error("dry run"), ms: 0 };
  };
  probe.run = skip;
  probe.runAsync = async () => skip();
  probe.report = () => {};
  return probe;
}

async function handle(request: WorkerRequest): Promise<void> {
  if (request.type === "disable") {
    for (const kind of request.kinds) disable(request.target, kind);
    return;
  }
  const targetIndex = TARGETS.findIndex((t) => t.name === request.target);
  const target = TARGETS[targetIndex];
  if (target === undefined) throw new Error(`unknown target ${request.target}`);
  const counters: ProbeCounters = { calls: 0, tolerated: 0 };
  Atomics.store(progress, 0, targetIndex);
  const onInput = (index: number): void => {
    Atomics.store(progress, 1, index);
    Atomics.add(progress, 2, 1);
  };
  const common = { target, seed: setup.seed, budgetMs: setup.budgetMs, counters, guard, onInput, total: request.total };
  if (request.type === "describe") {
    let described: WorkerReply | undefined;
    const capture = (probe: Probe): void => {
      described = { type: "described", target: target.name, index: request.index, recipe: probe.recipe, input: probe.render() };
    };
    await runUnit({ ...common, unit: Math.floor(request.index / UNIT_SIZE), from: 0, only: request.index, onFinding: () => {}, wrapProbe: (p) => dry(p, capture) });
    post(described ?? { type: "described", target: target.name, index: request.index, recipe: [], input: "(no call reached)" });
    return;
  }
  const { ran, skipped } = await runUnit({ ...common, unit: request.unit, from: request.from, onFinding: (finding) => post({ type: "finding", finding }), onCall: tick, wrapProbe: skipping });
  post({ type: "done", target: target.name, unit: request.unit, ran, skipped, calls: counters.calls, tolerated: counters.tolerated });
}

// One request at a time, in order: the main thread sends the next one only after "done".
let queue = Promise.resolve();
port?.on("message", (request: WorkerRequest) => {
  queue = queue
    .then(() => handle(request))
    .catch((error: unknown) => {
      throw error instanceof Error ? error : new Error(String(error)); // surfaces as the worker's "error" event
    });
});
