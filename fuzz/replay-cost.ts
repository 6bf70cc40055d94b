import { createPrototypeGuard } from "./prototype-guard.js";
import type { Finding, Outcome } from "./probe.js";
import { runUnit, UNIT_SIZE } from "./run-unit.js";
import { TARGETS } from "./targets/index.js";

/** One probed call of a replayed input: what it returned (or threw) and the CPU time it took. */
export interface ReplayedCall {
  call: string;
  outcome: Outcome<unknown>;
  /** The process's CPU time for the call's first run (microsecond resolution: the thread's own is per tick). */
  cpuMs: number;
  /** The least CPU time of `warmRuns` more runs of the call (the first pays for compiling cold code), or NaN. */
  warmCpuMs: number;
}

/**
 * Runs input `index` of `target` (seed `seed`) alone, in this thread, and returns every call it made with its result
 * and CPU time, and the findings (none expected of a fixed finding). Each call is run `warmRuns` more times to time
 * it warm: pass 0 for a call with effects. `budgetMs` is the slowness budget the probe judges calls by.
 *
 * @example
 * const { calls, findings } = await replayCost(705332945, "parseInvitations", 55);
 * calls[0] // => { call: "safeParseInvitations", outcome: { ok: true, value: { success: false, … } }, cpuMs: 0.4 }
 */
export async function replayCost(seed: number, target: string, index: number, warmRuns = 0, budgetMs = 50): Promise<{ calls: ReplayedCall[]; findings: Finding[] }> {
  const found = TARGETS.find((t) => t.name === target);
  if (found === undefined) throw new Error(`no fuzz target ${target}`);
  const calls: ReplayedCall[] = [];
  const findings: Finding[] = [];
  await runUnit({
    target: found,
    seed,
    unit: Math.floor(index / UNIT_SIZE),
    from: 0,
    only: index,
    total: index + 1,
    budgetMs,
    counters: { calls: 0, tolerated: 0 },
    guard: createPrototypeGuard(),
    onFinding: (finding) => findings.push(finding),
    wrapProbe: (probe) => {
      const { run } = probe;
      probe.run = (call, contract, fn, options) => {
        let cpuMs = 0;
        const timed = (): ReturnType<typeof fn> => {
          const cpu = process.cpuUsage();
          try {
            return fn();
          } finally {
            const used = process.cpuUsage(cpu);
            if (cpuMs === 0) cpuMs = (used.user + used.system) / 1000;
          }
        };
        const outcome = run(call, contract, timed, options);
        let warmCpuMs = Number.NaN;
        for (let i = 0; i < warmRuns; i++) {
          const cpu = process.cpuUsage();
          try {
            fn();
          } catch {
            // Its outcome is the first run's; only the time is wanted here.
          }
          const used = process.cpuUsage(cpu);
          warmCpuMs = Math.min(Number.isNaN(warmCpuMs) ? Infinity : warmCpuMs, (used.user + used.system) / 1000);
        }
        calls.push({ call, outcome, cpuMs, warmCpuMs });
        return outcome;
      };
      return probe;
    },
  });
  return { calls, findings };
}
