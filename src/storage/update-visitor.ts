import { StorageError } from "./storage-error.js";
import type { CounterIncrement, StorageAdapter, VisitorRecord } from "./types.js";
import { emptyState } from "../state/empty-state.js";

/** What one atomic step computes from a visitor's record. */
export interface VisitorChange<T> {
  record: VisitorRecord;
  increments?: readonly CounterIncrement[];
  result: T;
}

/**
 * Read-modify-write of one visitor with optimistic concurrency: load, compute with the pure `change` (it may run
 * several times, so it must only compute), commit if nobody wrote in between, else start over on fresh data. A
 * change that returns the record it was given, with no increments, writes nothing.
 *
 * @example
 * await updateVisitor(storage, "v1", 16, (record) => ({ record: { ...record, lastActivityAt: now }, result: true }));
 */
export async function updateVisitor<T>(
  storage: StorageAdapter,
  visitorId: string,
  maxAttempts: number,
  change: (record: VisitorRecord) => VisitorChange<T>,
): Promise<T> {
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const stored = await storage.getVisitor(visitorId);
    const current = stored?.value ?? freshRecord();
    const next = change(current);
    const increments = next.increments ?? [];
    if (next.record === current && increments.length === 0) return next.result;
    const version = await storage.commitVisitor(visitorId, next.record, stored?.version ?? 0, increments);
    if (version !== null) return next.result;
    await backOff(attempt);
  }
  throw new StorageError(storage.name, `visitor "${visitorId}" kept changing under ${maxAttempts} attempts to write it`, {
    code: "conflict",
  });
}

function freshRecord(): VisitorRecord {
  return { state: emptyState(), events: [] };
}

/** A short, growing, jittered pause, so writers that keep colliding spread out. */
function backOff(attempt: number): Promise<void> {
  const ms = Math.min(50, attempt * attempt) * (0.5 + Math.random() / 2);
  return new Promise((resolve) => setTimeout(resolve, ms));
}
