// The Redis adapter's confirmation (syncVisitor with a tag and no record), on one server and on a cluster: what it
// answers for every way the stored record can stand, and in how many commands (one while the tag holds).
import type { Cluster, Redis } from "ioredis";
import { expect } from "vitest";
import { emptyState } from "../../src/index.js";
import { createRedisStorage } from "../../src/redis/index.js";
import type { VisitorRecord, VisitorTag } from "../../src/storage/index.js";
import { recordKey } from "./redis-keys-under.js";

const record = (lastUrl: string): VisitorRecord => ({ state: emptyState(), events: [], lastUrl });

/** Counts the commands `client` sends from now on. */
function countCommands(client: Redis | Cluster): () => number {
  let sent = 0;
  const methods = client as unknown as { sendCommand: (...rest: unknown[]) => unknown };
  const send = methods.sendCommand.bind(client);
  methods.sendCommand = (...rest: unknown[]) => {
    sent++;
    return send(...rest);
  };
  return () => sent;
}

/**
 * Runs every case of the confirmation against a new adapter over `client` (its own client: its commands are counted)
 * under `prefix`; `direct` changes what is stored behind the adapter's back. With `legacyKey`, the layout still
 * reads beckon 0.1's key (one server).
 */
export async function confirmCases(client: Redis | Cluster, direct: Redis | Cluster, prefix: string, legacyKey?: (visitorId: string) => string): Promise<void> {
  const storage = createRedisStorage({ client, prefix, coalesceWrites: false });
  const sync = storage.syncVisitor!;
  const key = recordKey(prefix, "v1");
  const written = await sync("v1", { version: 0, commit: null }, record("/1"));
  if (!written.ok || written.tag === null) throw new Error("the first write did not land");
  const tag: VisitorTag = written.tag;
  // Once first, so that the server has cached the scripts (a server without one costs one more command, once).
  expect(await sync("v1", tag)).toEqual({ ok: true, tag });
  const sent = countCommands(client);
  // A tag that holds costs one command (an HGET of the commit id; for a tag without one, an HMGET of the version and
  // commit id; for nothing stored, an EXISTS); one that does not, the read of the record as well (on one server, where
  // a 0.1 key may still be read, the script's read of both keys in one command).
  const confirm = async (expected: VisitorTag, commands = 1): Promise<unknown> => {
    const before = sent();
    const answer = await sync("v1", expected);
    expect(sent() - before).toBe(commands);
    return answer;
  };

  // The tag holds.
  expect(await confirm(tag)).toEqual({ ok: true, tag });
  // Another server wrote: the record stored now comes back.
  await direct.hset(key, "version", String(tag.version + 1), "value", JSON.stringify(record("/2")), "commit", "theirs");
  expect(await confirm(tag, 2)).toEqual({ ok: false, current: { value: record("/2"), version: tag.version + 1, commit: "theirs" } });
  // A record stored without a commit id (by hand, or an older writer) holds only for a tag without one.
  await direct.hdel(key, "commit");
  const bare = { version: tag.version + 1, commit: null };
  expect(await confirm(bare)).toEqual({ ok: true, tag: bare });
  expect(await confirm({ version: tag.version + 1, commit: "theirs" }, 2)).toEqual({ ok: false, current: { value: record("/2"), ...bare } });
  // The same version with another commit id: a record that expired and was written again from 1.
  await direct.hset(key, "commit", "again");
  expect(await confirm({ version: tag.version + 1, commit: "theirs" }, 2)).toMatchObject({ ok: false, current: { commit: "again" } });
  // Commit ids that are not ASCII are compared as text.
  await direct.hset(key, "commit", "thé·1");
  expect(await confirm({ version: tag.version + 1, commit: "thé·1" })).toEqual({ ok: true, tag: { version: tag.version + 1, commit: "thé·1" } });
  expect(await confirm({ version: tag.version + 1, commit: "thé·2" }, 2)).toMatchObject({ ok: false, current: { commit: "thé·1" } });
  // Erased: a tag that expected a record finds none; nothing stored is what version 0 expects.
  await direct.del(key);
  expect(await confirm(tag, 2)).toEqual({ ok: false, current: null });
  const nothing = { version: 0, commit: null };
  expect(await confirm(nothing)).toEqual({ ok: true, tag: nothing });
  // Nothing expected, but another server has stored a record since: it comes back (the EXISTS, then the read).
  await direct.hset(key, "version", "1", "value", JSON.stringify(record("/new")), "commit", "new");
  expect(await confirm(nothing, 2)).toEqual({ ok: false, current: { value: record("/new"), version: 1, commit: "new" } });
  await direct.del(key);
  // The commit id names the write, version included: a version edited by hand behind the same commit id is not read
  // by a confirmation (one command, the commit id alone), and the next write, which compares both, reports it.
  await direct.hset(key, "version", "one", "value", JSON.stringify(record("/3")), "commit", "x");
  expect(await confirm({ version: 1, commit: "x" })).toEqual({ ok: true, tag: { version: 1, commit: "x" } });
  await expect(sync("v1", { version: 1, commit: "x" }, record("/4"))).rejects.toMatchObject({ name: "StorageError", code: "corrupt_record", visitorId: "v1" });
  expect(await direct.hget(key, "value")).toBe(JSON.stringify(record("/3")));
  // A version that is not a whole number, for a tag without a commit id, is reported, not confirmed.
  await direct.hdel(key, "commit");
  await expect(sync("v1", { version: 1, commit: null })).rejects.toMatchObject({ name: "StorageError", code: "corrupt_record", visitorId: "v1" });
  await direct.del(key);
  if (legacyKey === undefined) return;
  // A record beckon 0.1 left under its old key is answered (the next write moves it), for any tag.
  await direct.hset(legacyKey("v1"), "version", "4", "value", JSON.stringify(record("/old")), "commit", "old");
  const old = { ok: false, current: { value: record("/old"), version: 4, commit: "old" } };
  // Nothing expected: an EXISTS of both keys finds it, and the script's read of both brings it.
  expect(await confirm(nothing, 2)).toEqual(old);
  expect(await confirm({ version: 4, commit: "old" }, 2)).toEqual(old);
  await direct.del(legacyKey("v1"));
  expect(await confirm(nothing)).toEqual({ ok: true, tag: nothing });
}
