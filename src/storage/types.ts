/**
 * The storage contract (docs/storage.md: Storage and the service): what an adapter keeps, and the small interface every adapter implements. One
 * contract suite (test/storage/contract.ts) runs against each adapter.
 */
import type { EventDefinition, Invitation } from "../types.js";
import type { CounterIncrement, CounterName, VisitorRecord } from "../visits/visitor-record.js";

export { COUNTER_NAMES } from "../visits/visitor-record.js";
export type { CounterIncrement, CounterName, VisitorRecord } from "../visits/visitor-record.js";

/** A stored value with its version: 1 for the first write, one more for each write after it. */
export interface Stored<T> {
  value: T;
  version: number;
}

/**
 * Which write a visitor's stored record came from: its version and the unique id of the write that made it (`null`
 * when the record has none: nothing stored, or written by an older beckon). A version alone can repeat (a record
 * removed by expiry, a purge or `deleteVisitor` starts again at 1); the commit id never does.
 */
export interface VisitorTag {
  /** The stored version, 0 when nothing is stored. */
  version: number;
  /** The id of the write that stored this version, `null` when there is none. */
  commit: string | null;
}

/** A visitor's stored record with its {@link VisitorTag}. */
export interface TaggedVisitor extends VisitorTag {
  value: VisitorRecord;
}

/**
 * What `syncVisitor` answers: `ok` with the tag now stored (the new write's, or the one confirmed; `null` when the
 * write landed but what is stored now is not known), or the record stored instead (`null`: none), nothing written.
 */
export type VisitorSync = { ok: true; tag: VisitorTag | null } | { ok: false; current: TaggedVisitor | null };

/** The invitations and event definitions a group of servers shares. */
export interface InvitationSet {
  invitations: Invitation[];
  definitions: EventDefinition[];
}

/** Which visitors `purgeVisitors` removes, and how many it removes per step. */
export interface PurgeOptions {
  /** Removes each visitor whose record was last written at least this many seconds ago (a number above 0). */
  inactiveForSeconds: number;
  /**
   * Visitors removed per step, 1 to 100 000. On PostgreSQL each step is one short statement that skips rows
   * another writer holds, so the table stays open to every other write. Default: 1 000.
   */
  batchSize?: number;
}

/** One counter's value. */
export interface CounterRow {
  invitationId: string;
  variationId: string;
  counter: CounterName;
  value: number;
}

/**
 * Where beckon keeps visitors, the shared invitation set and counters. Writes are compare-and-set on a version, so
 * two servers handling one visitor never lose an update: the loser sees `null` and retries on fresh data.
 * Adapters are factories returning a plain object of these closures; failures reject with `StorageError`.
 */
export interface StorageAdapter {
  /** Names the adapter in errors: "memory", "redis", "postgres". */
  readonly name: string;
  /** The visitor's record and its version, or `null` when none is stored. */
  getVisitor(visitorId: string): Promise<Stored<VisitorRecord> | null>;
  /**
   * Stores `record` only if the stored version is still `expectedVersion` (0: nothing stored yet), and applies
   * `increments` in the same atomic step. Returns the new version, or `null` on a conflict — then nothing at all
   * was written, counters included.
   */
  commitVisitor(
    visitorId: string,
    record: VisitorRecord,
    expectedVersion: number,
    increments?: readonly CounterIncrement[],
  ): Promise<number | null>;
  /**
   * Optional, one round trip against a record this process read or wrote before (the service keeps the last one per
   * visitor). With `expected` `null`: reads the visitor with its tag (`{ ok: false, current }`). With a tag and a
   * `record`: stores it, with `increments`, in one atomic step if what is stored is still that tag's write (tag
   * `{ version: 0, commit: null }`: nothing stored), under a new version and a new unique commit id. With a tag and no
   * record: only confirms the stored record is still that write. When it is not, nothing is written and the answer
   * carries the record stored now. Adapters without it are served by `getVisitor` + `commitVisitor`.
   */
  syncVisitor?(
    visitorId: string,
    expected: VisitorTag | null,
    record?: VisitorRecord | null,
    increments?: readonly CounterIncrement[],
  ): Promise<VisitorSync>;
  /**
   * Removes a visitor's record (nothing happens when there is none). The next record starts again at version 1,
   * so a write read before the removal can land on it: for erasing a visitor, use `forgetVisitor`.
   */
  deleteVisitor(visitorId: string): Promise<void>;
  /**
   * Erases a visitor's state and event log in one atomic step: the record becomes the empty record (no state, no
   * events) at the next version, so a write that read the erased record fails its compare-and-set and is retried
   * on the empty one. A record whose version is unreadable is removed outright. Counters are aggregates and stay.
   * Resolves whether anything was stored.
   */
  forgetVisitor(visitorId: string): Promise<boolean>;
  /**
   * Removes every visitor whose record was last written at least `inactiveForSeconds` ago, in steps of `batchSize`,
   * and resolves how many were removed. Adapters that expire visitors on their own (Redis: `visitorTtlSeconds`)
   * have none.
   */
  purgeVisitors?(options: PurgeOptions): Promise<number>;
  /** The shared invitation set and its version, or `null` when none is stored. */
  getInvitationSet(): Promise<Stored<InvitationSet> | null>;
  /** The stored set's version (0 when none), cheaper than reading the set: servers poll it to notice a change. */
  getInvitationSetVersion(): Promise<number>;
  /**
   * Stores a new invitation set. With `expectedVersion`, only if the stored version is still that (0: none yet);
   * returns the new version, or `null` on a conflict.
   */
  putInvitationSet(set: InvitationSet, expectedVersion?: number): Promise<number | null>;
  /** Every counter with a value. */
  readCounters(): Promise<CounterRow[]>;
  /** Releases connections the adapter opened itself (a client passed in stays open). */
  close(): Promise<void>;
}
