import { spawnSync } from "node:child_process";
import fc from "fast-check";
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

  it("expires exactly the calls still running at their deadline, whatever the order calls start, settle and time passes", async () => {
    // Two timeouts share the clock (each has its own list); the oracle keeps each call's deadline and settles it by hand.
    const step = fc.oneof(
      fc.record({ kind: fc.constant("add" as const), timeoutMs: fc.constantFrom(1_000, 2_500) }),
      fc.record({ kind: fc.constant("settle" as const), pick: fc.nat(), fails: fc.boolean() }),
      fc.record({ kind: fc.constant("wait" as const), ms: fc.integer({ min: 0, max: 1_500 }) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 60 }), async (steps) => {
        vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "performance"], now: 0 });
        try {
          const calls: { call: ReturnType<typeof watched>; deadline: number; expected: string }[] = [];
          let now = 0;
          for (const given of steps) {
            if (given.kind === "add") calls.push({ call: watched(given.timeoutMs), deadline: now + given.timeoutMs, expected: "running" });
            else if (given.kind === "wait") {
              now += given.ms;
              await vi.advanceTimersByTimeAsync(given.ms);
              for (const entry of calls) if (entry.expected === "running" && entry.deadline <= now) entry.expected = `expired at ${entry.deadline}`;
            } else {
              const running = calls.filter((entry) => entry.expected === "running");
              const entry = running[given.pick % Math.max(1, running.length)];
              if (entry === undefined) continue;
              if (given.fails) entry.call.settle.reject("no");
              else entry.call.settle.resolve("yes");
              entry.expected = given.fails ? "error no" : "value yes";
              await vi.advanceTimersByTimeAsync(0);
            }
          }
          await vi.advanceTimersByTimeAsync(3_000);
          for (const entry of calls) if (entry.expected === "running") entry.expected = `expired at ${entry.deadline}`;
          expect(calls.map((entry) => entry.call.outcome)).toEqual(calls.map((entry) => entry.expected));
        } finally {
          vi.useRealTimers();
        }
      }),
    );
  });

  it("holds on to nothing of the calls that settled while an older one still runs", () => {
    // One call that never settles, then 500 000 that do (100 000 calls a second for the default 5 s timeout).
    const script = `
      import { watchCall } from "./src/storage/deadlines.ts";
      const sink = { fulfilled() {}, failed() {}, expired() {} };
      watchCall(new Promise(() => {}), 60_000, sink);
      globalThis.gc(); const before = process.memoryUsage().heapUsed;
      for (let round = 0; round < 50; round++) {
        const settle = [];
        for (let i = 0; i < 10_000; i++) watchCall(new Promise((resolve) => settle.push(resolve)), 60_000, sink);
        for (const resolve of settle) resolve();
        await new Promise((next) => setImmediate(next));
      }
      globalThis.gc(); console.log(process.memoryUsage().heapUsed - before); process.exit(0);`;
    const child = spawnSync(process.execPath, ["--expose-gc", "--import", "tsx", "--input-type=module", "-e", script], { encoding: "utf8", timeout: 60_000 });
    expect(child.stderr).toBe("");
    // An entry left behind for each call would be ≈ 30 MB.
    expect(Number(child.stdout.trim())).toBeLessThan(8_000_000);
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
