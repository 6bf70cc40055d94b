// The service's visitor cache, part of the storage contract every adapter runs (describeStorageContract calls this):
// a service writes against the last record it read or wrote for a visitor (one round trip with `syncVisitor`), so
// these tests make that record stale every way it can go stale — another server's write, forgetVisitor on either
// server, deleteVisitor, a purge or the adapter's own expiry, each followed by a record that starts again at version
// 1 — and check that the stale write never lands and no update is lost. On an adapter without `syncVisitor` the
// service reads first, and the same laws hold.
import { expect, it } from "vitest";
import { createBeckon, type Beckon, type StorageAdapter } from "../../src/storage/index.js";
import type { ContractSubject } from "./contract.js";
import { visitorLanes } from "../../src/storage/visitor-lanes.js";
import type { VisitorRecord } from "../../src/storage/types.js";

/** What the cache tests need from the contract suite's current test. */
export interface CacheContext {
  subject(): ContractSubject;
  /** A second adapter over the same data (closed by the suite). */
  twin(): Promise<StorageAdapter>;
  /** The subject's `expiring` adapter, closed by the suite. */
  expiring(ttlSeconds: number): Promise<StorageAdapter>;
}

const at = Date.UTC(2026, 11, 2, 10);
const DAY = 86_400;
const events = [{ name: "viewed", filterByValue: true }];
// The invitation counts "viewed", so the service keeps those events in the log.
const invitations = [{ id: "a", message: "A", events: [{ event: "viewed", minCount: 1 }], cooldownSeconds: 0 }];
const service = (storage: StorageAdapter): Beckon => createBeckon({ storage, invitations, events });
const log = (server: Beckon, visitorId: string, value: string) => server.logEvent(visitorId, { name: "viewed", value }, at);

async function storedValues(storage: StorageAdapter, visitorId: string): Promise<string[]> {
  return ((await storage.getVisitor(visitorId))?.value.events.map((event) => event.value ?? "") ?? []).sort();
}

/** The adapter with its visitor calls counted, and among them the writes (a commit, or a sync carrying a record). */
function counted(storage: StorageAdapter): { storage: StorageAdapter; calls: () => number; writes: () => number } {
  let calls = 0;
  let writes = 0;
  const count =
    <A extends unknown[], R>(method: (...rest: A) => Promise<R>) =>
    (...rest: A) => (calls++, method(...rest));
  const { syncVisitor } = storage;
  return {
    storage: {
      ...storage,
      getVisitor: count(storage.getVisitor),
      commitVisitor: count((...rest: Parameters<StorageAdapter["commitVisitor"]>) => (writes++, storage.commitVisitor(...rest))),
      ...(syncVisitor === undefined
        ? {}
        : {
            syncVisitor: count((...rest: Parameters<NonNullable<StorageAdapter["syncVisitor"]>>) => {
              if ((rest[2] ?? null) !== null) writes++;
              return syncVisitor(...rest);
            }),
          }),
    },
    calls: () => calls,
    writes: () => writes,
  };
}

export function cacheContract({ subject, twin, expiring }: CacheContext): void {
  const storage = (): StorageAdapter => subject().storage;

  it("two services with warm caches writing one visitor, in turn and all at once, lose no update", async () => {
    const [a, b] = [service(storage()), service(await twin())];
    const values: string[] = [];
    const write = (server: Beckon, value: string) => (values.push(value), log(server, "shared", value));
    for (let i = 0; i < 8; i++) expect(await write(i % 2 === 0 ? a : b, `turn-${i}`)).toBe("appended");
    const together = await Promise.all(Array.from({ length: 64 }, (_, i) => write(i % 2 === 0 ? a : b, `together-${i}`)));
    expect(together.every((answer) => answer === "appended")).toBe(true);
    expect(await storedValues(storage(), "shared")).toEqual(values.sort());
  });

  it("lets no write from a record another server changed land: the call is redone on the stored record", async () => {
    const other = await twin();
    const [a, b] = [service(storage()), service(other)];
    await log(a, "v1", "a-1");
    await log(b, "v1", "b-1");
    await log(a, "v1", "a-2");
    expect(await storedValues(storage(), "v1")).toEqual(["a-1", "a-2", "b-1"]);
    // A poll that changes nothing on the cached record still sees what the other server wrote.
    expect((await a.check({ id: "q" }, { at })).status).toBe("none");
    await log(b, "q", "seen");
    expect((await a.check({ id: "q" }, { at: at + 1_000 })).status).toBe("selected");
  });

  it("lets no write from a record erased on either server, or deleted and written afresh, land", async () => {
    const other = await twin();
    const [a, b] = [service(storage()), service(other)];
    for (const [id, erase] of [
      ["elsewhere", () => b.forgetVisitor("elsewhere")],
      ["here", () => a.forgetVisitor("here")],
    ] as const) {
      await log(a, id, "before");
      await erase();
      await log(a, id, "after");
      expect(await storedValues(storage(), id), id).toEqual(["after"]);
    }
    // Deleted, then written again by another server: the record is back at version 1, the version a's copy has.
    await log(a, "deleted", "before");
    await other.deleteVisitor("deleted");
    await log(b, "deleted", "again");
    expect((await storage().getVisitor("deleted"))?.version).toBe(1);
    await log(a, "deleted", "after");
    expect(await storedValues(storage(), "deleted")).toEqual(["after", "again"]);
  });

  it("lets no write from a record purged or expired, then written afresh at the same version, land", async () => {
    const b = service(await twin());
    let a: Beckon;
    if (storage().purgeVisitors !== undefined) {
      a = service(storage());
      await log(a, "gone", "before");
      await subject().ageVisitor!("gone", 2 * DAY);
      expect(await storage().purgeVisitors!({ inactiveForSeconds: DAY })).toBe(1);
    } else {
      const expires = await expiring(0.2);
      a = service(expires);
      await log(a, "gone", "before");
      while ((await expires.getVisitor("gone")) !== null) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await log(b, "gone", "again");
    expect((await storage().getVisitor("gone"))?.version).toBe(1);
    await log(a, "gone", "after");
    expect(await storedValues(storage(), "gone")).toEqual(["after", "again"]);
  });

  it("sends no write for a check that changes nothing, on a visitor served before or new to this service", async () => {
    const { storage: watched, calls, writes } = counted(storage());
    const visitor = { id: "quiet", url: "https://example.com/pricing" };
    await service(watched).check(visitor, { at });
    expect(writes()).toBe(1);
    for (const server of [service(watched), service(watched)]) {
      // The second service starts with nothing cached: it reads the visitor, then has nothing to write.
      for (let i = 1; i <= 3; i++) await server.check(visitor, { at: at + i * 10_000 });
    }
    // Its first check reads and writes; each later one reads or confirms: one call each, none of them a write.
    expect([calls(), writes()]).toEqual([8, 1]);
  });

  it("rejects a call whose change throws, writes nothing for it, and keeps the visitor's record for the next call", async () => {
    const { storage: watched, calls, writes } = counted(storage());
    const lanes = visitorLanes(watched, 4, 10);
    const visit = (url: string) => (record: VisitorRecord) => ({ record: { ...record, lastUrl: url }, result: url });
    await lanes.run("thrown", visit("/first"));
    const before = [calls(), writes()];
    const broken = (): never => {
      throw new TypeError("no such field");
    };
    await expect(lanes.run("thrown", broken)).rejects.toThrow("no such field");
    expect(await lanes.run("thrown", visit("/second"))).toBe("/second");
    // With syncVisitor the throwing call only confirms the cached record, and the next writes against it at once;
    // without, each call reads first.
    expect([calls() - (before[0] as number), writes() - (before[1] as number)]).toEqual(watched.syncVisitor === undefined ? [3, 1] : [2, 1]);
    expect((await storage().getVisitor("thrown"))?.value.lastUrl).toBe("/second");
  });

  it("writes a visitor it served before in one call to the adapter, and confirms a quiet poll in one", async () => {
    const { storage: watched, calls } = counted(storage());
    const a = service(watched);
    await log(a, "warm", "first");
    await a.check({ id: "warm" }, { at });
    const before = calls();
    await log(a, "warm", "second");
    await a.check({ id: "warm" }, { at: at + 1_000 });
    expect(calls() - before).toBe(watched.syncVisitor === undefined ? 3 : 2);
    expect(await storedValues(storage(), "warm")).toEqual(["first", "second"]);
  });
}
