import fc from "fast-check";
import { afterEach, beforeEach, vi } from "vitest";

// Property tests run with a fixed seed in CI (FC_SEED) so a failure reproduces; locally they vary. A failing seed is
// printed by fast-check and becomes a case in test/fixtures/cases/ once understood.
const seed = process.env.FC_SEED === undefined ? undefined : Number(process.env.FC_SEED);
fc.configureGlobal({
  ...(seed === undefined ? {} : { seed }),
  numRuns: Number(process.env.FC_NUM_RUNS ?? 200),
  interruptAfterTimeLimit: 20_000,
  // A property cut off by the time limit fails: passing on whatever few samples ran in time would hide a hang.
  markInterruptAsFailure: true,
});

// The core must never talk to the console; a test that makes it do so fails.
const methods = ["log", "info", "warn", "error", "debug"] as const;
beforeEach(() => {
  for (const method of methods) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      throw new Error(`unexpected console.${method}: ${args.map(String).join(" ")}`);
    });
  }
});
afterEach(() => {
  vi.restoreAllMocks();
});
