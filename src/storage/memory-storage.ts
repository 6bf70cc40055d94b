import { guard } from "./storage-error.js";
import type { CounterIncrement, CounterRow, StorageAdapter } from "./types.js";
import { counterKey, counterRows } from "./counter-key.js";
import { parseStored, storedVersion } from "./parse-document.js";

/** One stored document: its version and its JSON text. */
export interface MemoryEntry {
  version: unknown;
  json: string;
}

/** What a memory adapter holds; tests reach in through {@link memoryStorageOver} to damage it on purpose. */
export interface MemoryStore {
  visitors: Map<string, MemoryEntry>;
  counters: Map<string, number>;
  invitationSet: MemoryEntry | null;
}

/**
 * Storage in this process's memory: the embedded default, for a single server, tests and the demo. Records are
 * kept as JSON and read back through the same checks as a networked adapter's, so nothing a caller holds can
 * change them and every adapter answers alike.
 *
 * @example
 * const beckon = createBeckon({ storage: createMemoryStorage(), invitations });
 */
export function createMemoryStorage(): StorageAdapter {
  return memoryStorageOver({ visitors: new Map(), counters: new Map(), invitationSet: null });
}

/**
 * The memory adapter over a store the caller holds.
 *
 * @example
 * const store = { visitors: new Map(), counters: new Map(), invitationSet: null };
 * const storage = memoryStorageOver(store);
 */
export function memoryStorageOver(store: MemoryStore): StorageAdapter {
  const { visitors, counters } = store;
  const name = "memory";
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
        visitors.set(visitorId, { version: version + 1, json: JSON.stringify(record) });
        for (const increment of increments) add(counters, increment);
        return version + 1;
      }),
    deleteVisitor: (visitorId) =>
      guard(name, "deleting a visitor", async () => {
        visitors.delete(visitorId);
      }),
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

function add(counters: Map<string, number>, increment: CounterIncrement): void {
  const key = counterKey(increment);
  counters.set(key, (counters.get(key) ?? 0) + (increment.by ?? 1));
}
