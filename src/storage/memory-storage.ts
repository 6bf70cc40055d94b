import { readClock, systemClock } from "../clock.js";
import type { Clock } from "../types.js";
import { guard } from "./storage-error.js";
import type { CounterIncrement, CounterRow, StorageAdapter } from "./types.js";
import { counterKey, counterRows } from "./counter-key.js";
import { emptyVisitorRecord } from "./empty-visitor-record.js";
import { parseStored, storedVersion } from "./parse-document.js";
import { servicePurgeOptions } from "./service-arguments.js";

/** One stored document: its version and its JSON text. */
export interface MemoryEntry {
  version: unknown;
  json: string;
}

/** One stored visitor: its document and when it was last written (epoch ms, the adapter's clock). */
export interface MemoryVisitorEntry extends MemoryEntry {
  writtenAtMs: number;
}

/** How the memory adapter reads the time. */
export interface MemoryStorageOptions {
  /** The clock behind each visitor's last-write time, which `purgeVisitors` reads. Default: the system clock. */
  clock?: Clock;
}

/** What a memory adapter holds; tests reach in through {@link memoryStorageOver} to damage it on purpose. */
export interface MemoryStore {
  visitors: Map<string, MemoryVisitorEntry>;
  counters: Map<string, number>;
  invitationSet: MemoryEntry | null;
}

/**
 * Storage in this process's memory: the embedded default, for a single server, tests and the demo. Records are
 * kept as JSON and read back through the same checks as a networked adapter's, so nothing a caller holds can
 * change them and every adapter answers alike. Retention is PostgreSQL's: call `purgeVisitors` on a schedule (no
 * timer runs inside the adapter, so it never keeps a process alive).
 *
 * @example
 * const beckon = createBeckon({ storage: createMemoryStorage(), invitations });
 * setInterval(() => void beckon.purgeVisitors({ inactiveForSeconds: 30 * 86_400 }), 3_600_000).unref();
 */
export function createMemoryStorage(options: MemoryStorageOptions = {}): StorageAdapter {
  return memoryStorageOver({ visitors: new Map(), counters: new Map(), invitationSet: null }, options);
}

/**
 * The memory adapter over a store the caller holds.
 *
 * @example
 * const store = { visitors: new Map(), counters: new Map(), invitationSet: null };
 * const storage = memoryStorageOver(store);
 */
export function memoryStorageOver(store: MemoryStore, options: MemoryStorageOptions = {}): StorageAdapter {
  const { visitors, counters } = store;
  const name = "memory";
  const clock = options.clock ?? systemClock;
  const now = (): number => readClock(clock);
  return {
    name,
    getVisitor: (visitorId) =>
      guard(name, "reading a visitor", async () => {
        const stored = visitors.get(visitorId);
        return stored === undefined ? null : parseStored(name, "visitor record", stored.version, stored.json, { visitorId });
      }),
    commitVisitor: (visitorId, record, expectedVersion, increments = []) =>
      guard(name, "writing a visitor", async () => {
        const stored = visitors.get(visitorId);
        const version = stored === undefined ? 0 : storedVersion(name, "visitor record", stored.version, { visitorId });
        if (version !== expectedVersion) return null;
        visitors.set(visitorId, { version: version + 1, json: JSON.stringify(record), writtenAtMs: now() });
        for (const increment of increments) add(counters, increment);
        return version + 1;
      }),
    deleteVisitor: (visitorId) =>
      guard(name, "deleting a visitor", async () => {
        visitors.delete(visitorId);
      }),
    forgetVisitor: (visitorId) =>
      guard(name, "forgetting a visitor", async () => {
        const stored = visitors.get(visitorId);
        if (stored === undefined) return false;
        const version = readableVersion(stored.version);
        if (version === null) visitors.delete(visitorId);
        else visitors.set(visitorId, { version: version + 1, json: JSON.stringify(emptyVisitorRecord()), writtenAtMs: now() });
        return true;
      }),
    purgeVisitors: async (given) => {
      const { inactiveForSeconds } = servicePurgeOptions(given);
      return guard(name, "purging visitors", async () => purgeInactive(visitors, now() - inactiveForSeconds * 1000));
    },
    getInvitationSet: () =>
      guard(name, "reading the invitation set", async () =>
        store.invitationSet === null ? null : parseStored(name, "invitation set", store.invitationSet.version, store.invitationSet.json),
      ),
    getInvitationSetVersion: () =>
      guard(name, "reading the invitation set version", async () => versionOfSet(store)),
    putInvitationSet: (set, expectedVersion) =>
      guard(name, "writing the invitation set", async () => {
        const version = versionOfSet(store);
        if (expectedVersion !== undefined && version !== expectedVersion) return null;
        store.invitationSet = { version: version + 1, json: JSON.stringify(set) };
        return version + 1;
      }),
    readCounters: () => guard(name, "reading counters", async (): Promise<CounterRow[]> => counterRows(counters)),
    close: async () => {},
  };
}

function versionOfSet(store: MemoryStore): number {
  return store.invitationSet === null ? 0 : storedVersion("memory", "invitation set", store.invitationSet.version);
}

/** A stored version a write can follow, or `null` when it is damaged (then nothing can compare-and-set on it). */
function readableVersion(version: unknown): number | null {
  try {
    return storedVersion("memory", "visitor record", version);
  } catch {
    return null;
  }
}

/**
 * Removes every visitor last written at or before `cutoffMs`, in one pass: nothing else runs meanwhile, so there is
 * nothing for batches to let through (`batchSize` is checked, for the same call to work on every adapter). A time
 * that is no number (a clock giving none) removes nothing.
 */
function purgeInactive(visitors: Map<string, MemoryVisitorEntry>, cutoffMs: number): number {
  let purged = 0;
  for (const [visitorId, entry] of visitors) {
    if (!(entry.writtenAtMs <= cutoffMs)) continue;
    visitors.delete(visitorId);
    purged++;
  }
  return purged;
}

function add(counters: Map<string, number>, increment: CounterIncrement): void {
  const key = counterKey(increment);
  counters.set(key, (counters.get(key) ?? 0) + (increment.by ?? 1));
}
