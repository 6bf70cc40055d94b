// Retention and erasure, part of the storage contract every adapter runs (describeStorageContract calls this):
// forgetVisitor erases state and events and keeps counters; a write read before an erasure never lands after it, on
// any adapter and from any server; calls racing an erasure on two servers follow one rule (below); inactive visitors
// go, by purgeVisitors (memory, PostgreSQL) or by the adapter's own expiry (Redis).
import fc from "fast-check";
import { expect, it } from "vitest";
import { emptyState, isConfigError } from "../../src/index.js";
import { createBeckon, emptyVisitorRecord, type Beckon, type StorageAdapter, type VisitorRecord } from "../../src/storage/index.js";
import { updateVisitor } from "../../src/storage/update-visitor.js";
import type { ContractSubject } from "./contract.js";
import { visitorRecordCorruptions } from "./corruptions.js";

/** What the retention tests need from the contract suite's current test. */
export interface RetentionContext {
  subject(): ContractSubject;
  /** A second adapter over the same data (closed by the suite). */
  twin(): Promise<StorageAdapter>;
  /** The subject's `expiring` adapter, closed by the suite. */
  expiring(ttlSeconds: number): Promise<StorageAdapter>;
}

const at = Date.UTC(2026, 10, 26, 10);
const DAY = 86_400;
const shown = { invitationId: "a", variationId: "a", counter: "shown" as const };
const full = (value: string): VisitorRecord => ({ state: emptyState(), events: [{ name: "viewed", at, value }], lastUrl: `/${value}` });
const events = [{ name: "viewed", filterByValue: true }];
// The invitation counts "viewed", so the service keeps those events in the log (it prunes what no condition counts).
const invitations = [{ id: "a", message: "A", events: [{ event: "viewed", minCount: 1 }] }];
const service = (storage: StorageAdapter): Beckon => createBeckon({ storage, invitations, events });

/** The values of a visitor's stored events (none when nothing is stored). */
async function storedValues(storage: StorageAdapter, visitorId: string): Promise<Set<string | undefined>> {
  return new Set((await storage.getVisitor(visitorId))?.value.events.map((event) => event.value));
}

export function retentionContract({ subject, twin, expiring }: RetentionContext): void {
  const storage = (): StorageAdapter => subject().storage;

  it("forgets a visitor: the empty record at the next version, counters kept", async () => {
    await storage().commitVisitor("v1", full("one"), 0, [shown]);
    await storage().commitVisitor("v1", full("two"), 1, [shown]);
    const counters = await storage().readCounters();
    expect(await storage().forgetVisitor("v1")).toBe(true);
    expect(await storage().getVisitor("v1")).toEqual({ value: emptyVisitorRecord(), version: 3 });
    expect(await storage().readCounters()).toEqual(counters);
    expect(counters).toEqual([{ ...shown, value: 2 }]);
    expect(await storage().forgetVisitor("nobody")).toBe(false);
    expect(await storage().getVisitor("nobody")).toBeNull();
  });

  it("lets no write read before an erasure land after it, however often the visitor is written again", async () => {
    await storage().commitVisitor("v1", full("before"), 0);
    await storage().commitVisitor("v1", full("before-2"), 1);
    const stale = await storage().getVisitor("v1");
    const other = await twin();
    expect(await other.forgetVisitor("v1")).toBe(true);
    for (let i = 0; i < 3; i++) {
      expect(await storage().commitVisitor("v1", full("stale"), stale?.version ?? -1, [shown])).toBeNull();
      await updateVisitor(other, "v1", 16, (record) => ({ record: { ...record, events: [...record.events, { name: "viewed", at, value: `after-${i}` }] }, result: null }));
    }
    expect(await storedValues(storage(), "v1")).toEqual(new Set(["after-0", "after-1", "after-2"]));
    expect(await storage().readCounters()).toEqual([]);
  });

  it("erases a damaged record too: a bad document is emptied, a record with a bad version removed", async () => {
    for (const [i, corruption] of visitorRecordCorruptions().entries()) {
      await subject().damageVisitor(`broken-${i}`, 4, corruption.json);
      expect(await storage().forgetVisitor(`broken-${i}`), corruption.name).toBe(true);
      expect(await storage().getVisitor(`broken-${i}`), corruption.name).toEqual({ value: emptyVisitorRecord(), version: 5 });
    }
    await subject().damageVisitor("bad-version", 0, JSON.stringify(full("x")));
    expect(await storage().forgetVisitor("bad-version")).toBe(true);
    expect(await storage().getVisitor("bad-version")).toBeNull();
  });

  it("through the service, a call after forgetVisitor starts from the empty record", async () => {
    const beckon = service(storage());
    await beckon.logEvent("v1", { name: "viewed", value: "before" }, at);
    await beckon.check({ id: "v1" }, { pageView: true, at });
    expect(await beckon.forgetVisitor("v1")).toBe(true);
    expect(await beckon.visitor("v1")).toEqual(emptyVisitorRecord());
    await beckon.logEvent("v1", { name: "viewed", value: "after" }, at + 1);
    expect((await beckon.visitor("v1"))?.events).toEqual([{ name: "viewed", at: at + 1, value: "after" }]);
    expect(await beckon.stats()).toEqual([{ invitationId: "a", variationId: "a", assigned: 1, shown: 0, closed: 0, chatStarted: 0, converted: 0 }]);
  });

  // The rule: a call that resolved before forgetVisitor was called is erased; a call made after it resolved is kept;
  // a call in flight meanwhile is either erased or kept whole, never half, and nothing else is ever stored.
  it("keeps the erasure rule for calls racing forgetVisitor on two servers", async () => {
    const servers = [service(storage()), service(await twin())];
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.record({ before: fc.nat(6), during: fc.nat(12), after: fc.nat(6), forgetter: fc.nat(1), spread: fc.array(fc.nat(1), { minLength: 24, maxLength: 24 }) }),
        async ({ before, during, after, forgetter, spread }) => {
          const id = `racing-${run++}`;
          const log = (phase: string, n: number) =>
            Array.from({ length: n }, (_, i) => servers[spread[i] ?? 0]!.logEvent(id, { name: "viewed", value: `${phase}-${i}` }, at + i));
          await Promise.all(log("before", before));
          const inFlight = log("during", during);
          await servers[forgetter]!.forgetVisitor(id);
          const made = log("after", after);
          const answers = await Promise.all([...inFlight, ...made]);
          expect(answers.every((answer) => answer === "appended")).toBe(true);
          const stored = await storedValues(storage(), id);
          const kept = [...stored].filter((value) => !/^(during|after)-\d+$/.test(value ?? ""));
          expect(kept).toEqual([]);
          for (let i = 0; i < after; i++) expect(stored.has(`after-${i}`)).toBe(true);
        },
      ),
      { numRuns: 12 },
    );
  });

  it("lets inactive visitors go: purgeVisitors, or the adapter's own expiry", async () => {
    const { purgeVisitors } = storage();
    if (purgeVisitors !== undefined) return purgesExactlyTheInactive(subject());
    expect(
      subject().expiring,
      "a subject whose adapter has no purgeVisitors gives `expiring` (Redis: expiring: async (ttlSeconds) => createRedisStorage({ client, prefix, visitorTtlSeconds: ttlSeconds }))",
    ).toBeDefined();
    return expiresOnItsOwn(await expiring(0.5));
  });

  it("checks purgeVisitors' options (adapters that have it) and the service says where retention lives otherwise", async () => {
    const beckon = service(storage());
    const bad: [unknown, (string | number)[]][] = [
      [{ inactiveForSeconds: 0 }, ["options", "inactiveForSeconds"]],
      [{ inactiveForSeconds: Number.NaN }, ["options", "inactiveForSeconds"]],
      [{ inactiveForSeconds: "1" }, ["options", "inactiveForSeconds"]],
      [{ inactiveForSeconds: 1, batchSize: 0 }, ["options", "batchSize"]],
      [{ inactiveForSeconds: 1, batchSize: 1.5 }, ["options", "batchSize"]],
      [null, ["options"]],
    ];
    for (const [options, path] of bad) {
      const error: unknown = await beckon.purgeVisitors(options as never).catch((e: unknown) => e);
      expect(isConfigError(error) && error.issues[0]?.path, JSON.stringify(options)).toEqual(path);
    }
    if (storage().purgeVisitors === undefined) {
      await expect(beckon.purgeVisitors({ inactiveForSeconds: DAY })).rejects.toThrow(new RegExp(`${storage().name} adapter has no purgeVisitors`));
    } else {
      expect(await beckon.purgeVisitors({ inactiveForSeconds: DAY })).toBe(0);
    }
  });
}

/** The law of purgeVisitors against a filter over the ages given: whole days, so the seconds a test takes never count. */
async function purgesExactlyTheInactive(subject: ContractSubject): Promise<void> {
  const { storage, ageVisitor } = subject;
  expect(ageVisitor, "a subject whose adapter purges can age its visitors").toBeDefined();
  let run = 0;
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.nat(10), { maxLength: 12 }),
      fc.integer({ min: 1, max: 10 }),
      fc.integer({ min: 1, max: 5 }),
      async (ages, days, batchSize) => {
        const ids = ages.map((_, i) => `aged-${run}-${i}`);
        run++;
        for (const [i, id] of ids.entries()) {
          await storage.commitVisitor(id, full(id), 0, [shown]);
          await ageVisitor!(id, (ages[i] ?? 0) * DAY);
        }
        const counters = await storage.readCounters();
        const inactive = ids.filter((_, i) => (ages[i] ?? 0) >= days);
        expect(await storage.purgeVisitors!({ inactiveForSeconds: days * DAY, batchSize })).toBe(inactive.length);
        for (const id of ids) {
          expect(await storage.getVisitor(id), id).toEqual(inactive.includes(id) ? null : { value: full(id), version: 1 });
        }
        expect(await storage.readCounters()).toEqual(counters);
        for (const id of ids) await storage.deleteVisitor(id);
      },
    ),
    { numRuns: 15 },
  );
}

/** An adapter without purgeVisitors expires a visitor's whole record (state and events) after its TTL, an erased one too. */
async function expiresOnItsOwn(expiring: StorageAdapter): Promise<void> {
  await expiring.commitVisitor("v1", full("one"), 0, [shown]);
  await expiring.commitVisitor("v2", full("two"), 0);
  await expiring.forgetVisitor("v2");
  expect(await expiring.getVisitor("v1")).not.toBeNull();
  const deadline = Date.now() + 10_000;
  while ((await expiring.getVisitor("v1")) !== null || (await expiring.getVisitor("v2")) !== null) {
    expect(Date.now(), "visitors gone within 10 s of a 0.5 s TTL").toBeLessThan(deadline);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  expect(await expiring.readCounters()).toEqual([{ ...shown, value: 1 }]);
}
