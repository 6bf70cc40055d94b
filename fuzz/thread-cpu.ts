import { readFileSync, readlinkSync } from "node:fs";

let available: boolean | undefined;

/**
 * The CPU time a thread of this process has run for, in milliseconds, from Linux's `schedstat` (nanoseconds on
 * CPU): this thread's, or the one with id `thread` (see {@link threadId}); `undefined` where there is no such file.
 * A call's wall time counts the time the thread waited for a core on a busy machine, its CPU time does not: the
 * fuzzer uses it to tell a slow call or a hang from a busy machine. A read costs about 60 µs, so it is taken only
 * around calls already found slow, around the service's few asynchronous calls, and by the watchdog ten times a
 * second.
 *
 * @example
 * const before = threadCpuMs();
 * work();
 * const cpuMs = before === undefined ? undefined : (threadCpuMs() as number) - before;
 */
export function threadCpuMs(thread?: number): number | undefined {
  if (available === false) return undefined;
  try {
    const text = readFileSync(thread === undefined ? "/proc/thread-self/schedstat" : `/proc/self/task/${thread}/schedstat`, "utf8");
    const nanoseconds = Number(text.split(" ")[0]);
    return Number.isFinite(nanoseconds) ? nanoseconds / 1e6 : undefined;
  } catch {
    // No such file for this very thread: not Linux (or no /proc), so never try again. Another thread may have ended.
    if (thread === undefined) available = false;
    return undefined;
  }
}

/**
 * This thread's id as the kernel knows it (what {@link threadCpuMs} takes), or `undefined` off Linux.
 *
 * @example
 * threadId() // => 81234 in a worker thread
 */
export function threadId(): number | undefined {
  try {
    const id = Number(readlinkSync("/proc/thread-self").split("/").pop());
    return Number.isInteger(id) && id > 0 ? id : undefined;
  } catch {
    return undefined;
  }
}
