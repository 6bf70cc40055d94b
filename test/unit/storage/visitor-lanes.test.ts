import { describe, expect, it } from "vitest";
import { createMemoryStorage, StorageError, type StorageAdapter } from "../../../src/storage/index.js";
import { MAX_CHANGES_PER_WRITE, visitorLanes } from "../../../src/storage/visitor-lanes.js";
import { timedOut } from "../../../src/storage/storage-error.js";
import type { VisitorRecord } from "../../../src/storage/types.js";

/** A change that appends `mark` to the record's URL, so the order changes ran in can be read off the record. */
const mark = (label: string) => (record: VisitorRecord) => ({
  record: { ...record, lastUrl: `${record.lastUrl ?? ""}${label}` },
  result: label,
});

/** The memory adapter, counting its writes; the first `failing` writes reject with a StorageError. */
function countingStorage(failing = 0): StorageAdapter & { writes: number } {
  const memory = createMemoryStorage();
  const counted = {
    ...memory,
    writes: 0,
    commitVisitor: (...args: Parameters<StorageAdapter["commitVisitor"]>) => {
      counted.writes++;
      if (counted.writes <= failing) return Promise.reject(new StorageError("memory", "the disk is full"));
      return memory.commitVisitor(...args);
    },
  };
  return counted;
}

describe("visitorLanes", () => {
  it("runs one visitor's calls in the order they arrived: the first alone, the ones that came meanwhile in one write", async () => {
    const storage = countingStorage();
    const lanes = visitorLanes(storage, 4);
    const results = await Promise.all(["a", "b", "c"].map((label) => lanes.run("v1", mark(label))));
    expect(results).toEqual(["a", "b", "c"]);
    expect((await storage.getVisitor("v1"))?.value.lastUrl).toBe("abc");
    expect(storage.writes).toBe(2);
  });

  it("fails only the call whose write failed; the calls waiting behind it still run, and the lane opens again", async () => {
    const storage = countingStorage(1);
    const lanes = visitorLanes(storage, 4);
    const settled = await Promise.allSettled(["a", "b", "c"].map((label) => lanes.run("v1", mark(label))));
    expect(settled.map((outcome) => outcome.status)).toEqual(["rejected", "fulfilled", "fulfilled"]);
    expect((settled[0] as PromiseRejectedResult).reason).toBeInstanceOf(StorageError);
    expect((await storage.getVisitor("v1"))?.value.lastUrl).toBe("bc");
    // Nothing is left waiting: a call made now goes straight to its write.
    expect(await lanes.run("v1", mark("d"))).toBe("d");
    expect((await storage.getVisitor("v1"))?.value.lastUrl).toBe("bcd");
  });

  it("keeps visitors apart: one visitor's calls never wait for another's", async () => {
    const storage = countingStorage();
    const lanes = visitorLanes(storage, 4);
    await Promise.all([lanes.run("v1", mark("a")), lanes.run("v2", mark("b")), lanes.run("v1", mark("c"))]);
    expect((await storage.getVisitor("v1"))?.value.lastUrl).toBe("ac");
    expect((await storage.getVisitor("v2"))?.value.lastUrl).toBe("b");
  });

  it("keeps a busy visitor's lane while idle ones are closed: its next call still waits for the write on its way", async () => {
    const memory = createMemoryStorage();
    let release = (): void => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    // Only the first write for "held" is held up: a second call let through would land before it.
    let holding = true;
    const storage: StorageAdapter = {
      ...memory,
      commitVisitor: async (...args: Parameters<StorageAdapter["commitVisitor"]>) => {
        if (args[0] === "held" && holding) {
          holding = false;
          await held;
        }
        return memory.commitVisitor(...args);
      },
    };
    const lanes = visitorLanes(storage, 4);
    const first = lanes.run("held", mark("a"));
    // Enough other visitors, one call each, for the idle lanes to be closed several times over.
    for (let i = 0; i < 10_000; i++) await lanes.run(`other-${i}`, mark("x"));
    const second = lanes.run("held", mark("b"));
    // Time for a second call let through to write before the first is released.
    await new Promise((resolve) => setImmediate(resolve));
    release();
    expect(await Promise.all([first, second])).toEqual(["a", "b"]);
    // Run alongside rather than after it, the second call would have written first and the first gone on from it.
    expect((await memory.getVisitor("held"))?.value.lastUrl).toBe("ab");
    expect((await memory.getVisitor("other-9999"))?.value.lastUrl).toBe("x");
  });

  it("rejects a call whose change throws, and goes on with the others in its write", async () => {
    const storage = countingStorage();
    const lanes = visitorLanes(storage, 4);
    const broken = () => {
      throw new TypeError("no such field");
    };
    const settled = await Promise.allSettled([lanes.run("v1", mark("a")), lanes.run("v1", broken), lanes.run("v1", mark("b"))]);
    expect(settled.map((outcome) => outcome.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect((await storage.getVisitor("v1"))?.value.lastUrl).toBe("ab");
  });

  describe("a write that times out", () => {
    /**
     * The memory adapter whose writes follow `plan` in turn: "ok" lands (after `delayMs`), "timeout" rejects with the
     * adapter's timeout after `delayMs`, as a server that stopped answering would by the adapter's deadline.
     */
    function plannedStorage(plan: readonly ("ok" | "timeout")[], delayMs: number): StorageAdapter & { writes: number } {
      const memory = createMemoryStorage();
      const planned = {
        ...memory,
        writes: 0,
        commitVisitor: async (...args: Parameters<StorageAdapter["commitVisitor"]>) => {
          const step = plan[planned.writes++] ?? "ok";
          await new Promise((resolve) => setTimeout(resolve, delayMs));
          if (step === "timeout") throw timedOut("memory", "writing a visitor", delayMs);
          return memory.commitVisitor(...args);
        },
      };
      return planned;
    }

    it("fails the calls waiting behind it at once, unsent, with a timeout naming it; the lane then opens again", async () => {
      const storage = plannedStorage(["timeout"], 50);
      const lanes = visitorLanes(storage, 4);
      const settled = await Promise.allSettled(["a", "b", "c"].map((label) => lanes.run("v1", mark(label))));
      // One deadline, not one per write: the waiting calls are never sent.
      expect(storage.writes).toBe(1);
      const [first, ...waiting] = settled.map((outcome) => (outcome as PromiseRejectedResult).reason as StorageError);
      expect(first).toMatchObject({ code: "timeout", message: expect.stringContaining("no answer within 50 ms") });
      for (const error of waiting) {
        expect(error).toBeInstanceOf(StorageError);
        expect(error).toMatchObject({ code: "timeout", adapter: "memory", message: expect.stringContaining("this call was not sent"), cause: first });
      }
      expect(await storage.getVisitor("v1")).toBeNull();
      expect(await lanes.run("v1", mark("d"))).toBe("d");
      expect((await storage.getVisitor("v1"))?.value.lastUrl).toBe("d");
    });

    it("in a burst written in steps, fails the calls after the step that timed out, unsent", async () => {
      const storage = plannedStorage(["ok", "ok", "timeout"], 20);
      const lanes = visitorLanes(storage, 4);
      const burst = MAX_CHANGES_PER_WRITE * 2 + 10;
      const labels = Array.from({ length: burst }, (_, i) => `${i},`);
      const settled = await Promise.allSettled(labels.map((label) => lanes.run("v1", mark(label))));
      // The first call alone, then a step of 64 that lands, then a step of 64 that times out: the last 9 not sent.
      expect(storage.writes).toBe(3);
      const statuses = settled.map((outcome) => outcome.status);
      expect(statuses.slice(0, 1 + MAX_CHANGES_PER_WRITE).every((status) => status === "fulfilled")).toBe(true);
      expect(statuses.slice(1 + MAX_CHANGES_PER_WRITE).every((status) => status === "rejected")).toBe(true);
      const reasons = settled.slice(1 + MAX_CHANGES_PER_WRITE).map((outcome) => String((outcome as PromiseRejectedResult).reason.message));
      expect(reasons.filter((message) => message.includes("no answer within 20 ms"))).toHaveLength(MAX_CHANGES_PER_WRITE);
      expect(reasons.filter((message) => message.includes("this call was not sent"))).toHaveLength(burst - 1 - 2 * MAX_CHANGES_PER_WRITE);
      expect((await storage.getVisitor("v1"))?.value.lastUrl).toBe(labels.slice(0, 1 + MAX_CHANGES_PER_WRITE).join(""));
    });
  });
});
