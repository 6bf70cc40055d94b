// The contract every StorageAdapter passes (keyv's test-suite idea): the same behaviour in memory, Redis and
// PostgreSQL, including compare-and-set under concurrency, hot visitors served with the default settings, and a
// corruption matrix: every field of every stored document damaged is reported, never rewritten.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Invitation, VisitorEvent } from "../../src/index.js";
import { emptyState } from "../../src/index.js";
import { createBeckon, isStorageError, type StorageAdapter, type StorageError, type VisitorRecord } from "../../src/storage/index.js";
import { updateVisitor } from "../../src/storage/update-visitor.js";
import { FULL_SET, invitationSetCorruptions, NOT_JSON, visitorRecordCorruptions, type Corruption } from "./corruptions.js";
import { cacheContract } from "./cache-contract.js";
import { retentionContract } from "./retention-contract.js";

/** A fresh, empty adapter (its own namespace) for one test, with the means to play a second server and to damage data. */
export interface ContractSubject {
  storage: StorageAdapter;
  /** A second adapter over the same data with a connection of its own, as another server would have. Closed by the suite. */
  twin(): Promise<StorageAdapter>;
  /** Writes a visitor's stored document as raw text with a raw version, bypassing the adapter. */
  damageVisitor(visitorId: string, version: number | string, json: string): Promise<void>;
  /** Writes the shared invitation set as raw text with a raw version, bypassing the adapter. */
  damageInvitationSet(version: number | string, json: string): Promise<void>;
  /** What is really stored for a visitor (version and text), bypassing the adapter. */
  rawVisitor(visitorId: string): Promise<unknown>;
  /** What this store can hold at all: PostgreSQL's json column refuses text that is no JSON, bigint a version "x". */
  holds: { notJson: boolean; textVersion: boolean };
  /** Makes a visitor's last write `seconds` older, bypassing the adapter: required when the adapter has `purgeVisitors`. */
  ageVisitor?(visitorId: string, seconds: number): Promise<void>;
  /**
   * An adapter over the same data whose visitors expire `ttlSeconds` after their last write: required when the
   * adapter has no `purgeVisitors` (Redis). Closed by the suite.
   */
  expiring?(ttlSeconds: number): Promise<StorageAdapter>;
}

/** Makes a fresh subject for one test. */
export type AdapterFactory = () => Promise<ContractSubject>;

const record = (events: VisitorEvent[] = []): VisitorRecord => ({ state: emptyState(), events });
const at = Date.UTC(2026, 10, 26, 10);

/** The error a promise rejects with (fails the test when it resolves or rejects with something else). */
async function storageRejection(promise: Promise<unknown>): Promise<StorageError> {
  const error: unknown = await promise.then(
    () => new Error("expected a rejection"),
    (reason: unknown) => reason,
  );
  expect(isStorageError(error), String(error)).toBe(true);
  return error as StorageError;
}

export function describeStorageContract(name: string, make: AdapterFactory): void {
  describe(`storage contract: ${name}`, () => {
    let subject: ContractSubject;
    let storage: StorageAdapter;
    let twins: StorageAdapter[] = [];
    const twin = async (): Promise<StorageAdapter> => {
      const made = await subject.twin();
      twins.push(made);
      return made;
    };
    beforeEach(async () => {
      subject = await make();
      storage = subject.storage;
    });
    afterEach(async () => {
      await Promise.all([storage, ...twins].map((adapter) => adapter.close()));
      twins = [];
    });

    /** A second adapter whose records expire after `ttlSeconds`, closed after the test. */
    const expiring = async (ttlSeconds: number): Promise<StorageAdapter> => {
      const made = await subject.expiring!(ttlSeconds);
      twins.push(made);
      return made;
    };

    describe("retention and erasure", () => {
      retentionContract({ subject: () => subject, twin, expiring });
    });

    describe("the service's visitor cache", () => {
      cacheContract({ subject: () => subject, twin, expiring });
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

    it("through the service with default settings, 64 parallel events, shows, closes and checks on one visitor lose and double nothing", async () => {
      const invitations: Invitation[] = [
        { id: "seen", events: [{ event: "viewed", minCount: 1 }], cooldownSeconds: 0, message: "Seen it?" },
      ];
      const beckon = createBeckon({
        storage,
        invitations,
        events: [{ name: "viewed", filterByValue: true }],
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

    it("serves 64 mixed concurrent calls on one visitor from two servers with default settings, none rejected", async () => {
      const invitations: Invitation[] = [
        { id: "seen", events: [{ event: "viewed", minCount: 1 }], cooldownSeconds: 0, message: "Seen it?" },
      ];
      const events = [{ name: "viewed", filterByValue: true }];
      const servers = [createBeckon({ storage, invitations, events }), createBeckon({ storage: await twin(), invitations, events })];
      // Each server gets 32 calls: 16 events, then checks, shows and closes all in flight together.
      const calls = Array.from({ length: 64 }, (_, i) => {
        const server = servers[i % 2]!;
        const kind = i % 8;
        if (kind < 4) return server.logEvent("busy", { name: "viewed", value: `product-${i}` }, at + i);
        if (kind < 6) return server.check({ id: "busy" }, { at: at + 100 + i });
        if (kind === 6) return server.shown("busy", at + 200 + i);
        return server.closed("busy", at + 300 + i);
      });
      const settled = await Promise.allSettled(calls);
      expect(settled.filter((outcome) => outcome.status === "rejected")).toEqual([]);
      const stored = await storage.getVisitor("busy");
      expect(new Set(stored?.value.events.map((e) => e.value)).size).toBe(32);
      // Nothing doubled: each counter equals what the answers say happened.
      const answers = settled.map((outcome) => (outcome as PromiseFulfilledResult<unknown>).value);
      const assigned = answers.filter((answer) => (answer as { status?: string })?.status === "selected").length;
      const shown = answers.filter((answer, i) => i % 8 === 6 && answer === true).length;
      const closed = answers.filter((answer, i) => i % 8 === 7 && answer === true).length;
      const stats = await servers[0]!.stats();
      expect(stats.map(({ assigned, shown, closed }) => ({ assigned, shown, closed }))).toEqual(
        assigned === 0 ? [] : [{ assigned, shown, closed }],
      );
    });

    describe("a damaged visitor record is reported with its path and left as it is", () => {
      const service = () =>
        createBeckon({
          storage,
          invitations: [{ id: "hello", message: "Hello" }],
          events: [{ name: "login_failed" }],
        });

      const visitorCorruptions = (): Corruption[] => [...visitorRecordCorruptions(), ...(subject.holds.notJson ? [NOT_JSON] : [])];

      it("by every adapter read and every service call, for every field", async () => {
        const beckon = service();
        for (const [i, corruption] of visitorCorruptions().entries()) {
          const id = `broken-${i}`;
          await subject.damageVisitor(id, 1, corruption.json);
          const before = await subject.rawVisitor(id);
          const calls: [string, () => Promise<unknown>][] = [
            ["getVisitor", () => storage.getVisitor(id)],
            ["check", () => beckon.check({ id }, { pageView: true, at })],
            ["logEvent", () => beckon.logEvent(id, { name: "login_failed" }, at)],
            ["shown", () => beckon.shown(id, at)],
            ["closed", () => beckon.closed(id, at)],
            ["chatStarted", () => beckon.chatStarted(id, at)],
            ["convert", () => beckon.convert(id, "ordered", at)],
            ["visitor", () => beckon.visitor(id)],
          ];
          for (const [call, run] of calls) {
            const error = await storageRejection(run());
            expect({ corruption: corruption.name, call, code: error.code, visitorId: error.visitorId, path: error.path }).toEqual({
              corruption: corruption.name,
              call,
              code: "corrupt_record",
              visitorId: id,
              path: corruption.path,
            });
            expect(error.issues?.length).toBeGreaterThan(0);
          }
          expect(await subject.rawVisitor(id), corruption.name).toEqual(before);
        }
        expect(await storage.readCounters()).toEqual([]);
      });

      it("when its version is not a whole number ≥ 1", async () => {
        const beckon = service();
        const versions: (number | string)[] = [0, -5, ...(subject.holds.textVersion ? ["x", "1.5"] : [])];
        for (const [i, version] of versions.entries()) {
          const id = `versioned-${i}`;
          await subject.damageVisitor(id, version, JSON.stringify(record()));
          const before = await subject.rawVisitor(id);
          const calls = [() => storage.getVisitor(id), () => beckon.check({ id }, { at }), () => beckon.logEvent(id, { name: "login_failed" }, at)];
          for (const run of calls) {
            expect(await storageRejection(run())).toMatchObject({ code: "corrupt_record", visitorId: id, path: ["version"] });
          }
          expect(await subject.rawVisitor(id)).toEqual(before);
        }
        expect(await storage.readCounters()).toEqual([]);
      });
    });

    describe("a damaged shared invitation set", () => {
      it("is reported by the adapter with its path, for every field", async () => {
        const corruptions = [...invitationSetCorruptions(), ...(subject.holds.notJson ? [NOT_JSON] : [])];
        for (const corruption of corruptions) {
          await subject.damageInvitationSet(1, corruption.json);
          const error = await storageRejection(storage.getInvitationSet());
          expect({ corruption: corruption.name, code: error.code, path: error.path }).toEqual({
            corruption: corruption.name,
            code: "corrupt_record",
            path: corruption.path,
          });
        }
        for (const version of [0, -5, ...(subject.holds.textVersion ? ["x"] : [])]) {
          await subject.damageInvitationSet(version, JSON.stringify(FULL_SET));
          expect(await storageRejection(storage.getInvitationSet())).toMatchObject({ code: "corrupt_record", path: ["version"] });
        }
      });

      it("fails a service's calls clearly while it never had a good set", async () => {
        await subject.damageInvitationSet(1, JSON.stringify({ ...FULL_SET, invitations: [{ id: "x", position: "first" }] }));
        const beckon = createBeckon({ storage, refreshMs: 0 });
        const error = await storageRejection(beckon.check({ id: "v1" }, { at }));
        expect(error).toMatchObject({ code: "corrupt_record", path: ["invitations", 0, "message"] });
      });

      it("leaves a service on its last good set, telling onError once per bad version", async () => {
        const heard: StorageError[] = [];
        const beckon = createBeckon({ storage, refreshMs: 0, onError: (error) => heard.push(error) });
        await beckon.setInvitations([{ id: "good", message: "Still here" }]);
        expect((await beckon.check({ id: "v1" }, { at })).invitation?.id).toBe("good");
        await subject.damageInvitationSet(2, JSON.stringify({ invitations: [{ id: "bad", message: 5 }], definitions: [] }));
        for (let i = 1; i <= 3; i++) {
          expect((await beckon.check({ id: `v${i + 1}` }, { at: at + i })).invitation?.id).toBe("good");
        }
        expect(heard.map((error) => ({ code: error.code, path: error.path }))).toEqual([
          { code: "corrupt_record", path: ["invitations", 0, "message"] },
        ]);
        await beckon.setInvitations([{ id: "fixed", message: "Fixed" }]);
        expect((await beckon.check({ id: "v9" }, { at: at + 10 })).invitation?.id).toBe("fixed");
      });

      it("leaves a service on its last good set while the set's version does not read, telling onError once", async () => {
        const heard: StorageError[] = [];
        const beckon = createBeckon({ storage, refreshMs: 0, onError: (error) => heard.push(error) });
        await beckon.setInvitations([{ id: "good", message: "Still here" }]);
        expect((await beckon.check({ id: "v1" }, { at })).invitation?.id).toBe("good");
        const bad = [0, -5, ...(subject.holds.textVersion ? ["x"] : [])];
        for (const [i, version] of bad.entries()) {
          await subject.damageInvitationSet(version, JSON.stringify({ invitations: [{ id: "other", message: "Other" }], definitions: [] }));
          expect((await beckon.check({ id: `v${i + 2}` }, { at: at + i + 1 })).invitation?.id).toBe("good");
        }
        expect(heard.map((error) => ({ code: error.code, path: error.path }))).toEqual([{ code: "corrupt_record", path: ["version"] }]);
        // Readable again: the set it names is loaded, and a later unreadable version is told again.
        await subject.damageInvitationSet(7, JSON.stringify({ invitations: [{ id: "mended", message: "Mended" }], definitions: [] }));
        expect((await beckon.check({ id: "v8" }, { at: at + 10 })).invitation?.id).toBe("mended");
        await subject.damageInvitationSet(-1, JSON.stringify(FULL_SET));
        expect((await beckon.check({ id: "v9" }, { at: at + 11 })).invitation?.id).toBe("mended");
        expect(heard).toHaveLength(2);
      });
    });
  });
}
