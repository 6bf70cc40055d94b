import { describe, expect, it } from "vitest";
import { isConfigError, MAX_VISITOR_STRING_LENGTH, type Invitation } from "../../src/index.js";
import {
  createBeckon,
  createMemoryStorage,
  isStorageError,
  StorageError,
  type StorageAdapter,
} from "../../src/storage/index.js";

const t0 = Date.UTC(2026, 10, 26, 10);
const s = (seconds: number): number => t0 + seconds * 1000;

const pricing: Invitation[] = [
  { id: "pricing", urls: ["/pricing*"], urlBound: true, hideForSessionAfterClose: true, cooldownSeconds: 60, message: "Pricing?",
    conversion: { event: "ordered", withinSeconds: 3600 } },
  { id: "global", position: 10, cooldownSeconds: 60, message: "Hello" },
];

describe("createBeckon", () => {
  it("refuses a visitorCacheSize that is not a whole number ≥ 0", () => {
    for (const size of [-1, 1.5, Number.NaN]) expect(() => createBeckon({ visitorCacheSize: size })).toThrow(RangeError);
    expect(() => createBeckon({ visitorCacheSize: 0 })).not.toThrow();
  });

  it("checks a visitor, keeps the invitation current, and counts the assignment once", async () => {
    const beckon = createBeckon({ invitations: pricing });
    const first = await beckon.check({ id: "v1", url: "https://example.com/pricing" }, { pageView: true, at: s(0) });
    expect(first).toMatchObject({ status: "selected", invitation: { id: "pricing" } });
    const again = await beckon.check({ id: "v1", url: "https://example.com/pricing" }, { at: s(5) });
    expect(again.status).toBe("current");
    expect(await beckon.stats()).toEqual([
      { invitationId: "pricing", variationId: "pricing", assigned: 1, shown: 0, closed: 0, chatStarted: 0, converted: 0 },
    ]);
  });

  it("records page views: leaving a urlBound invitation's pages withdraws it", async () => {
    const beckon = createBeckon({ invitations: pricing });
    await beckon.check({ id: "v1", url: "https://example.com/pricing" }, { pageView: true, at: s(0) });
    const elsewhere = await beckon.check({ id: "v1", url: "https://example.com/blog" }, { pageView: true, at: s(10) });
    expect(elsewhere).toMatchObject({ status: "selected", invitation: { id: "global" } });
  });

  it("counts shown, closed and converted per invitation, each once", async () => {
    const beckon = createBeckon({ invitations: pricing });
    await beckon.check({ id: "v1", url: "https://example.com/pricing" }, { pageView: true, at: s(0) });
    expect(await beckon.shown("v1", s(1))).toBe(true);
    expect(await beckon.shown("v1", s(2))).toBe(false);
    expect(await beckon.convert("v1", "ordered", s(3))).toBe("converted");
    expect(await beckon.convert("v1", "ordered", s(4))).toBe("already_converted");
    expect(await beckon.closed("v1", s(5))).toBe(true);
    expect(await beckon.closed("v1", s(6))).toBe(false);
    expect(await beckon.stats()).toEqual([
      { invitationId: "pricing", variationId: "pricing", assigned: 1, shown: 1, closed: 1, chatStarted: 0, converted: 1 },
    ]);
    const suppressed = await beckon.check({ id: "v1", url: "https://example.com/pricing" }, { at: s(30) });
    expect(suppressed).toMatchObject({ status: "none", reason: "suppressed", recheckAt: s(65) });
  });

  it("starts a new session after 30 minutes without activity", async () => {
    const beckon = createBeckon({ invitations: pricing });
    await beckon.check({ id: "v1", url: "https://example.com/pricing" }, { pageView: true, at: s(0) });
    await beckon.closed("v1", s(1));
    const sameSession = await beckon.check({ id: "v1", url: "https://example.com/pricing" }, { pageView: true, at: s(120) });
    expect(sameSession.invitation?.id).toBe("global");
    await beckon.closed("v1", s(121));
    const nextSession = await beckon.check({ id: "v1", url: "https://example.com/pricing" }, { pageView: true, at: s(120 + 31 * 60) });
    expect(nextSession.invitation?.id).toBe("pricing");
  });

  it("keeps the session and the invitation on screen for a visitor polling one page for hours; counters stay", async () => {
    const beckon = createBeckon({ invitations: [{ id: "pricing", urls: ["/pricing*"], message: "Pricing?" }] });
    const page = { id: "v1", url: "https://example.com/pricing" };
    const first = await beckon.check(page, { pageView: true, at: s(0) });
    expect(first).toMatchObject({ status: "selected", invitation: { id: "pricing" } });
    await beckon.shown("v1", s(1));
    // A poll a minute for three hours, never a page view: each one is activity, so no 30-minute gap ever opens.
    for (let minute = 1; minute <= 180; minute++) {
      const poll = await beckon.check(page, { at: s(minute * 60) });
      expect({ minute, status: poll.status, id: poll.invitation?.id }).toEqual({ minute, status: "current", id: "pricing" });
    }
    expect((await beckon.visitor("v1"))?.lastActivityAt).toBe(s(180 * 60));
    expect(await beckon.stats()).toEqual([
      { invitationId: "pricing", variationId: "pricing", assigned: 1, shown: 1, closed: 0, chatStarted: 0, converted: 0 },
    ]);
  });

  it("starts a new session after 30 minutes without any check, poll or page view", async () => {
    const beckon = createBeckon({
      invitations: [{ id: "pricing", urls: ["/pricing*"], hideForSessionAfterClose: true, cooldownSeconds: 0, message: "Pricing?" }],
    });
    const page = { id: "v1", url: "https://example.com/pricing" };
    await beckon.check(page, { pageView: true, at: s(0) });
    await beckon.closed("v1", s(1));
    expect((await beckon.check(page, { at: s(29 * 60) })).status).toBe("none");
    expect((await beckon.check(page, { at: s(29 * 60 + 30 * 60 + 1) })).invitation?.id).toBe("pricing");
  });

  it("counts a chat started from an invitation on screen", async () => {
    const beckon = createBeckon({ invitations: pricing, options: { suppressAfterChatSeconds: 600 } });
    expect(await beckon.chatStarted("v1", s(0))).toBe(false);
    await beckon.check({ id: "v2", url: "https://example.com/pricing" }, { at: s(0) });
    expect(await beckon.chatStarted("v2", s(1))).toBe(true);
    expect((await beckon.check({ id: "v2" }, { at: s(2) })).reason).toBe("suppressed");
    expect((await beckon.stats())[0]).toMatchObject({ invitationId: "pricing", chatStarted: 1 });
  });

  it("logs events by their definitions and keeps the log pruned to what can count", async () => {
    const invitations: Invitation[] = [
      { id: "login", events: [{ event: "login_failed", minCount: 3, withinSeconds: 60 }], message: "Trouble?" },
    ];
    const beckon = createBeckon({ invitations, events: [{ name: "login_failed", storeTimeoutSeconds: 1 }, { name: "noise" }] });
    expect(await beckon.logEvent("v1", { name: "promo" }, s(0))).toBe("unknown_event");
    expect(await beckon.logEvent("v1", { name: "noise" }, s(0))).toBe("appended");
    for (const at of [1, 2, 3]) expect(await beckon.logEvent("v1", { name: "login_failed" }, s(at))).toBe("appended");
    expect((await beckon.visitor("v1"))?.events.map((e) => e.name)).toEqual(["login_failed", "login_failed", "login_failed"]);
    expect((await beckon.check({ id: "v1" }, { at: s(4) })).invitation?.id).toBe("login");
    await beckon.logEvent("v1", { name: "login_failed" }, s(200));
    expect((await beckon.visitor("v1"))?.events).toEqual([{ name: "login_failed", at: s(200) }]);
  });

  it("merges per-call options over the service's (operators online right now)", async () => {
    const beckon = createBeckon({ invitations: pricing });
    const nobody = await beckon.check({ id: "v1" }, { at: s(0), options: { operatorsOnline: [] } });
    expect(nobody.reason).toBe("no_operator_online");
  });

  it("shares an invitation set through storage; every server notices a new version", async () => {
    const storage = createMemoryStorage();
    let clock = s(0);
    const a = createBeckon({ storage, refreshMs: 1000, clock: { now: () => clock } });
    const b = createBeckon({ storage, refreshMs: 1000, clock: { now: () => clock } });
    expect((await b.check({ id: "v1" })).reason).toBe("no_invitations");
    expect(await a.setInvitations([{ id: "first", message: "First" }])).toBe(1);
    clock = s(0.5);
    expect((await b.check({ id: "v2" })).reason).toBe("no_invitations");
    clock = s(2);
    expect((await b.check({ id: "v3" })).invitation?.id).toBe("first");
    expect(await a.setInvitations([{ id: "second", message: "Second" }])).toBe(2);
    clock = s(4);
    expect((await b.check({ id: "v4" })).invitation?.id).toBe("second");
  });

  it("refuses an invalid invitation set with every problem, storing nothing", async () => {
    const storage = createMemoryStorage();
    const beckon = createBeckon({ storage });
    const error = await beckon.setInvitations([{ id: "a", message: "" }, { id: "a", message: "x" }]).catch((e: unknown) => e);
    expect(isConfigError(error)).toBe(true);
    expect(await storage.getInvitationSetVersion()).toBe(0);
  });

  it("gives up with a conflict StorageError when a visitor keeps changing", async () => {
    const memory = createMemoryStorage();
    const alwaysLosing: StorageAdapter = { ...memory, commitVisitor: async () => null };
    const beckon = createBeckon({ storage: alwaysLosing, invitations: pricing, maxAttempts: 3 });
    const error = await beckon.check({ id: "v1" }, { at: s(0) }).catch((e: unknown) => e);
    expect(isStorageError(error)).toBe(true);
    expect(error).toMatchObject({ code: "conflict", adapter: "memory" });
  });

  it("passes storage failures on as StorageError", async () => {
    const failing: StorageAdapter = {
      ...createMemoryStorage(),
      getVisitor: async () => {
        throw new StorageError("memory", "disk on fire", { cause: new Error("fire") });
      },
    };
    const error = await createBeckon({ storage: failing, invitations: pricing }).check({ id: "v1" }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "StorageError", adapter: "memory" });
    expect((error as Error).cause).toBeInstanceOf(Error);
  });

  it("purges the memory adapter's visitors by their last write on its clock; a clock giving no time purges nothing", async () => {
    let now = s(0);
    const storage = createMemoryStorage({ clock: { now: () => now } });
    const beckon = createBeckon({ storage, invitations: pricing });
    await beckon.check({ id: "old" }, { at: s(0) });
    now = s(3_600);
    await beckon.check({ id: "recent" }, { at: s(3_600) });
    await beckon.forgetVisitor("recent");
    now = s(7_200);
    expect(await beckon.purgeVisitors({ inactiveForSeconds: 7_201 })).toBe(0);
    expect(await beckon.purgeVisitors({ inactiveForSeconds: 3_601 })).toBe(1);
    expect(await storage.getVisitor("old")).toBeNull();
    expect(await storage.getVisitor("recent")).not.toBeNull();
    // The erasure was its last write, at 3 600 s: inactive for exactly 3 600 s now.
    expect(await beckon.purgeVisitors({ inactiveForSeconds: 3_600, batchSize: 1 })).toBe(1);
    expect(await storage.getVisitor("recent")).toBeNull();
    expect((await beckon.stats()).map((row) => row.assigned)).toEqual([2]);
    await beckon.check({ id: "v1" }, { at: s(7_200) });
    now = Number.NaN;
    expect(await beckon.purgeVisitors({ inactiveForSeconds: 1 })).toBe(0);
    expect(await storage.getVisitor("v1")).not.toBeNull();
  });

  it("refuses a clock that gives no instant with a ConfigError naming it", async () => {
    const beckon = createBeckon({ invitations: pricing });
    await expect(beckon.check({ id: "v1" }, { at: Number.NaN })).rejects.toMatchObject({
      name: "ConfigError",
      issues: [{ code: "invalid_value", path: ["at"] }],
    });
    await expect(createBeckon({ invitations: pricing, clock: { now: () => Number.NaN } }).shown("v1")).rejects.toMatchObject({
      issues: [{ path: ["clock"] }],
    });
  });

  it("rejects every malformed argument with a ConfigError naming it, and stores nothing", async () => {
    const storage = createMemoryStorage();
    const beckon = createBeckon({ invitations: pricing, storage });
    const long = "x".repeat(MAX_VISITOR_STRING_LENGTH + 1);
    const throwing = {
      id: "v1",
      get url(): string {
        throw new Error("gone");
      },
    };
    // A proxy whose every read throws, as a caller's object may be: the service reads nothing from it twice.
    const hostile = new Proxy({}, { get: () => { throw new Error("hostile"); }, ownKeys: () => { throw new Error("hostile"); } });
    const { proxy: revoked, revoke } = Proxy.revocable({}, {});
    revoke();
    const calls: [() => Promise<unknown>, (string | number)[]][] = [
      [() => beckon.check(null as never), []],
      [() => beckon.check({ id: "v1", colour: 1 } as never), ["colour"]],
      [() => beckon.check(throwing), ["url"]],
      [() => beckon.check({ id: "v1" }, null as never), ["options"]],
      [() => beckon.check({ id: "v1" }, hostile as never), ["options", "pageView"]],
      [() => beckon.check({ id: "v1" }, { pageView: "yes" } as never), ["options", "pageView"]],
      // Each option is read by name, once: the one whose getter throws is the one named.
      [() => beckon.check({ id: "v1" }, { pageView: true, get at(): number { throw new Error("gone"); } }), ["options", "at"]],
      [() => beckon.check({ id: "v1" }, { at: 1, get options(): never { throw new Error("gone"); } }), ["options", "options"]],
      [() => beckon.check({ id: "v1" }, { options: { operatorsOnline: hostile } } as never), ["options", "options", "operatorsOnline"]],
      [() => beckon.logEvent("v1", hostile as never), ["event", "name"]],
      [() => beckon.logEvent("v1", revoked as never), ["event"]],
      [() => beckon.logEvent("v1", { name: "viewed", get value(): string { throw new Error("gone"); } }), ["event", "value"]],
      [() => beckon.check({ id: "v1" }, revoked as never), ["options"]],
      [() => beckon.logEvent("v1", { name: 42 } as never), ["event", "name"]],
      [() => beckon.logEvent("v1", null as never), ["event"]],
      [() => beckon.logEvent("v1", { name: "viewed", value: ["x"] } as never), ["event", "value"]],
      [() => beckon.logEvent("v1", { name: "viewed", value: long }), ["event", "value"]],
      [() => beckon.logEvent(42 as never, { name: "viewed" }), ["visitorId"]],
      [() => beckon.shown("", s(1)), ["visitorId"]],
      [() => beckon.closed(long, s(1)), ["visitorId"]],
      [() => beckon.chatStarted(undefined as never, s(1)), ["visitorId"]],
      [() => beckon.convert("v1", 42 as never), ["eventName"]],
      [() => beckon.visitor({} as never), ["visitorId"]],
      [() => beckon.forgetVisitor(42 as never), ["visitorId"]],
      [() => beckon.forgetVisitor(long), ["visitorId"]],
      [() => beckon.purgeVisitors(hostile as never), ["options", "inactiveForSeconds"]],
      [() => beckon.purgeVisitors(revoked as never), ["options"]],
      [() => beckon.purgeVisitors({ inactiveForSeconds: Number.POSITIVE_INFINITY }), ["options", "inactiveForSeconds"]],
      [() => beckon.purgeVisitors({ inactiveForSeconds: 60, batchSize: 100_001 }), ["options", "batchSize"]],
    ];
    for (const [call, path] of calls) {
      const error: unknown = await call().then(
        () => null,
        (e: unknown) => e,
      );
      expect(isConfigError(error), String(path)).toBe(true);
      expect((error as { issues: { path: unknown[] }[] }).issues.map((issue) => issue.path)).toContainEqual(path);
    }
    expect(await storage.getVisitor("v1")).toBeNull();
  });

  it("validates fixed event definitions at creation", () => {
    const issuesOf = (events: unknown): unknown => {
      try {
        createBeckon({ invitations: pricing, events: events as never });
      } catch (error) {
        expect(isConfigError(error)).toBe(true);
        return (error as { issues: { code: string; path: unknown[] }[] }).issues.map(({ code, path }) => ({ code, path }));
      }
      return "accepted";
    };
    expect(issuesOf([null])).toEqual([{ code: "invalid_type", path: [0] }]);
    expect(issuesOf([{ name: 5 }])).toEqual([{ code: "invalid_type", path: [0, "name"] }]);
    expect(issuesOf([{ name: "login" }, { name: " Login" }])).toEqual([{ code: "duplicate_id", path: [1, "name"] }]);
    const revoked = Proxy.revocable([], {});
    revoked.revoke();
    expect(() => createBeckon({ invitations: revoked.proxy })).toThrow(expect.objectContaining({ name: "ConfigError" }));
  });

  it("throws ConfigError at creation for an invalid fixed set", () => {
    expect(() => createBeckon({ invitations: [{ id: "a", message: "" }] })).toThrow(/message/);
  });
});
