import { StorageError } from "./storage-error.js";
import type { CounterIncrement, StorageAdapter, TaggedVisitor, VisitorRecord } from "./types.js";
import type { VisitorCache } from "./visitor-cache.js";
import type { VisitorChange } from "../visits/visitor-record.js";

export type { VisitorChange } from "../visits/visitor-record.js";
import { emptyVisitorRecord } from "./empty-visitor-record.js";


/** A pure change of a visitor's record; it may run several times, so it must only compute. */
export type ChangeOf<T> = (record: VisitorRecord) => VisitorChange<T>;

/**
 * Read-modify-write of one visitor with optimistic concurrency: load, compute with the pure `change`, commit if
 * nobody wrote in between, else start over on fresh data. A change that returns the record it was given, with no
 * increments, writes nothing. A change that throws writes nothing of its own and its error is the call's, once what
 * was read is settled. With a `cache` and an adapter that has `syncVisitor`, the write goes against the record this
 * service last read or wrote (see `syncOne`). `settled`, when given, is called once the call is over, whichever way it
 * ended, with the visitor's id and what the call threw (the lanes then open the next write for the visitor, or fail
 * the calls waiting for it when the storage timed out).
 *
 * @example
 * await updateVisitor(storage, "v1", 16, (record) => ({ record: { ...record, lastActivityAt: now }, result: true }));
 */
export function updateVisitor<T>(
  storage: StorageAdapter,
  visitorId: string,
  maxAttempts: number,
  change: ChangeOf<T>,
  cache?: VisitorCache,
  settled?: Settled,
): Promise<T> {
  // Not an async function: handing on the promise of the path taken costs no extra turns of the microtask queue.
  if (cache !== undefined && storage.syncVisitor !== undefined) return syncOne(storage, visitorId, maxAttempts, change, cache, settled);
  return readThenCommit(storage, visitorId, maxAttempts, change, settled);
}

/** Told once a call is over: its visitor, and what it threw (`undefined` when it did not throw). */
export type Settled = (visitorId: string, failure: unknown) => void;

/** How one change of a batch ended. */
export type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/**
 * Applies several changes to one visitor in one write, in order, each on the record the one before it made, as if
 * they had been written one after another — so calls arriving together for one visitor cost one read and one
 * compare-and-set instead of racing each other. On a conflict every change runs again on fresh data. A change that
 * throws fails alone (the others go on from the record before it); a storage failure or running out of attempts
 * fails them all.
 *
 * @example
 * await updateVisitorInOne(storage, "v1", 16, [logTheEvent, checkTheVisitor]) // => [{ ok: true, value: "appended" }, { ok: true, value: decision }]
 */
export function updateVisitorInOne(
  storage: StorageAdapter,
  visitorId: string,
  maxAttempts: number,
  changes: readonly ChangeOf<unknown>[],
  cache?: VisitorCache,
): Promise<Outcome[]> {
  return updateVisitor(storage, visitorId, maxAttempts, inOrder(changes), cache);
}

/** The changes as one, run in order, each on the record the one before it made; its result is each one's outcome. */
function inOrder(changes: readonly ChangeOf<unknown>[]): ChangeOf<Outcome[]> {
  return (current) => {
    let record = current;
    const increments: CounterIncrement[] = [];
    const outcomes: Outcome[] = [];
    for (const change of changes) {
      const applied = apply(record, change);
      record = applied.record;
      for (const increment of applied.increments) increments.push(increment);
      outcomes.push(applied.failed ? { ok: false, error: applied.error } : { ok: true, value: applied.result });
    }
    return { record, increments, result: outcomes };
  };
}

/** `updateVisitor` over `getVisitor` and `commitVisitor`: read, compute, compare-and-set on the version read. */
async function readThenCommit<T>(
  storage: StorageAdapter,
  visitorId: string,
  maxAttempts: number,
  change: ChangeOf<T>,
  settled: Settled | undefined,
): Promise<T> {
  let failure: unknown;
  try {
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      const stored = await storage.getVisitor(visitorId);
      const current = stored?.value ?? emptyVisitorRecord();
      const applied = apply(current, change);
      if (applied.record === current && applied.increments.length === 0) return resultOf(applied);
      const version = await storage.commitVisitor(visitorId, applied.record, stored?.version ?? 0, applied.increments);
      if (version !== null) return resultOf(applied);
      await backOff(attempt);
    }
    throw conflict(storage, visitorId, maxAttempts);
  } catch (error) {
    failure = error;
    throw error;
  } finally {
    settled?.(visitorId, failure);
  }
}

/** A visitor with nothing stored, in the one shape every tagged record here has (a spread would make another). */
const nothingStored = (): TaggedVisitor => ({ value: emptyVisitorRecord(), version: 0, commit: null });

/**
 * `updateVisitor` over `syncVisitor`: the change runs on the record this service last read or wrote for the visitor
 * (`cache`), and the write goes straight out against its tag, one round trip. When another server wrote in between
 * (or the record expired, was purged or erased), nothing is written and the answer carries the record stored now:
 * the change runs again on it, a second round trip. A change that leaves a cached record as it is only confirms that
 * record is still the stored one; on a record just read, it sends nothing more. Any failure drops the entry (a write
 * that timed out may have landed), so the next call reads afresh. One async function from the lane to the adapter:
 * each layer that hands a result on through a promise of its own costs a call ≈ 1 000 instructions
 * (bench/RESULTS.md).
 */
async function syncOne<T>(
  storage: StorageAdapter,
  visitorId: string,
  maxAttempts: number,
  change: ChangeOf<T>,
  cache: VisitorCache,
  settled: Settled | undefined,
): Promise<T> {
  const sync = storage.syncVisitor!;
  let failure: unknown;
  try {
    // Every way out below sets or deletes the entry, which makes it the most recently used then.
    let known = cache.peek(visitorId);
    let fresh = false;
    // The run of the change that counts, once its record is settled; its result (or error) is given only then, out
    // of the `try` below, which is for the storage's failures alone.
    let landed: Applied<T> | undefined;
    try {
      if (known === undefined) {
        known = currentOf(await sync(visitorId, null));
        fresh = true;
      }
      // An attempt is a write against a record read in this call: a stale cache entry costs none.
      for (let attempt = 1; attempt <= maxAttempts; ) {
        const applied = apply(known.value, change);
        const unchanged = applied.record === known.value && applied.increments.length === 0;
        if (unchanged && fresh) {
          keep(cache, visitorId, known);
          landed = applied;
          break;
        }
        const reply = await sync(visitorId, known, unchanged ? null : applied.record, applied.increments);
        if (reply.ok) {
          if (reply.tag === null) cache.delete(visitorId);
          else keep(cache, visitorId, unchanged ? known : { value: applied.record, version: reply.tag.version, commit: reply.tag.commit });
          landed = applied;
          break;
        }
        // Only a write that lost against a record read in this call is a collision worth a pause; a stale cache entry
        // is just a read. After a pause the record answered before it is as stale as a cache entry: its write, if it
        // loses, brings the record stored now and costs no attempt.
        known = reply.current ?? nothingStored();
        if (fresh) await backOff(attempt++);
        fresh = !fresh;
      }
    } catch (error) {
      cache.delete(visitorId);
      throw error;
    }
    if (landed !== undefined) return resultOf(landed);
    cache.delete(visitorId);
    throw conflict(storage, visitorId, maxAttempts);
  } catch (error) {
    failure = error;
    throw error;
  } finally {
    settled?.(visitorId, failure);
  }
}

/** What one run of a change gave: the record and counters it leaves, and its result or what it threw. */
interface Applied<T> {
  record: VisitorRecord;
  increments: readonly CounterIncrement[];
  result: T | undefined;
  failed: boolean;
  error: unknown;
}

const NO_INCREMENTS: readonly CounterIncrement[] = [];

/** Runs `change` on `record`; a change that throws leaves the record as it found it. */
function apply<T>(record: VisitorRecord, change: ChangeOf<T>): Applied<T> {
  try {
    const next = change(record);
    return { record: next.record, increments: next.increments ?? NO_INCREMENTS, result: next.result, failed: false, error: undefined };
  } catch (error) {
    return { record, increments: NO_INCREMENTS, result: undefined, failed: true, error };
  }
}

/** The change's result, or its error thrown. */
function resultOf<T>(applied: Applied<T>): T {
  if (applied.failed) throw applied.error;
  return applied.result as T;
}

function currentOf(reply: Awaited<ReturnType<NonNullable<StorageAdapter["syncVisitor"]>>>): TaggedVisitor {
  if (reply.ok) throw new Error("syncVisitor answered a read with ok");
  return reply.current ?? nothingStored();
}

/** Keeps what a tag can vouch for: a record with a commit id, or nothing stored (a bare version can repeat). */
function keep(cache: VisitorCache, visitorId: string, known: TaggedVisitor): void {
  if (known.commit !== null || known.version === 0) cache.set(visitorId, known);
  else cache.delete(visitorId);
}

function conflict(storage: StorageAdapter, visitorId: string, maxAttempts: number): StorageError {
  return new StorageError(storage.name, `visitor "${visitorId}" kept changing under ${maxAttempts} attempts to write it`, {
    code: "conflict",
  });
}

/**
 * A jittered pause growing 2, 4, 8… up to 128 ms ("full jitter"), so writers on other servers that keep colliding
 * on one visitor spread out instead of meeting again: sixteen attempts span about a second.
 */
function backOff(attempt: number): Promise<void> {
  const ms = Math.random() * Math.min(128, 2 ** attempt);
  return new Promise((resolve) => setTimeout(resolve, ms));
}
