import { isStorageError, StorageError } from "./storage-error.js";
import type { StorageAdapter } from "./types.js";
import { updateVisitor, updateVisitorInOne, type ChangeOf, type Outcome } from "./update-visitor.js";
import { visitorCache } from "./visitor-cache.js";

/** Runs visitor changes: one lane per visitor, so calls for one visitor in this process never race each other. */
export interface VisitorLanes {
  run<T>(visitorId: string, change: ChangeOf<T>): Promise<T>;
  /** Drops what this process keeps of a visitor's record (erased: the next call reads it afresh). */
  forget(visitorId: string): void;
}

/** The most changes one write carries: a burst bigger than this is written in several steps. */
export const MAX_CHANGES_PER_WRITE = 64;

interface Waiting {
  change: ChangeOf<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/** Gives each call of a batch its outcome. */
function settle(batch: readonly Waiting[], outcomes: readonly Outcome[]): void {
  batch.forEach((entry, i) => {
    const outcome = outcomes[i] as Outcome;
    if (outcome.ok) entry.resolve(outcome.value);
    else entry.reject(outcome.error);
  });
}

/** Did a write fail because the storage gave no answer in time? */
function timedOut(failure: unknown): failure is StorageError {
  return isStorageError(failure) && failure.code === "timeout";
}

/** The error of a call that waited for a write that timed out: a timeout of its own, never sent, naming the cause. */
function notSent(cause: StorageError): StorageError {
  return new StorageError(cause.adapter, "no answer in time for the write ahead of this call for the same visitor; this call was not sent", { code: "timeout", cause });
}

/** A visitor's lane: whether a write for the visitor is on its way, and the calls waiting for it to land. */
interface Lane {
  busy: boolean;
  readonly waiting: Waiting[];
}

/**
 * How many lanes stay open before the idle ones are closed. A lane outlives its calls so that a visitor's next call
 * finds it (one look-up, where opening and closing it every call cost the map two more steps and, with many visitors
 * at once, regular rehashing of all of it); closing the idle ones in one sweep keeps their number bounded.
 */
const OPEN_LANES = 4_096;

/**
 * Serialises the changes of each visitor within this process. While a write for a visitor is on its way, the calls
 * that arrive for the same visitor wait in its lane; when it lands they go together in the next write, applied in
 * the order they arrived (`updateVisitorInOne`). Ten tabs polling at once, or a burst of events, cost a couple of
 * writes and no conflicts; only writers in other processes can still collide, and the compare-and-set catches that.
 * When a write times out, the calls waiting behind it fail at once with a `timeout` of their own, unsent, so no call
 * waits through more than one deadline.
 *
 * @example
 * const lanes = visitorLanes(storage, 16);
 * await Promise.all([lanes.run("v1", logTheEvent), lanes.run("v1", checkTheVisitor)]);
 */
export function visitorLanes(storage: StorageAdapter, maxAttempts: number, cacheSize = 0): VisitorLanes {
  const lanes = new Map<string, Lane>();
  const cache = storage.syncVisitor === undefined || cacheSize <= 0 ? undefined : visitorCache(cacheSize);

  /**
   * Called once the write of a call that found its visitor's lane free is over: the lane is free again, or the calls
   * that arrived meanwhile go next, together. That call itself goes straight to `updateVisitor`, with no record in the
   * lane and no promise of the lane's own around it.
   */
  const settled = (visitorId: string, failure: unknown): void => {
    const lane = lanes.get(visitorId) as Lane;
    if (lane.waiting.length === 0) lane.busy = false;
    else if (timedOut(failure)) giveUp(lane, failure);
    else void drain(visitorId, lane);
  };

  async function drain(visitorId: string, lane: Lane): Promise<void> {
    const { waiting } = lane;
    while (waiting.length > 0) {
      const batch = waiting.splice(0, MAX_CHANGES_PER_WRITE);
      let outcomes: Outcome[];
      let failure: unknown;
      try {
        outcomes = await updateVisitorInOne(storage, visitorId, maxAttempts, batch.map((entry) => entry.change), cache);
      } catch (error) {
        failure = error;
        outcomes = batch.map(() => ({ ok: false, error }));
      }
      settle(batch, outcomes);
      if (timedOut(failure)) return giveUp(lane, failure);
    }
    lane.busy = false;
  }

  // Each call waiting in a lane has waited at most the storage's deadline when the write ahead of it times out: sent
  // now, it would wait that long again (a burst, a deadline per write of 64), so it fails with it, unsent.
  function giveUp(lane: Lane, cause: StorageError): void {
    const waiting = lane.waiting.splice(0);
    lane.busy = false;
    for (const entry of waiting) entry.reject(notSent(cause));
  }

  // The number of open lanes at which the idle ones are closed: twice the busy ones left by the last sweep, so that
  // even with thousands of visitors served at once a sweep comes only after as many lanes again have opened.
  let sweepAt = OPEN_LANES;
  /** Opens a lane for a visitor, first closing the idle ones when too many are open. */
  const open = (visitorId: string): Lane => {
    if (lanes.size >= sweepAt) {
      for (const [id, idle] of lanes) if (!idle.busy) lanes.delete(id);
      sweepAt = Math.max(OPEN_LANES, 2 * lanes.size);
    }
    const lane: Lane = { busy: false, waiting: [] };
    lanes.set(visitorId, lane);
    return lane;
  };

  return {
    forget(visitorId) {
      cache?.delete(visitorId);
      if (lanes.get(visitorId)?.busy === false) lanes.delete(visitorId);
    },
    run<T>(visitorId: string, change: ChangeOf<T>): Promise<T> {
      const lane = lanes.get(visitorId) ?? open(visitorId);
      if (!lane.busy) {
        lane.busy = true;
        return updateVisitor(storage, visitorId, maxAttempts, change, cache, settled);
      }
      // The promise's own functions go in the lane: a function made per call would cost every call its making
      // (and, in a build that keeps function names, a property write naming it).
      return new Promise<T>((resolve, reject) => {
        lane.waiting.push({ change, resolve: resolve as (value: unknown) => void, reject });
      });
    },
  };
}
