import { StorageError } from "./storage-error.js";
import type { CounterIncrement, StorageAdapter, TaggedVisitor, VisitorRecord, VisitorTag } from "./types.js";
import type { VisitorCache } from "./visitor-cache.js";
import type { VisitorChange } from "../visits/visitor-record.js";

export type { VisitorChange } from "../visits/visitor-record.js";
import { emptyVisitorRecord } from "./empty-visitor-record.js";


/** A pure change of a visitor's record; it may run several times, so it must only compute. */
export type ChangeOf<T> = (record: VisitorRecord) => VisitorChange<T>;

/**
 * Read-modify-write of one visitor with optimistic concurrency: load, compute with the pure `change`, commit if
 * nobody wrote in between, else start over on fresh data. A change that returns the record it was given, with no
 * increments, writes nothing.
 *
 * @example
 * await updateVisitor(storage, "v1", 16, (record) => ({ record: { ...record, lastActivityAt: now }, result: true }));
 */
export async function updateVisitor<T>(storage: StorageAdapter, visitorId: string, maxAttempts: number, change: ChangeOf<T>): Promise<T> {
  const [outcome] = await updateVisitorInOne(storage, visitorId, maxAttempts, [change]);
  if (outcome === undefined || !outcome.ok) throw outcome?.error;
  return outcome.value as T;
}

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
  // Not an async function: handing on the promise of the path taken costs no extra turns of the microtask queue.
  if (cache !== undefined && storage.syncVisitor !== undefined) return syncInOne(storage, visitorId, maxAttempts, changes, cache);
  return readThenCommit(storage, visitorId, maxAttempts, changes);
}

/** `updateVisitorInOne` over `getVisitor` and `commitVisitor`: read, compute, compare-and-set on the version read. */
async function readThenCommit(storage: StorageAdapter, visitorId: string, maxAttempts: number, changes: readonly ChangeOf<unknown>[]): Promise<Outcome[]> {
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const stored = await storage.getVisitor(visitorId);
    const current = stored?.value ?? emptyVisitorRecord();
    const { record, increments, outcomes } = applyAll(current, changes);
    if (record === current && increments.length === 0) return outcomes;
    const version = await storage.commitVisitor(visitorId, record, stored?.version ?? 0, increments);
    if (version !== null) return outcomes;
    await backOff(attempt);
  }
  throw conflict(storage, visitorId, maxAttempts);
}

const NOTHING_STORED: VisitorTag = { version: 0, commit: null };

/**
 * `updateVisitorInOne` over `syncVisitor`: the changes run on the record this service last read or wrote for the
 * visitor (`cache`), and the write goes straight out against its tag, one round trip. When another server wrote in
 * between (or the record expired, was purged or erased), nothing is written and the answer carries the record
 * stored now: the changes run again on it, a second round trip. A change that leaves a cached record as it is only
 * confirms that record is still the stored one; on a record just read, it sends nothing more. Any failure drops the
 * entry (a write that timed out may have landed), so the next call reads afresh.
 */
async function syncInOne(
  storage: StorageAdapter,
  visitorId: string,
  maxAttempts: number,
  changes: readonly ChangeOf<unknown>[],
  cache: VisitorCache,
): Promise<Outcome[]> {
  const sync = storage.syncVisitor!;
  // Every way out below sets or deletes the entry, which makes it the most recently used then.
  let known = cache.peek(visitorId);
  let fresh = false;
  try {
    if (known === undefined) {
      known = currentOf(await sync(visitorId, null));
      fresh = true;
    }
    // An attempt is a write against a record read in this call: a stale cache entry costs none.
    for (let attempt = 1; attempt <= maxAttempts; ) {
      const { record, increments, outcomes } = applyAll(known.value, changes);
      const unchanged = record === known.value && increments.length === 0;
      if (unchanged && fresh) {
        keep(cache, visitorId, known);
        return outcomes;
      }
      const reply = await sync(visitorId, known, unchanged ? null : record, increments);
      if (reply.ok) {
        if (reply.tag === null) cache.delete(visitorId);
        else keep(cache, visitorId, unchanged ? known : { value: record, ...reply.tag });
        return outcomes;
      }
      // Only a write that lost against a record read in this call is a collision worth a pause; a stale cache entry
      // is just a read. After a pause the record answered before it is as stale as a cache entry: its write, if it
      // loses, brings the record stored now and costs no attempt.
      known = reply.current ?? { value: emptyVisitorRecord(), ...NOTHING_STORED };
      if (fresh) await backOff(attempt++);
      fresh = !fresh;
    }
  } catch (error) {
    cache.delete(visitorId);
    throw error;
  }
  cache.delete(visitorId);
  throw conflict(storage, visitorId, maxAttempts);
}

function currentOf(reply: Awaited<ReturnType<NonNullable<StorageAdapter["syncVisitor"]>>>): TaggedVisitor {
  if (reply.ok) throw new Error("syncVisitor answered a read with ok");
  return reply.current ?? { value: emptyVisitorRecord(), ...NOTHING_STORED };
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

function applyAll(current: VisitorRecord, changes: readonly ChangeOf<unknown>[]) {
  let record = current;
  const increments: CounterIncrement[] = [];
  const outcomes: Outcome[] = [];
  for (const change of changes) {
    try {
      const next = change(record);
      record = next.record;
      for (const increment of next.increments ?? []) increments.push(increment);
      outcomes.push({ ok: true, value: next.result });
    } catch (error) {
      outcomes.push({ ok: false, error });
    }
  }
  return { record, increments, outcomes };
}

/**
 * A jittered pause growing 2, 4, 8… up to 128 ms ("full jitter"), so writers on other servers that keep colliding
 * on one visitor spread out instead of meeting again: sixteen attempts span about a second.
 */
function backOff(attempt: number): Promise<void> {
  const ms = Math.random() * Math.min(128, 2 ** attempt);
  return new Promise((resolve) => setTimeout(resolve, ms));
}
