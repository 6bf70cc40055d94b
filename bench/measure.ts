/**
 * Timing and memory of one implementation on one invitation set (see bench/README.md, "How it is measured").
 *
 * The timed visitors are the first `n` of the workload: all of them, unless the one-by-one passes would take longer
 * than the pass budget (estimated during warm-up), as for the general engines at large K.
 *
 * * mean: after warm-up, mitata's `measure` over a function that decides for the next of those visitors on each call
 *   (mitata batches fast calls), so it is the mean over the timed visitors, garbage collection included.
 * * median / p99 / per-visitor times: three more passes in which each of those visitors is timed on its own with
 *   `performance.now()`, minus the timer's own median cost; a visitor's time is the fastest of its three, so a
 *   disturbance that passes (a collection, a neighbour on a shared machine) moves no median. Ratios to beckon are
 *   computed on these, over the same visitors.
 * * retained heap: `heapUsed` after a forced GC, after building the implementation's structures, minus the same
 *   before building.
 * * peak heap: the highest `heapUsed` seen while building and during the one-by-one passes (read right after the
 *   build and every 256 decisions, outside the timed calls), minus `heapUsed` before building: the structures plus
 *   the most garbage that piled up before a collection.
 * * allocation per decision: after a forced GC, the growth of `heapUsed` over a run of decisions (up to 200, about
 *   200 ms) during which no collection happened (checked every 10 decisions; retried shorter if one did), divided by
 *   the decisions, minus the same for a function that does nothing.
 */
import { runInNewContext } from "node:vm";
import { setFlagsFromString } from "node:v8";
import { measure } from "mitata";
import type { Invitation } from "../src/index.js";
import type { Sample } from "./generate.js";
import type { Implementation } from "./impl/index.js";

/** What one (implementation, K) measurement found. Times in nanoseconds, memory in bytes. */
export interface Measurement {
  implementation: string;
  k: number;
  buildMs: number;
  /** mitata's mean. */
  meanNs: number;
  medianNs: number;
  p99Ns: number;
  /** Each timed visitor's own time, in workload order (the first `times.length` visitors). */
  times: number[];
  retainedBytes: number;
  /** Highest heap use seen while building and deciding, above the heap before building. */
  peakBytes: number;
  allocatedBytesPerDecision: number;
}

/** Budgets of one measurement. */
export interface MeasureOptions {
  /** mitata's minimum CPU time per benchmark, ms. */
  minCpuMs: number;
  /** mitata's minimum number of samples. */
  minSamples: number;
  /** Time one pass over the timed visitors may take, ms: fewer visitors are timed when all would take longer. */
  passBudgetMs: number;
  /** Warm-up: one pass over the visitors, or this long if that comes first, ms. */
  warmupMs: number;
}

type Decider = (v: Sample["visitor"], now: number) => unknown;

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

/**
 * Measures one implementation on one invitation set.
 *
 * @example
 * await measureImplementation(handLoop, invitations, samples, { minCpuMs: 600, minSamples: 12, passBudgetMs: 6000, warmupMs: 2000 })
 */
export async function measureImplementation(
  implementation: Implementation,
  invitations: Invitation[],
  samples: readonly Sample[],
  options: MeasureOptions,
): Promise<Measurement> {
  fullGc();
  const baseline = process.memoryUsage().heapUsed;
  const started = performance.now();
  const decide = implementation.build(invitations) as Decider;
  const buildMs = performance.now() - started;
  const builtHeap = process.memoryUsage().heapUsed;
  fullGc();
  const retainedBytes = process.memoryUsage().heapUsed - baseline;
  const isAsync = implementation.kind === "async";
  const estimateNs = await warmUp(decide, samples, options.warmupMs, isAsync);
  const count = Math.max(20, Math.min(samples.length, Math.floor((options.passBudgetMs * 1e6) / (estimateNs * ONE_BY_ONE_PASSES))));
  const timed = samples.slice(0, count);
  let next = 0;
  const one = (): unknown => {
    const sample = timed[next] as Sample;
    next = next + 1 === timed.length ? 0 : next + 1;
    return decide(sample.visitor, sample.now);
  };
  const stats = await measure(one, {
    min_cpu_time: options.minCpuMs * 1e6,
    min_samples: options.minSamples,
    warmup_samples: isAsync ? 1 : 2,
  });
  const { times, peakHeap } = await timeEach(decide, timed, isAsync);
  const sorted = [...times].sort((a, b) => a - b);
  const allocationRun = Math.max(10, Math.min(200, Math.round(2e8 / stats.avg)));
  const allocated = (await heapGrowth(decide, timed, allocationRun, isAsync)) - (await heapGrowth(() => null, timed, allocationRun, false));
  return {
    implementation: implementation.name,
    k: invitations.length,
    buildMs,
    meanNs: stats.avg,
    medianNs: quantile(sorted, 0.5),
    p99Ns: quantile(sorted, 0.99),
    times,
    retainedBytes,
    peakBytes: Math.max(builtHeap, peakHeap) - baseline,
    allocatedBytesPerDecision: allocated,
  };
}

/** The value at quantile `q` of ascending values. */
export function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

/**
 * Decides for visitors in order until a full pass or the budget is done; the JIT needs a few thousand calls, and
 * without this mitata's first batches would be mostly warm-up. Returns the mean time per call of the second half.
 */
async function warmUp(decide: Decider, samples: readonly Sample[], budgetMs: number, isAsync: boolean): Promise<number> {
  const start = performance.now();
  const deadline = start + budgetMs;
  let i = 0;
  let halfAt = start;
  let halfIndex = 0;
  while (i < samples.length) {
    const { visitor, now } = samples[i] as Sample;
    const result = decide(visitor, now);
    if (isAsync) await result;
    i += 1;
    const t = performance.now();
    if (halfIndex === 0 && t - start > budgetMs / 2) [halfAt, halfIndex] = [t, i];
    if (t > deadline && i >= 3) break;
  }
  const end = performance.now();
  return halfIndex > 0 && i > halfIndex ? ((end - halfAt) * 1e6) / (i - halfIndex) : ((end - start) * 1e6) / i;
}

const ONE_BY_ONE_PASSES = 3;

const HEAP_EVERY = 256;

/**
 * Each visitor's fastest time over {@link ONE_BY_ONE_PASSES} passes, each visitor timed on its own, and the highest
 * heap use seen between calls.
 */
async function timeEach(decide: Decider, samples: readonly Sample[], isAsync: boolean): Promise<{ times: number[]; peakHeap: number }> {
  const overhead = timerOverheadNs();
  const times = samples.map(() => Number.POSITIVE_INFINITY);
  let peakHeap = 0;
  for (let pass = 0; pass < ONE_BY_ONE_PASSES; pass++) {
    for (let i = 0; i < samples.length; i++) {
      const { visitor, now } = samples[i] as Sample;
      const t0 = performance.now();
      const result = decide(visitor, now);
      if (isAsync) await result;
      const t1 = performance.now();
      times[i] = Math.min(times[i] as number, Math.max(0, (t1 - t0) * 1e6 - overhead));
      if (i % HEAP_EVERY === 0) peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
    }
  }
  return { times, peakHeap };
}

function timerOverheadNs(): number {
  const deltas: number[] = [];
  for (let i = 0; i < 10_001; i++) {
    const t0 = performance.now();
    deltas.push(performance.now() - t0);
  }
  deltas.sort((a, b) => a - b);
  return (deltas[5000] as number) * 1e6;
}

/** Bytes of heap growth per decision over `count` decisions without a collection in between (NaN if none found). */
async function heapGrowth(decide: Decider, samples: readonly Sample[], count: number, isAsync: boolean): Promise<number> {
  for (let n = count; n >= 5; n = Math.floor(n / 2)) {
    fullGc();
    const start = process.memoryUsage().heapUsed;
    let last = start;
    let collected = false;
    for (let i = 0; i < n; i++) {
      const { visitor, now } = samples[i % samples.length] as Sample;
      const result = decide(visitor, now);
      if (isAsync) await result;
      if (i % 10 === 9) {
        const heap = process.memoryUsage().heapUsed;
        collected ||= heap < last;
        last = heap;
      }
    }
    const end = process.memoryUsage().heapUsed;
    if (!collected && end >= last) return (end - start) / n;
  }
  return Number.NaN;
}

/** A full collection; the second pass collects what the first one's finalisers and weak references released. */
export function fullGc(): void {
  gc();
  gc();
}
