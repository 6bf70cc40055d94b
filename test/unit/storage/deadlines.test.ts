import { spawnSync } from "node:child_process";
import { afterEach, describe, expect, it, vi } from "vitest";
import { watchCall } from "../../../src/storage/deadlines.js";

/** A call the test settles by hand, watched with `timeoutMs`; what happened to it is in `outcome`. */
function watched(timeoutMs: number) {
  let settle!: { resolve: (value: string) => void; reject: (error: unknown) => void };
  const running = new Promise<string>((resolve, reject) => (settle = { resolve, reject }));
  const call = { outcome: "running" as string, settle };
  watchCall(running, timeoutMs, {
    fulfilled: (value) => (call.outcome = `value ${value}`),
    failed: (error) => (call.outcome = `error ${String(error)}`),
    expired: () => (call.outcome = `expired at ${performance.now()}`),
  });
  return call;
}

describe("watchCall", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("passes on what a call settles with in time, and expires each call still running at its own deadline", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "performance"], now: 0 });
    const first = watched(1_000);
    await vi.advanceTimersByTimeAsync(300);
    const second = watched(1_000);
    const third = watched(1_000);
    await vi.advanceTimersByTimeAsync(300);
    const fourth = watched(1_000);
    second.settle.resolve("two");
    fourth.settle.reject("four");
    await vi.advanceTimersByTimeAsync(399);
    expect([first.outcome, second.outcome, third.outcome, fourth.outcome]).toEqual(["running", "value two", "running", "error four"]);
    await vi.advanceTimersByTimeAsync(1);
    expect(first.outcome).toBe("expired at 1000");
    expect(third.outcome).toBe("running");
    await vi.advanceTimersByTimeAsync(299);
    expect(third.outcome).toBe("running");
    await vi.advanceTimersByTimeAsync(1);
    expect(third.outcome).toBe("expired at 1300");
    // Settled after its deadline: ignored.
    first.settle.resolve("late");
    third.settle.reject("late");
    await vi.advanceTimersByTimeAsync(5_000);
    expect([first.outcome, third.outcome]).toEqual(["expired at 1000", "expired at 1300"]);
  });

  it("passes on calls settled in any order, and a later call still expires at its own deadline", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "performance"], now: 0 });
    const calls = Array.from({ length: 5_000 }, () => watched(2_000));
    // Settled out of order, in pairs: the later one first.
    for (let i = 0; i < calls.length; i += 2) {
      calls[i + 1]!.settle.resolve(String(i + 1));
      calls[i]!.settle.resolve(String(i));
    }
    await vi.advanceTimersByTimeAsync(1);
    expect(calls.every((call, i) => call.outcome === `value ${i}`)).toBe(true);
    const late = watched(2_000);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(late.outcome).toBe("expired at 2001");
  });

  it("keeps the process alive while a call is running, and not once none is", () => {
    const script = (settles: boolean): string => `
      import { watchCall } from "./src/storage/deadlines.ts";
      const started = performance.now();
      const running = new Promise((resolve) => { if (${settles}) setTimeout(() => resolve("done"), 50); });
      watchCall(running, 1500, { fulfilled: (v) => console.log("value", v), failed: () => {}, expired: () => console.log("expired") });
      process.on("exit", () => console.log("exit after", Math.round(performance.now() - started)));`;
    const run = (settles: boolean): string[] => {
      const child = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script(settles)], { encoding: "utf8", timeout: 20_000 });
      return child.stdout.trim().split("\n");
    };
    const settled = run(true);
    expect(settled[0]).toBe("value done");
    expect(Number(settled[1]?.split(" ").at(-1))).toBeLessThan(1_000);
    const hanging = run(false);
    expect(hanging[0]).toBe("expired");
    expect(Number(hanging[1]?.split(" ").at(-1))).toBeGreaterThanOrEqual(1_500);
  });
});
