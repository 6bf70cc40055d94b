import type { Worker } from "node:worker_threads";
import type { DisabledKind, WorkerReply, WorkerRequest } from "./fuzz-worker.js";
import type { Finding } from "./probe.js";
import { UNIT_SIZE } from "./run-unit.js";
import { spawnWorker } from "../bench/spawn-worker.js";
import { threadCpuMs } from "./thread-cpu.js";
import { TARGETS } from "./targets/index.js";

/** The module each fuzz worker thread runs. */
const WORKER = new URL("./fuzz-worker.ts", import.meta.url);

/** How a run is set up. */
export interface FuzzSettings {
  /** Inputs in all, shared among the targets by weight. */
  runs: number;
  seed: number;
  /** Target names to run (all when absent). */
  only?: readonly string[];
  workers: number;
  /** A call slower than this is a finding. */
  budgetMs: number;
  /** A call running longer than this is terminated and reported as a hang. */
  hangMs: number;
  /** After this many hangs a target stops (each hang costs `hangMs` of a worker). */
  maxHangsPerTarget: number;
  /**
   * A corruption kind found in the recipes of this many of a target's hangs is disabled for that target: its inputs
   * built with it are skipped from then on (the hang is reported; every other input stays what its seed makes it).
   * Default 3.
   */
  hangsToDisable?: number;
  /** Told now and then how far the run is. */
  onProgress?: (done: number, total: number) => void;
  /** Told of each distinct finding when it is first seen (a long run shows what it finds as it goes). */
  onNewFinding?: (group: FindingGroup) => void;
}

/** What happened to one target. */
export interface TargetSummary {
  name: string;
  planned: number;
  inputs: number;
  calls: number;
  tolerated: number;
  hangs: number;
  skipped: number;
  stopped: boolean;
}

/** The findings of a run, grouped: one entry per distinct problem, with how often it was seen. */
export interface FindingGroup {
  signature: string;
  count: number;
  first: Finding;
  indexes: number[];
}

export interface FuzzSummary {
  seed: number;
  /** Corruption kinds a target stopped trying after repeated hangs. */
  disabled: DisabledKind[];
  targets: TargetSummary[];
  groups: FindingGroup[];
  elapsedMs: number;
}

/** Where in beckon a finding comes from: the first stack frame inside src/, if any. */
function origin(stack: string | undefined): string {
  const frame = stack?.split("\n").find((line) => line.includes("/src/"));
  return frame?.replace(/^.*\/src\//, "src/").replace(/[()]/g, "").trim() ?? "";
}

/** Groups findings that are the same problem: same target, check, call, error shape and origin. */
function signatureOf(finding: Finding): string {
  const message = finding.check === "slow" || finding.check === "hang" ? "" : finding.message.replace(/\d+(\.\d+)?/g, "N").replace(/"[^"]*"/g, '"…"').slice(0, 120);
  return [finding.target, finding.check, finding.call, message, origin(finding.stack)].join(" | ");
}

interface Work {
  target: string;
  unit: number;
  from: number;
}

/** Splits `runs` over the targets by weight, whole units each, interleaved so a partial run covers every target. */
function plan(settings: FuzzSettings): { totals: Map<string, number>; queue: Work[] } {
  const chosen = TARGETS.filter((t) => settings.only === undefined || settings.only.includes(t.name));
  if (chosen.length === 0) throw new Error(`no target named ${settings.only?.join(", ")}; targets: ${TARGETS.map((t) => t.name).join(", ")}`);
  const weight = chosen.reduce((sum, t) => sum + t.weight, 0);
  const totals = new Map(chosen.map((t) => [t.name, Math.max(1, Math.round((settings.runs * t.weight) / weight))]));
  const units = chosen.map((t) => ({ name: t.name, count: Math.ceil((totals.get(t.name) as number) / UNIT_SIZE) }));
  const queue: Work[] = [];
  for (let unit = 0; units.some((u) => unit < u.count); unit++) {
    for (const u of units) if (unit < u.count) queue.push({ target: u.name, unit, from: 0 });
  }
  return { totals, queue };
}

/**
 * Runs the fuzzer: plans the inputs, starts the workers, hands out units, watches for hangs (a worker whose call
 * runs past `hangMs` is terminated, the hang reported with the input's recipe, and a fresh worker carries on after
 * it), and groups the findings. Used by `npm run fuzz` and by the fixed-seed slice in `npm test`.
 *
 * @example
 * const summary = await runFuzz({ runs: 10_000, seed: 1, workers: 2, budgetMs: 50, hangMs: 2000, maxHangsPerTarget: 5 });
 * summary.groups.length // => 0 when nothing was found
 */
export async function runFuzz(settings: FuzzSettings): Promise<FuzzSummary> {
  const started = performance.now();
  const { totals, queue } = plan(settings);
  const targets = new Map<string, TargetSummary>(
    [...totals].map(([name, planned]) => [name, { name, planned, inputs: 0, calls: 0, tolerated: 0, hangs: 0, skipped: 0, stopped: false }]),
  );
  const groups = new Map<string, FindingGroup>();
  const addFinding = (finding: Finding): void => {
    const signature = signatureOf(finding);
    const group = groups.get(signature);
    if (group === undefined) {
      const created = { signature, count: 1, first: finding, indexes: [finding.index] };
      groups.set(signature, created);
      settings.onNewFinding?.(created);
    } else {
      group.count++;
      if (group.indexes.length < 5) group.indexes.push(finding.index);
    }
  };
  const total = queue.length;
  let finished = 0;

  const pendingDescriptions: { target: string; index: number; finding: Finding }[] = [];
  const disabled: DisabledKind[] = [];
  const hangKinds = new Map<string, number>();
  const workers = new Set<Worker>();
  /**
   * Counts the kinds in a hang's recipe, per target; one seen in too many of a target's hangs is disabled for that
   * target in every worker. Per target, because what hangs one API (a shared DAG in safeParseInvitations) can be
   * cheap and still worth trying in another (the same DAG in evaluate).
   */
  const blame = (target: string, recipe: Finding["recipe"]): void => {
    for (const kind of new Set(recipe.map((m) => m.kind))) {
      const key = JSON.stringify([target, kind]);
      const count = (hangKinds.get(key) ?? 0) + 1;
      hangKinds.set(key, count);
      if (count === (settings.hangsToDisable ?? 3)) {
        disabled.push({ target, kind });
        for (const worker of workers) worker.postMessage({ type: "disable", target, kinds: [kind] } satisfies WorkerRequest);
      }
    }
  };
  await new Promise<void>((resolve, reject) => {
    let live = 0;
    const slot = (): void => {
      const progress = new SharedArrayBuffer(16);
      const view = new Int32Array(progress);
      const worker: Worker = spawnWorker(WORKER, { seed: settings.seed, budgetMs: settings.budgetMs, progress, disabled: [...disabled] });
      workers.add(worker);
      live++;
      let current: Work | undefined;
      let lastTick = 0;
      let lastChange = performance.now();
      /** The worker thread's CPU time at the last tick (undefined off Linux). */
      const cpu = (): number | undefined => {
        const thread = Atomics.load(view, 3);
        return thread === 0 ? undefined : threadCpuMs(thread);
      };
      let cpuAtChange: number | undefined;
      // Nothing counts as a hang until the worker has started on the request (loading and generating take time).
      let sentAtTick = 0;
      let describing: { target: string; index: number; finding: Finding } | undefined;
      const send = (request: WorkerRequest): void => {
        lastChange = performance.now();
        cpuAtChange = cpu();
        sentAtTick = Atomics.load(view, 2);
        worker.postMessage(request);
      };
      const next = (): void => {
        current = queue.shift();
        if (current === undefined) {
          clearInterval(watchdog);
          workers.delete(worker);
          void worker.terminate();
          if (--live === 0) resolve();
          return;
        }
        send({ type: "unit", ...current, total: totals.get(current.target) as number });
      };
      const watchdog = setInterval(() => {
        const tick = Atomics.load(view, 2);
        if (tick !== lastTick) {
          lastTick = tick;
          lastChange = performance.now();
          cpuAtChange = cpu();
          return;
        }
        const wallMs = performance.now() - lastChange;
        if (wallMs < settings.hangMs || tick === sentAtTick) return;
        // On a busy machine the thread may have waited for a core most of that time: a hang is a call that used
        // `hangMs` of CPU (or ran ten times that long however little it used, where CPU time cannot be read).
        const now = cpu();
        const cpuMs = now === undefined || cpuAtChange === undefined ? undefined : now - cpuAtChange;
        if (cpuMs !== undefined && cpuMs < settings.hangMs && wallMs < 10 * settings.hangMs) return;
        const spent = cpuMs === undefined ? `${wallMs.toFixed(0)} ms` : `${cpuMs.toFixed(0)} ms of CPU, ${wallMs.toFixed(0)} ms in all`;
        abandon("hang", `a call ran past ${settings.hangMs} ms (${spent}) and was terminated`);
      }, 100);
      /**
       * Gives up on this worker (a call hung, or the thread died: out of memory, say): reports the input it was on,
       * and a fresh worker first describes that input (rebuilt, not run) then carries on after it.
       */
      const abandon = (check: string, message: string): void => {
        clearInterval(watchdog);
        workers.delete(worker);
        void worker.terminate();
        live--;
        if (current === undefined) {
          // Describing an input went wrong (it runs no call, so it should not): report the finding as it is.
          if (describing !== undefined) addFinding(describing.finding);
          describing = undefined;
          slot();
          return;
        }
        const index = Atomics.load(view, 1);
        const summary = targets.get(current.target) as TargetSummary;
        summary.hangs++;
        summary.inputs += index + 1 - (current.unit * UNIT_SIZE + current.from);
        const finding: Finding = { target: current.target, check, call: "(terminated)", message, seed: settings.seed, index, recipe: [] };
        const resume = index + 1 - current.unit * UNIT_SIZE;
        if (summary.hangs >= settings.maxHangsPerTarget) {
          summary.stopped = true;
          for (let i = queue.length - 1; i >= 0; i--) if (queue[i]?.target === current.target) queue.splice(i, 1);
        } else if (resume < UNIT_SIZE) queue.unshift({ target: current.target, unit: current.unit, from: resume });
        finished++;
        pendingDescriptions.push({ target: current.target, index, finding });
        current = undefined;
        slot();
      };
      worker.on("message", (reply: WorkerReply) => {
        if (reply.type === "finding") addFinding(reply.finding);
        else if (reply.type === "described") {
          if (describing !== undefined) {
            addFinding({ ...describing.finding, recipe: reply.recipe, input: reply.input });
            if (describing.finding.check === "hang") blame(describing.target, reply.recipe);
          }
          describing = undefined;
          next();
        } else {
          const summary = targets.get(reply.target) as TargetSummary;
          summary.inputs += reply.ran;
          summary.skipped += reply.skipped;
          summary.calls += reply.calls;
          summary.tolerated += reply.tolerated;
          settings.onProgress?.(++finished, total);
          next();
        }
      });
      worker.on("error", (error: Error & { code?: string }) => {
        if (current === undefined && describing === undefined) {
          clearInterval(watchdog);
          reject(error);
          return;
        }
        abandon(error.code === "ERR_WORKER_OUT_OF_MEMORY" ? "out_of_memory" : "crash", `the worker died: ${error.code ?? ""} ${error.message}`.trim());
      });
      const pending = pendingDescriptions.shift();
      if (pending === undefined) next();
      else {
        describing = pending;
        send({ type: "describe", target: pending.target, index: pending.index, total: totals.get(pending.target) as number });
      }
    };
    for (let i = 0; i < Math.max(1, settings.workers); i++) slot();
  });

  return { seed: settings.seed, disabled, targets: [...targets.values()], groups: [...groups.values()], elapsedMs: performance.now() - started };
}
