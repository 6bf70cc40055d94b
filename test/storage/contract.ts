// The contract every StorageAdapter passes (keyv's test-suite idea): the same behaviour in memory, Redis and
// PostgreSQL, including compare-and-set under concurrency. Each adapter's test file calls describeStorageContract.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Invitation, VisitorEvent } from "../../src/index.js";
import { emptyState } from "../../src/index.js";
import { createBeckon, type StorageAdapter, type VisitorRecord } from "../../src/storage/index.js";
import { updateVisitor } from "../../src/storage/update-visitor.js";

/** Makes a fresh, empty adapter (its own namespace) for one test. */
export type AdapterFactory = () => Promise<StorageAdapter>;

const record = (events: VisitorEvent[] = []): VisitorRecord => ({ state: emptyState(), events });
const at = Date.UTC(2026, 10, 26, 10);

export function describeStorageContract(name: string, make: AdapterFactory): void {
  describe(`storage contract: ${name}`, () => {
    let storage: StorageAdapter;
    beforeEach(async () => {
      storage = await make();
    });
    afterEach(async () => {
      await storage.close();
    });

    it("names itself", () => {
      expect(storage.name).toBe(name);
    });

    it("has no record for an unknown visitor", async () => {
      expect(await storage.getVisitor("nobody")).toBeNull();
    });

    it("creates a record at version 1 when nothing was stored (expected version 0)", async () => {
      const written = record([{ name: "login_failed", at }]);
      expect(await storage.commitVisitor("v1", written, 0)).toBe(1);
      expect(await storage.getVisitor("v1")).toEqual({ value: written, version: 1 });
    });

    it("moves the version by one per write", async () => {
      await storage.commitVisitor("v1", record(), 0);
      expect(await storage.commitVisitor("v1", { ...record(), lastActivityAt: at }, 1)).toBe(2);
      expect((await storage.getVisitor("v1"))?.value.lastActivityAt).toBe(at);
    });

    it("refuses a write on a stale version and writes nothing, counters included", async () => {
      await storage.commitVisitor("v1", record(), 0);
      await storage.commitVisitor("v1", { ...record(), lastUrl: "/second" }, 1);
      const increments = [{ invitationId: "a", variationId: "a", counter: "assigned" as const }];
      expect(await storage.commitVisitor("v1", { ...record(), lastUrl: "/stale" }, 1, increments)).toBeNull();
      expect(await storage.commitVisitor("v1", { ...record(), lastUrl: "/stale" }, 0, increments)).toBeNull();
      expect(await storage.getVisitor("v1")).toMatchObject({ value: { lastUrl: "/second" }, version: 2 });
      expect(await storage.readCounters()).toEqual([]);
    });

    it("applies counter increments together with the write", async () => {
      await storage.commitVisitor("v1", record(), 0, [
        { invitationId: "a", variationId: "a", counter: "assigned" },
        { invitationId: "a", variationId: "b", counter: "shown", by: 3 },
      ]);
      await storage.commitVisitor("v2", record(), 0, [{ invitationId: "a", variationId: "a", counter: "assigned" }]);
      expect(await storage.readCounters()).toEqual([
        { invitationId: "a", variationId: "a", counter: "assigned", value: 2 },
        { invitationId: "a", variationId: "b", counter: "shown", value: 3 },
      ]);
    });

    it("hands out copies: changing what was written or read changes nothing stored", async () => {
      const written = record([{ name: "e", at }]);
      await storage.commitVisitor("v1", written, 0);
      written.events.push({ name: "later", at });
      const read = await storage.getVisitor("v1");
      read?.value.events.push({ name: "mine", at });
      expect((await storage.getVisitor("v1"))?.value.events).toEqual([{ name: "e", at }]);
    });

    it("keeps visitors with look-alike ids apart", async () => {
      const ids = ["a:b", "a", "b", "a/b", 'quote"d', "ünï ✓", "counters", "set"];
      for (const [i, id] of ids.entries()) await storage.commitVisitor(id, { ...record(), lastUrl: String(i) }, 0);
      for (const [i, id] of ids.entries()) expect((await storage.getVisitor(id))?.value.lastUrl).toBe(String(i));
    });

    it("deletes a visitor, and deleting an unknown one is fine", async () => {
      await storage.commitVisitor("v1", record(), 0);
      await storage.deleteVisitor("v1");
      await storage.deleteVisitor("nobody");
      expect(await storage.getVisitor("v1")).toBeNull();
      expect(await storage.commitVisitor("v1", record(), 0)).toBe(1);
    });

    it("versions the shared invitation set with compare-and-set", async () => {
      const set = { invitations: [{ id: "a", message: "A" }] as Invitation[], definitions: [] };
      expect(await storage.getInvitationSet()).toBeNull();
      expect(await storage.getInvitationSetVersion()).toBe(0);
      expect(await storage.putInvitationSet(set)).toBe(1);
      expect(await storage.putInvitationSet(set, 1)).toBe(2);
      expect(await storage.putInvitationSet({ ...set, definitions: [{ name: "x" }] }, 1)).toBeNull();
      expect(await storage.getInvitationSetVersion()).toBe(2);
      expect(await storage.getInvitationSet()).toEqual({ value: set, version: 2 });
    });

    it("loses no update when 64 writers read-modify-write one visitor at once", async () => {
      await Promise.all(
        Array.from({ length: 64 }, (_, i) =>
          updateVisitor(storage, "busy", 1000, (current) => ({
            record: { ...current, events: [...current.events, { name: "hit", at: at + i }] },
            increments: [{ invitationId: "a", variationId: "a", counter: "shown" }],
            result: null,
          })),
        ),
      );
      const stored = await storage.getVisitor("busy");
      expect(stored?.version).toBe(64);
      expect(stored?.value.events.map((e) => e.at).sort((x, y) => x - y)).toEqual(Array.from({ length: 64 }, (_, i) => at + i));
      expect(await storage.readCounters()).toEqual([{ invitationId: "a", variationId: "a", counter: "shown", value: 64 }]);
    });

    it("through the service, 64 parallel events, shows, closes and checks on one visitor lose and double nothing", async () => {
      const invitations: Invitation[] = [
        { id: "seen", events: [{ event: "viewed", minCount: 1 }], cooldownSeconds: 0, message: "Seen it?" },
      ];
      const beckon = createBeckon({
        storage,
        invitations,
        events: [{ name: "viewed", filterByValue: true }],
        maxAttempts: 1000,
      });
      await Promise.all(
        Array.from({ length: 64 }, (_, i) => beckon.logEvent("busy", { name: "viewed", value: `product-${i}` }, at + i)),
      );
      const logged = await beckon.visitor("busy");
      expect(new Set(logged?.events.map((e) => e.value)).size).toBe(64);
      const decisions = await Promise.all(Array.from({ length: 64 }, () => beckon.check({ id: "busy" }, { at: at + 100 })));
      expect(decisions.filter((d) => d.status === "selected")).toHaveLength(1);
      expect(decisions.filter((d) => d.status === "current")).toHaveLength(63);
      const shown = await Promise.all(Array.from({ length: 64 }, () => beckon.shown("busy", at + 200)));
      expect(shown.filter(Boolean)).toHaveLength(1);
      const closed = await Promise.all(Array.from({ length: 64 }, () => beckon.closed("busy", at + 300)));
      expect(closed.filter(Boolean)).toHaveLength(1);
      expect(await beckon.stats()).toEqual([
        { invitationId: "seen", variationId: "seen", assigned: 1, shown: 1, closed: 1, chatStarted: 0, converted: 0 },
      ]);
    });
  });
}
