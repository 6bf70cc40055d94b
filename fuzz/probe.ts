import { isConfigError } from "../src/index.js";
import { isStorageError } from "../src/storage/index.js";
import type { Mutation } from "./mutate.js";
import { threadCpuMs } from "./thread-cpu.js";

/** What a call may do besides returning. */
export type Contract =
  /** Never throws (safeParse*, evaluate, explain). */
  | "total"
  /** Throws only `ConfigError` (parse*, compile, a reducer given an invalid invitation array). */
  | "config"
  /** Rejects only with `ConfigError` or `StorageError` (the service). */
  | "service"
  /** Outside any documented contract (a reducer on a state that is not one): a throw is counted, not a finding. */
  | "tolerant";

/** One broken promise, with everything needed to reproduce it. */
export interface Finding {
  target: string;
  check: string;
  call: string;
  message: string;
  stack?: string;
  seed: number;
  index: number;
  recipe: readonly Mutation[];
  input?: string;
  ms?: number;
}

export type Outcome<T> = { ok: true; value: T; ms: number } | { ok: false; error: unknown; ms: number };

/** Per input: runs calls under a contract, times them, and collects findings. */
export interface Probe {
  readonly target: string;
  readonly seed: number;
  readonly index: number;
  /** The corruptions behind this input (set by the target once it has mutated). */
  recipe: Mutation[];
  /** Renders the input for a finding (set by the target; called only when something is found). */
  render: () => string;
  report(check: string, call: string, message: string, extra?: { stack?: string; ms?: number }): void;
  /** Runs a synchronous call; a slow one is run again and reported only when both runs exceed the budget. */
  run<T>(call: string, contract: Contract, fn: () => T, options?: { rerun?: boolean }): Outcome<T>;
  /** Runs an asynchronous call (never re-run: the service has side effects). */
  runAsync<T>(call: string, contract: Contract, fn: () => Promise<T>): Promise<Outcome<T>>;
}

/** A thrown value described without trusting it (it may be a hostile object whose `message` getter throws). */
export function describeError(error: unknown): { message: string; stack?: string } {
  try {
    if (error instanceof Error) {
      const stack = typeof error.stack === "string" ? error.stack : undefined;
      return { message: `${error.name}: ${error.message}`, ...(stack === undefined ? {} : { stack }) };
    }
    return { message: `non-Error thrown: ${typeof error} ${String(error)}` };
  } catch {
    return { message: "an error that cannot even be described" };
  }
}

function allowed(error: unknown, contract: Contract): boolean {
  switch (contract) {
    case "total":
      return false;
    case "config":
      return isConfigError(error);
    case "service":
      return isConfigError(error) || isStorageError(error);
    case "tolerant":
      return true;
  }
}

/** Counts kept across inputs: calls made, and throws tolerated because no contract covers them. */
export interface ProbeCounters {
  calls: number;
  tolerated: number;
}

/**
 * Makes the probe for one input.
 *
 * @example
 * const probe = createProbe({ target: "evaluate", seed: 1, index: 7, budgetMs: 50, counters, onFinding: (f) => findings.push(f) });
 * probe.run("evaluate", "total", () => evaluate(ruleset, visitor, now));
 */
export function createProbe(settings: {
  target: string;
  seed: number;
  index: number;
  budgetMs: number;
  counters: ProbeCounters;
  onFinding: (finding: Finding) => void;
  /** Called as each call starts, a re-run too (the watchdog's tick: only one call past the ceiling is a hang). */
  onCall?: () => void;
}): Probe {
  const { target, seed, index, budgetMs, counters, onFinding, onCall } = settings;
  const probe: Probe = {
    target,
    seed,
    index,
    recipe: [],
    render: () => "",
    report(check, call, message, extra = {}) {
      onFinding({ target, check, call, message, seed, index, recipe: probe.recipe, input: probe.render(), ...extra });
    },
    run(call, contract, fn, options = {}) {
      counters.calls++;
      onCall?.();
      let outcome = timed(fn);
      let cpuMs: number | undefined;
      if (outcome.ms > budgetMs && options.rerun !== false) {
        // A garbage collection can pause one call, a busy machine can keep the thread off the CPU: the same call
        // again, with its CPU time, tells them from real work.
        onCall?.();
        const cpuBefore = threadCpuMs();
        const again = timed(fn);
        cpuMs = cpuBefore === undefined ? undefined : (threadCpuMs() as number) - cpuBefore;
        outcome = again.ms < outcome.ms ? again : outcome;
      }
      settle(probe, call, contract, outcome, budgetMs, counters, cpuMs);
      return outcome;
    },
    async runAsync(call, contract, fn) {
      counters.calls++;
      onCall?.();
      const cpuBefore = threadCpuMs();
      const start = performance.now();
      let outcome: Outcome<Awaited<ReturnType<typeof fn>>>;
      try {
        const value = await fn();
        outcome = { ok: true, value, ms: performance.now() - start };
      } catch (error) {
        outcome = { ok: false, error, ms: performance.now() - start };
      }
      // Nothing else runs in a worker meanwhile: the thread's CPU time across the await is the call's.
      const cpuMs = outcome.ms > budgetMs && cpuBefore !== undefined ? (threadCpuMs() as number) - cpuBefore : undefined;
      settle(probe, call, contract, outcome, budgetMs, counters, cpuMs);
      return outcome;
    },
  };
  return probe;
}

function timed<T>(fn: () => T): Outcome<T> {
  const start = performance.now();
  try {
    const value = fn();
    return { ok: true, value, ms: performance.now() - start };
  } catch (error) {
    return { ok: false, error, ms: performance.now() - start };
  }
}

/**
 * Reports what an outcome breaks. Slow means over the budget in wall time and, where the thread's CPU time is known,
 * in CPU time too: on a loaded machine a 10 ms call can take 80 ms of wall time without being slow.
 */
function settle<T>(probe: Probe, call: string, contract: Contract, outcome: Outcome<T>, budgetMs: number, counters: ProbeCounters, cpuMs: number | undefined): void {
  if (outcome.ms > budgetMs && (cpuMs === undefined || cpuMs > budgetMs)) {
    const cpu = cpuMs === undefined ? "" : `, ${cpuMs.toFixed(1)} ms of CPU`;
    probe.report("slow", call, `took ${outcome.ms.toFixed(1)} ms (budget ${budgetMs} ms${cpu})`, { ms: outcome.ms });
  }
  if (outcome.ok) return;
  if (contract === "tolerant") {
    counters.tolerated++;
    return;
  }
  if (allowed(outcome.error, contract)) return;
  const { message, stack } = describeError(outcome.error);
  const check = contract === "service" ? "rejected" : "threw";
  probe.report(check, call, message, stack === undefined ? {} : { stack });
}
