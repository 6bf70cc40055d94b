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

/**
 * Serialises the changes of each visitor within this process. While a write for a visitor is on its way, the calls
 * that arrive for the same visitor wait in its lane; when it lands they go together in the next write, applied in
 * the order they arrived (`updateVisitorInOne`). Ten tabs polling at once, or a burst of events, cost a couple of
 * writes and no conflicts; only writers in other processes can still collide, and the compare-and-set catches that.
 *
 * @example
 * const lanes = visitorLanes(storage, 16);
 * await Promise.all([lanes.run("v1", logTheEvent), lanes.run("v1", checkTheVisitor)]);
 */
export function visitorLanes(storage: StorageAdapter, maxAttempts: number, cacheSize = 0): VisitorLanes {
  const lanes = new Map<string, Waiting[]>();
  const cache = storage.syncVisitor === undefined || cacheSize <= 0 ? undefined : visitorCache(cacheSize);

  /**
   * Called once the write of the call that opened a visitor's lane is over (nearly every call opens one: most visitors
   * have one call at a time): the lane closes, or the calls that arrived meanwhile (waiting in it) go next. The call
   * itself goes straight to `updateVisitor`, with no record in the lane and no promise of the lane's own around it.
   */
  const settled = (visitorId: string): void => {
    const queued = lanes.get(visitorId) as Waiting[];
    if (queued.length === 0) lanes.delete(visitorId);
    else void drain(visitorId, queued);
  };

  async function drain(visitorId: string, lane: Waiting[]): Promise<void> {
    while (lane.length > 0) {
      const batch = lane.splice(0, MAX_CHANGES_PER_WRITE);
      let outcomes: Outcome[];
      try {
        outcomes = await updateVisitorInOne(storage, visitorId, maxAttempts, batch.map((waiting) => waiting.change), cache);
      } catch (error) {
        outcomes = batch.map(() => ({ ok: false, error }));
      }
      batch.forEach((waiting, i) => {
        const outcome = outcomes[i] as Outcome;
        if (outcome.ok) waiting.resolve(outcome.value);
        else waiting.reject(outcome.error);
      });
    }
    lanes.delete(visitorId);
  }

  return {
    forget: (visitorId) => cache?.delete(visitorId),
    run<T>(visitorId: string, change: ChangeOf<T>): Promise<T> {
      const lane = lanes.get(visitorId);
      if (lane === undefined) {
        lanes.set(visitorId, []);
        return updateVisitor(storage, visitorId, maxAttempts, change, cache, settled);
      }
      // The promise's own functions go in the lane: a function made per call would cost every call its making
      // (and, in a build that keeps function names, a property write naming it).
      return new Promise<T>((resolve, reject) => {
        lane.push({ change, resolve: resolve as (value: unknown) => void, reject });
      });
    },
  };
}
