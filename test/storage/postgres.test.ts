// DECISIONS (where docs/storage.md: Storage and the service and the brief are silent):
// * Documents (visitor records, invitation sets) are stored as `json`, not `jsonb`: `json` keeps the text as written,
//   so strings `jsonb` refuses (U+0000, lone surrogates) round-trip as they do in the memory and Redis adapters.
// * A commit is one statement, atomic on its own: the UPDATE/INSERT, and with increments the counter upsert in the
//   same statement, joined to the row the write returned (no row, nothing counted). Increments are summed per counter
//   and sorted first, so concurrent commits lock counter rows in one order and cannot deadlock.
// * Table names are double-quoted: `tablePrefix` "App_" makes the table "App_visitors" exactly (no case folding).
//   The prefix may be empty; it must be letters, digits and "_", not start with a digit, and be at most 48
//   characters (so no table name passes PostgreSQL's 63-byte identifier limit). A bad prefix throws a TypeError at
//   creation, as does giving both `pool` and `connectionString`. With neither, the adapter owns a pool configured
//   from pg's usual PG* environment variables.
// * A missing table (migrate() never run) rejects with a StorageError whose message says to run migrate().
// * Every call settles within `timeoutMs` (default 5 s) with a `timeout` StorageError: each statement carries it as
//   pg's `query_timeout` (a pool the caller made without timeouts included), an owned pool also as its connection
//   timeout and `statement_timeout`, and the adapter races the whole call against it (a caller's pool may wait for a
//   connection for ever). A connection whose statement timed out is dropped, not reused. Owned pools ignore
//   idle-connection 'error' events (the pool drops the dead connection itself); a caller's pool is left alone, its
//   'error' events stay the caller's to handle.
// * close() is idempotent; operations after closing an owned pool reject with a StorageError.
// * migrate() serialises on a transaction-scoped advisory lock keyed by the table prefix (PostgreSQL 11+).
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { emptyState } from "../../src/index.js";
import { createPostgresStorage, type PostgresStorage } from "../../src/postgres/index.js";
import { migrationSql } from "../../src/postgres/migration-sql.js";
import { postgresTables } from "../../src/postgres/postgres-tables.js";
import { createBeckon, isStorageError, type StorageError, type VisitorRecord } from "../../src/storage/index.js";
import { updateVisitor } from "../../src/storage/update-visitor.js";
import { describeStorageContract } from "./contract.js";
import { startCuttingProxy } from "./cutting-proxy.js";
import { SERVICE_WAIT_MS, waitForPostgres } from "../services.js";

const URL = "postgres://postgres@127.0.0.1:5432/test";
const at = Date.UTC(2026, 10, 26, 10);
const record = (lastUrl?: string): VisitorRecord => ({
  state: emptyState(),
  events: [],
  ...(lastUrl === undefined ? {} : { lastUrl }),
});
const shown = [{ invitationId: "a", variationId: "a", counter: "shown" as const }];

let pool: pg.Pool;
const namespaces: string[] = [];
const prefixes: string[] = [];

/** A namespace no other test uses; its rows are deleted after the test. */
function freshNamespace(): string {
  const namespace = `test-${randomUUID()}`;
  namespaces.push(namespace);
  return namespace;
}

/** A table prefix no other test uses; its tables are dropped after the test. */
function freshPrefix(): string {
  const prefix = `beckon_t${randomUUID().replaceAll("-", "").slice(0, 12)}_`;
  prefixes.push(prefix);
  return prefix;
}

/** The error a promise rejects with (fails the test when it resolves). */
async function rejection(promise: Promise<unknown>): Promise<StorageError> {
  const error: unknown = await promise.then(
    () => new Error("expected a rejection"),
    (e: unknown) => e,
  );
  expect(isStorageError(error)).toBe(true);
  return error as StorageError;
}

beforeAll(async () => {
  await waitForPostgres(URL);
  pool = new pg.Pool({ connectionString: URL });
  pool.on("error", () => {});
  await createPostgresStorage({ pool }).migrate();
}, SERVICE_WAIT_MS + 10_000);

afterEach(async () => {
  for (const namespace of namespaces.splice(0)) {
    for (const table of ["beckon_visitors", "beckon_counters", "beckon_invitation_sets"]) {
      await pool.query(`DELETE FROM ${table} WHERE namespace = $1`, [namespace]);
    }
  }
  for (const prefix of prefixes.splice(0)) {
    await pool.query(`DROP TABLE IF EXISTS "${prefix}visitors", "${prefix}counters", "${prefix}invitation_sets"`);
  }
});

afterAll(async () => {
  await pool.end();
});

describeStorageContract("postgres", async () => {
  const namespace = freshNamespace();
  return {
    storage: createPostgresStorage({ pool, namespace }),
    // Another server: a pool and an adapter of its own on the same namespace.
    twin: async () => createPostgresStorage({ connectionString: URL, namespace }),
    damageVisitor: async (visitorId, version, json) => {
      await pool.query(
        `INSERT INTO beckon_visitors (namespace, visitor_id, version, record) VALUES ($1, $2, $3, $4::json)
         ON CONFLICT (namespace, visitor_id) DO UPDATE SET version = EXCLUDED.version, record = EXCLUDED.record`,
        [namespace, visitorId, version, json],
      );
    },
    damageInvitationSet: async (version, json) => {
      await pool.query(
        `INSERT INTO beckon_invitation_sets (namespace, version, invitation_set) VALUES ($1, $2, $3::json)
         ON CONFLICT (namespace) DO UPDATE SET version = EXCLUDED.version, invitation_set = EXCLUDED.invitation_set`,
        [namespace, version, json],
      );
    },
    rawVisitor: async (visitorId) =>
      (
        await pool.query(`SELECT version, record::text AS record, updated_at FROM beckon_visitors WHERE namespace = $1 AND visitor_id = $2`, [
          namespace,
          visitorId,
        ])
      ).rows[0],
    // A json column refuses text that is no JSON, and a bigint version cannot be "x".
    holds: { notJson: false, textVersion: false },
    ageVisitor: async (visitorId, seconds) => {
      await pool.query(
        `UPDATE beckon_visitors SET updated_at = updated_at - $3::double precision * interval '1 second' WHERE namespace = $1 AND visitor_id = $2`,
        [namespace, visitorId, seconds],
      );
    },
  };
});

describe("createPostgresStorage", () => {
  it("creates its tables idempotently, also when 8 servers migrate at once", async () => {
    const tablePrefix = freshPrefix();
    const servers = Array.from({ length: 8 }, () => createPostgresStorage({ pool, tablePrefix }));
    await Promise.all(servers.map((server) => server.migrate()));
    await Promise.all(servers.map((server) => server.migrate()));
    const { rows } = await pool.query<{ n: string }>("SELECT count(*) AS n FROM pg_tables WHERE tablename LIKE $1", [
      `${tablePrefix}%`,
    ]);
    expect(Number(rows[0]?.n)).toBe(3);
    expect(await servers[0]?.commitVisitor("v1", record(), 0, shown)).toBe(1);
    expect(await servers[7]?.readCounters()).toEqual([{ invitationId: "a", variationId: "a", counter: "shown", value: 1 }]);
  });

  it("keeps namespaces sharing the tables apart", async () => {
    const a = createPostgresStorage({ pool, namespace: freshNamespace() });
    const b = createPostgresStorage({ pool, namespace: freshNamespace() });
    await a.commitVisitor("v1", record("/a"), 0, shown);
    await a.putInvitationSet({ invitations: [], definitions: [] });
    expect(await b.getVisitor("v1")).toBeNull();
    expect(await b.readCounters()).toEqual([]);
    expect(await b.getInvitationSetVersion()).toBe(0);
    expect(await b.commitVisitor("v1", record("/b"), 0)).toBe(1);
    await b.deleteVisitor("v1");
    expect(await a.getVisitor("v1")).toEqual({ value: record("/a"), version: 1 });
  });

  it("throws a clear error at creation for a table prefix that is not a plain identifier", () => {
    for (const tablePrefix of ['x"; DROP TABLE users; --', "1beckon_", "beckon-", "bé_", "a".repeat(49)]) {
      expect(() => createPostgresStorage({ pool, tablePrefix })).toThrow(/tablePrefix .* must be letters, digits and "_"/);
    }
    for (const tablePrefix of ["", "App_2_", "a".repeat(48)]) expect(createPostgresStorage({ pool, tablePrefix }).name).toBe("postgres");
  });

  it("throws at creation when given both a pool and a connection string", () => {
    expect(() => createPostgresStorage({ pool, connectionString: URL })).toThrow(/either `pool` or `connectionString`/);
  });

  it("rejects with a StorageError telling to run migrate() when the tables are missing", async () => {
    const storage = createPostgresStorage({ pool, tablePrefix: freshPrefix() });
    const error = await rejection(storage.getVisitor("v1"));
    expect(error).toMatchObject({ adapter: "postgres", code: "storage_failed", cause: { code: "42P01" } });
    expect(error.message).toMatch(/run migrate\(\)/);
  });

  it("rejects with a StorageError keeping the SQL error as cause", async () => {
    const storage = createPostgresStorage({ pool, namespace: freshNamespace() });
    const error = await rejection(storage.commitVisitor("v1", record(), 0, [{ ...shown[0]!, by: 1.5 }]));
    expect(error).toMatchObject({ adapter: "postgres", code: "storage_failed", cause: { code: "22P02" } });
    expect(await storage.getVisitor("v1")).toBeNull();
  });

  it("rejects with a corrupt_record StorageError for a stored document it cannot read", async () => {
    const namespace = freshNamespace();
    const storage = createPostgresStorage({ pool, namespace });
    await pool.query(`INSERT INTO beckon_visitors (namespace, visitor_id, version, record) VALUES ($1, 'v1', 1, '[]')`, [namespace]);
    await pool.query(`INSERT INTO beckon_invitation_sets (namespace, version, invitation_set) VALUES ($1, 1, '{}')`, [namespace]);
    expect(await rejection(storage.getVisitor("v1"))).toMatchObject({ adapter: "postgres", code: "corrupt_record" });
    expect(await rejection(storage.getInvitationSet())).toMatchObject({ adapter: "postgres", code: "corrupt_record" });
  });

  it("round-trips strings jsonb would refuse (U+0000, lone surrogates)", async () => {
    const storage = createPostgresStorage({ pool, namespace: freshNamespace() });
    const odd: VisitorRecord = { ...record("/a\u0000b"), events: [{ name: "typed", value: "\ud800 \udfff", at }] };
    await storage.commitVisitor("v1", odd, 0);
    expect(await storage.getVisitor("v1")).toEqual({ value: odd, version: 1 });
  });

  it("reads counters beyond 32 bits back as numbers", async () => {
    const storage = createPostgresStorage({ pool, namespace: freshNamespace() });
    await storage.commitVisitor("v1", record(), 0, [{ ...shown[0]!, by: 3_000_000_000 }, shown[0]!]);
    expect(await storage.readCounters()).toEqual([{ ...shown[0], value: 3_000_000_001 }]);
  });

  it("ends the pool it created on close, and leaves a pool it was given open", async () => {
    const owned = createPostgresStorage({ connectionString: URL, namespace: freshNamespace() });
    await owned.getVisitor("v1");
    await owned.close();
    await owned.close();
    expect(await rejection(owned.getVisitor("v1"))).toMatchObject({ adapter: "postgres" });
    await createPostgresStorage({ pool }).close();
    expect((await pool.query("SELECT 1 AS one")).rows).toEqual([{ one: 1 }]);
  });

  it("lets the calls under way finish when it closes the pool it created, and refuses the ones after", async () => {
    // More calls than the pool has connections: pg ends a pool without serving those still waiting for one, which
    // then failed at the connection timeout, reported as a server that did not answer, and close() waited as long.
    const timeoutMs = 3_000;
    const owned = createPostgresStorage({ connectionString: URL, namespace: freshNamespace(), timeoutMs });
    await owned.getVisitor("warm");
    const started = performance.now();
    const calls = Array.from({ length: 60 }, (_, i) => (i % 2 === 0 ? owned.getVisitor(`v${i}`) : owned.commitVisitor(`v${i}`, record(), 0, [])));
    const closed = owned.close();
    const outcomes = await Promise.allSettled(calls);
    expect(outcomes.filter((outcome) => outcome.status === "rejected").map((outcome) => String((outcome as PromiseRejectedResult).reason))).toEqual([]);
    await closed;
    expect(performance.now() - started).toBeLessThan(timeoutMs);
    expect(await rejection(owned.getVisitor("v1"))).toMatchObject({ adapter: "postgres", message: expect.stringContaining("the adapter is closed") });
  });
});

describe("createPostgresStorage faults", () => {
  it("rejects quickly with a StorageError when the connection is refused", async () => {
    const storage = createPostgresStorage({ connectionString: "postgres://postgres@127.0.0.1:1/test" });
    const started = performance.now();
    const error = await rejection(storage.commitVisitor("v1", record(), 0));
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(error).toMatchObject({ adapter: "postgres", code: "storage_failed", cause: { code: "ECONNREFUSED" } });
    await storage.close();
  });

  /** A visitor at version 1 with one "shown", written through a proxy that is then armed to cut at the next write with a count. */
  async function armedWrite(moment: "before" | "after") {
    const proxy = await startCuttingProxy(5432);
    const namespace = freshNamespace();
    const cut = createPostgresStorage({ connectionString: `postgres://postgres@127.0.0.1:${proxy.port}/test`, namespace });
    const direct = createPostgresStorage({ pool, namespace });
    expect(await cut.commitVisitor("v1", record("/first"), 0, shown)).toBe(1);
    proxy.cutOn((chunk) => chunk.includes("WITH written"), moment);
    const error = await rejection(cut.commitVisitor("v1", record("/second"), 1, shown));
    expect(proxy.cuts()).toBe(1);
    await cut.close();
    await proxy.close();
    return { error, stored: await direct.getVisitor("v1"), counters: await direct.readCounters() };
  }

  it("writes nothing at all when the connection is cut before the write reaches the server", async () => {
    const { error, stored, counters } = await armedWrite("before");
    expect(error).toMatchObject({ adapter: "postgres", code: "storage_failed" });
    expect(error.cause).toBeInstanceOf(Error);
    expect(stored).toEqual({ value: record("/first"), version: 1 });
    expect(counters).toEqual([{ ...shown[0], value: 1 }]);
  });

  it("writes all or nothing when the connection is cut after the write reached the server", async () => {
    const { error, stored, counters } = await armedWrite("after");
    expect(error).toMatchObject({ adapter: "postgres", code: "storage_failed" });
    expect(error.cause).toBeInstanceOf(Error);
    const outcome = { url: stored?.value.lastUrl, version: stored?.version, shown: counters[0]?.value };
    expect([
      { url: "/first", version: 1, shown: 1 },
      { url: "/second", version: 2, shown: 2 },
    ]).toContainEqual(outcome);
  });
});

describe("createPostgresStorage with two servers", () => {
  let servers: PostgresStorage[] = [];
  afterEach(async () => {
    await Promise.all(servers.map((server) => server.close()));
    servers = [];
  });

  it("loses no update when 64 writers on two pools read-modify-write one visitor at once", async () => {
    const namespace = freshNamespace();
    servers = [createPostgresStorage({ connectionString: URL, namespace }), createPostgresStorage({ connectionString: URL, namespace })];
    await Promise.all(
      Array.from({ length: 64 }, (_, i) =>
        updateVisitor(servers[i % 2]!, "busy", 1000, (current) => ({
          record: { ...current, events: [...current.events, { name: "hit", at: at + i }] },
          increments: shown,
          result: null,
        })),
      ),
    );
    const stored = await servers[0]!.getVisitor("busy");
    expect(stored?.version).toBe(64);
    expect(stored?.value.events.map((e) => e.at).sort((x, y) => x - y)).toEqual(Array.from({ length: 64 }, (_, i) => at + i));
    expect(await servers[1]!.readCounters()).toEqual([{ ...shown[0], value: 64 }]);
  });
});

describe("createPostgresStorage deadlines", () => {
  const timeoutMs = 400;
  /** How long past the deadline a call may take to settle: timers and a loaded machine. */
  const slack = 600;

  async function settlesInTime(promise: Promise<unknown>): Promise<StorageError> {
    const started = performance.now();
    const error = await rejection(promise);
    expect(performance.now() - started).toBeLessThan(timeoutMs + slack);
    return error;
  }

  it("settles every call with a timeout when the server accepts connections and answers nothing", async () => {
    const proxy = await startCuttingProxy(5432);
    proxy.silence();
    const storage = createPostgresStorage({ connectionString: `postgres://postgres@127.0.0.1:${proxy.port}/test`, timeoutMs });
    // Every call is heard from the start (awaiting them one by one left a later rejection unhandled for a moment).
    const errors = await Promise.all(
      [
        storage.getVisitor("v1"),
        storage.commitVisitor("v1", record(), 0, shown),
        storage.getInvitationSetVersion(),
        storage.readCounters(),
      ].map((call) => settlesInTime(call)),
    );
    for (const error of errors) expect(error).toMatchObject({ adapter: "postgres", code: "timeout" });
    await storage.close();
    await proxy.close();
  });

  it("settles with a timeout on a caller's pool that has no timeouts, once its connections go silent, and recovers", async () => {
    const proxy = await startCuttingProxy(5432);
    const silentPool = new pg.Pool({ connectionString: `postgres://postgres@127.0.0.1:${proxy.port}/test`, max: 2 });
    silentPool.on("error", () => {});
    const namespace = freshNamespace();
    const storage = createPostgresStorage({ pool: silentPool, namespace, timeoutMs });
    expect(await storage.commitVisitor("v1", record("/first"), 0, shown)).toBe(1);
    proxy.silence();
    const write = await settlesInTime(storage.commitVisitor("v1", record("/second"), 1, shown));
    expect(write).toMatchObject({ adapter: "postgres", code: "timeout" });
    expect(write.message).toMatch(/may or may not have landed/);
    expect(await settlesInTime(storage.getVisitor("v1"))).toMatchObject({ code: "timeout" });
    // More calls than the pool has connections: the ones waiting for a connection settle in time too.
    const queued = await Promise.all([1, 2, 3].map(() => settlesInTime(storage.readCounters())));
    expect(queued.map((error) => error.code)).toEqual(["timeout", "timeout", "timeout"]);
    proxy.resume();
    // Late answers to the abandoned statements arrive now; the pool threw those connections away and opens new ones.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const stored = await storage.getVisitor("v1");
    expect(stored?.version === 1 || stored?.version === 2).toBe(true);
    expect(await storage.commitVisitor("v1", record("/third"), stored!.version, shown)).toBe(stored!.version + 1);
    await silentPool.end();
    await proxy.close();
  });

  it("refuses a timeoutMs that is not a whole number of milliseconds above 0", () => {
    for (const timeoutMs of [0, -1, 1.5, Number.NaN]) expect(() => createPostgresStorage({ pool, timeoutMs })).toThrow(RangeError);
  });
});

describe("createPostgresStorage retention", () => {
  const DAY = 86_400;
  const age = (namespace: string, days: number) =>
    pool.query(`UPDATE beckon_visitors SET updated_at = now() - $2::double precision * interval '1 day' WHERE namespace = $1`, [namespace, days]);

  it("migrate() adds the last-write index to tables made before it, keeping their rows", async () => {
    const tablePrefix = freshPrefix();
    const tables = postgresTables(tablePrefix);
    // The tables as the first release made them: no index on updated_at, no commit_id.
    for (const statement of migrationSql(tables).filter((sql) => sql.startsWith("CREATE TABLE"))) await pool.query(statement);
    await pool.query(
      `INSERT INTO ${tables.visitors} (namespace, visitor_id, version, record, updated_at) VALUES
       ('default', 'old', 7, $1::json, now() - interval '40 days'), ('default', 'new', 2, $1::json, now())`,
      [JSON.stringify(record("/kept"))],
    );
    const storage = createPostgresStorage({ pool, tablePrefix });
    await storage.migrate();
    const { rows } = await pool.query("SELECT indexdef FROM pg_indexes WHERE indexname = $1", [`${tablePrefix}visitors_by_age`]);
    expect(rows.map((row) => row.indexdef)).toEqual([expect.stringMatching(/\(namespace, updated_at\)$/)]);
    expect(await storage.getVisitor("old")).toEqual({ value: record("/kept"), version: 7 });
    expect(await storage.purgeVisitors({ inactiveForSeconds: 30 * DAY })).toBe(1);
    expect(await storage.getVisitor("old")).toBeNull();
    expect(await storage.getVisitor("new")).toEqual({ value: record("/kept"), version: 2 });
  });

  it("migrate() adds commit_id to tables made before it; their rows are written on through the service", async () => {
    const tablePrefix = freshPrefix();
    const tables = postgresTables(tablePrefix);
    for (const statement of migrationSql(tables).filter((sql) => sql.startsWith("CREATE TABLE"))) await pool.query(statement);
    await pool.query(`INSERT INTO ${tables.visitors} (namespace, visitor_id, version, record) VALUES ('default', 'old', 7, $1::json)`, [
      JSON.stringify(record("/kept")),
    ]);
    const storage = createPostgresStorage({ pool, tablePrefix });
    await storage.migrate();
    await storage.migrate();
    const beckon = createBeckon({ storage, invitations: [{ id: "hello", message: "Hello" }] });
    await beckon.check({ id: "old", url: "/next" }, { at: Date.UTC(2026, 11, 2) });
    await beckon.check({ id: "old", url: "/last" }, { at: Date.UTC(2026, 11, 2, 1) });
    const { rows } = await pool.query(`SELECT version, commit_id FROM ${tables.visitors} WHERE visitor_id = 'old'`);
    expect(rows).toEqual([{ version: "9", commit_id: expect.stringMatching(/^[\w-]{16}\.[0-9a-z]+$/) }]);
    expect((await storage.getVisitor("old"))?.value.lastUrl).toBe("/last");
  });

  it("purges past a row another transaction holds, without waiting for it, and leaves that row", async () => {
    const namespace = freshNamespace();
    const storage = createPostgresStorage({ pool, namespace });
    await storage.commitVisitor("held", record("/held"), 0);
    await storage.commitVisitor("idle", record("/idle"), 0);
    await age(namespace, 2);
    const holder = await pool.connect();
    try {
      await holder.query("BEGIN");
      await holder.query("SELECT 1 FROM beckon_visitors WHERE namespace = $1 AND visitor_id = 'held' FOR UPDATE", [namespace]);
      // Waiting for the held row would end in the adapter's 5 s timeout instead.
      expect(await storage.purgeVisitors({ inactiveForSeconds: DAY })).toBe(1);
      await holder.query("COMMIT");
    } finally {
      holder.release();
    }
    expect(await storage.getVisitor("held")).toEqual({ value: record("/held"), version: 1 });
    expect(await storage.getVisitor("idle")).toBeNull();
  });

  it("lets commits on other visitors through while a purge runs, and loses no visitor written during it", async () => {
    const namespace = freshNamespace();
    const storage = createPostgresStorage({ pool, namespace });
    const beckon = createBeckon({
      storage,
      invitations: [{ id: "a", message: "A", events: [{ event: "viewed", minCount: 1 }] }],
      events: [{ name: "viewed", filterByValue: true }],
    });
    const aged = 20_000;
    await pool.query(
      `INSERT INTO beckon_visitors (namespace, visitor_id, version, record, updated_at)
       SELECT $1, 'aged-' || i, 1, $2::json, now() - interval '2 days' FROM generate_series(1, $3::int) AS i`,
      [namespace, JSON.stringify(record("/aged")), aged],
    );
    let purging = true;
    const purge = storage.purgeVisitors({ inactiveForSeconds: DAY, batchSize: 200 }).finally(() => {
      purging = false;
    });
    // Alternately a visitor the purge does not concern and one it may be removing right now.
    const written: string[] = [];
    let landedDuringPurge = 0;
    for (let i = 1; purging; i++) {
      const id = i % 2 === 0 ? `fresh-${i}` : `aged-${i}`;
      await beckon.logEvent(id, { name: "viewed", value: id }, at + i);
      written.push(id);
      if (purging) landedDuringPurge++;
    }
    const purged = await purge;
    expect(landedDuringPurge).toBeGreaterThanOrEqual(3);
    for (const id of written) expect((await storage.getVisitor(id))?.value.events.map((event) => event.value), id).toEqual([id]);
    // Every inactive visitor went, but for those written before the purge reached them (a purged one written
    // afterwards is a new record, holding its event as checked above).
    const { rows } = await pool.query<{ n: string }>(
      "SELECT count(*) AS n FROM beckon_visitors WHERE namespace = $1 AND updated_at < now() - interval '1 day'",
      [namespace],
    );
    expect(Number(rows[0]?.n)).toBe(0);
    expect(purged).toBeLessThanOrEqual(aged);
    expect(purged).toBeGreaterThanOrEqual(aged - written.filter((id) => id.startsWith("aged-")).length);
  });
});
