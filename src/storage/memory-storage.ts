import { guard } from "./storage-error.js";
import type { CounterIncrement, CounterRow, InvitationSet, StorageAdapter, Stored, VisitorRecord } from "./types.js";
import { counterKey, counterRows } from "./counter-key.js";

/**
 * Storage in this process's memory: the embedded default, for a single server, tests and the demo. Records are
 * copied in and out as JSON, exactly as a networked adapter would, so nothing a caller holds can change them.
 *
 * @example
 * const beckon = createBeckon({ storage: createMemoryStorage(), invitations });
 */
export function createMemoryStorage(): StorageAdapter {
  const visitors = new Map<string, string>();
  const counters = new Map<string, number>();
  let invitationSet: string | null = null;
  const name = "memory";
  return {
    name,
    getVisitor: (visitorId) =>
      guard(name, "reading a visitor", async () => {
        const stored = visitors.get(visitorId);
        return stored === undefined ? null : (JSON.parse(stored) as Stored<VisitorRecord>);
      }),
    commitVisitor: (visitorId, record, expectedVersion, increments = []) =>
      guard(name, "writing a visitor", async () => {
        const version = versionOf(visitors.get(visitorId));
        if (version !== expectedVersion) return null;
        visitors.set(visitorId, JSON.stringify({ value: record, version: version + 1 }));
        for (const increment of increments) add(counters, increment);
        return version + 1;
      }),
    deleteVisitor: (visitorId) =>
      guard(name, "deleting a visitor", async () => {
        visitors.delete(visitorId);
      }),
    getInvitationSet: () =>
      guard(name, "reading the invitation set", async () =>
        invitationSet === null ? null : (JSON.parse(invitationSet) as Stored<InvitationSet>),
      ),
    getInvitationSetVersion: () => guard(name, "reading the invitation set version", async () => versionOf(invitationSet ?? undefined)),
    putInvitationSet: (set, expectedVersion) =>
      guard(name, "writing the invitation set", async () => {
        const version = versionOf(invitationSet ?? undefined);
        if (expectedVersion !== undefined && version !== expectedVersion) return null;
        invitationSet = JSON.stringify({ value: set, version: version + 1 });
        return version + 1;
      }),
    readCounters: () => guard(name, "reading counters", async (): Promise<CounterRow[]> => counterRows(counters)),
    close: async () => {},
  };
}

function versionOf(stored: string | undefined): number {
  return stored === undefined ? 0 : (JSON.parse(stored) as { version: number }).version;
}

function add(counters: Map<string, number>, increment: CounterIncrement): void {
  const key = counterKey(increment);
  counters.set(key, (counters.get(key) ?? 0) + (increment.by ?? 1));
}
