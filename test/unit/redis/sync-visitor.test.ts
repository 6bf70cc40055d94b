// The Redis adapter's write sent to a server that has not cached its script: the script's source follows, with the
// same keys and arguments, and any other failure is the call's. (What the scripts answer is pinned on a real server
// in test/storage/redis.test.ts and test/storage/confirm-cases.ts.) The stand-in answers the adapter's own ioredis
// `Command`s, as a connection would.
import { describe, expect, it } from "vitest";
import { emptyState } from "../../../src/index.js";
import type { Command } from "ioredis";
import type { RedisClient } from "../../../src/redis/open-client.js";
import { RedisCall } from "../../../src/redis/redis-call.js";
import type { VisitorKeys } from "../../../src/redis/redis-keys.js";
import { syncVisitor, writeHead, type SyncTarget } from "../../../src/redis/sync-visitor.js";
import { deadlineList } from "../../../src/storage/deadlines.js";
import { counterKey } from "../../../src/storage/counter-key.js";

type Sent = [string, ...string[]];

/**
 * A client whose EVALSHA fails with `failure`; EVAL answers `reply`. Every command is kept in `sent` with its
 * arguments as the adapter's `Command` holds them (lists flattened, numbers as strings, as ioredis sends them).
 */
function standIn(failure: Error, reply: unknown): { target: (keys: VisitorKeys) => SyncTarget; sent: Sent[] } {
  const sent: Sent[] = [];
  const client = {
    options: {},
    sendCommand(command: Command) {
      sent.push([command.name, ...(command.args as string[])]);
      if (command.name === "evalsha") command.reject(failure);
      else command.resolve(reply);
      return command.promise;
    },
  } as unknown as RedisClient;
  const setting = { client, deadlines: deadlineList(5_000), timeoutMs: 5_000, explain: (error: unknown) => error };
  return {
    target: (keys) => ({ keys, head: writeHead(0, keys.legacy !== undefined), call: new RedisCall(setting, "writing a visitor", "v1") }),
    sent,
  };
}

const noScript = new Error("NOSCRIPT No matching script. Please use EVAL.");
const tag = { version: 3, commit: "c-3" };
const record = { state: emptyState(), events: [] };
const increment = { invitationId: "a", variationId: "a", counter: "shown" as const, by: 2 };

describe("syncVisitor's write on a server without its script", () => {
  const layouts: [string, VisitorKeys, string[]][] = [
    ["a cluster's keys", { record: "p:{b1}:v:v1", counters: "p:{b1}:counters" }, ["p:{b1}:v:v1", "p:{b1}:counters"]],
    [
      "one server's keys, 0.1 key included",
      { record: "p:{b1}:v:v1", counters: "p:{b1}:counters", legacy: "p:v:v1" },
      ["p:{b1}:v:v1", "p:{b1}:counters", "p:v:v1"],
    ],
  ];
  for (const [name, keys, named] of layouts) {
    it(`sends the script's source with the same keys, record and counters, and answers as the script does (${name})`, async () => {
      const { target, sent } = standIn(noScript, 4);
      const answer = await syncVisitor(target(keys), "v1", tag, record, [increment]);
      expect(answer).toMatchObject({ ok: true, tag: { version: 4 } });
      expect(sent.map(([command]) => command)).toEqual(["evalsha", "eval"]);
      const [first, second] = sent as [Sent, Sent];
      const old = keys.legacy === undefined ? "0" : "1";
      expect(first.slice(2)).toEqual([String(named.length), ...named, expect.stringMatching(new RegExp(`^0 ${old} 3 \\S+ c-3$`)), JSON.stringify(record), counterKey(increment), "2"]);
      expect(second.slice(2)).toEqual(first.slice(2));
      expect(String(second[1])).toContain('redis.call("HSET", KEYS[1], "version", version + 1');
    });
  }

  it("answers with the record the script found when the tag no longer holds", async () => {
    const value = JSON.stringify(record);
    const { target } = standIn(noScript, [0, "4", value, "theirs"]);
    const keys = { record: "p:{b1}:v:v1", counters: "p:{b1}:counters" };
    expect(await syncVisitor(target(keys), "v1", tag, record, [])).toEqual({ ok: false, current: { value: record, version: 4, commit: "theirs" } });
  });

  it("fails with any other error, named as a StorageError around it, without sending the source", async () => {
    const refused = new Error("connect ECONNREFUSED 127.0.0.1:6379");
    const { target, sent } = standIn(refused, 1);
    const keys = { record: "p:{b1}:v:v1", counters: "p:{b1}:counters" };
    await expect(syncVisitor(target(keys), "v1", tag, record, [])).rejects.toMatchObject({
      name: "StorageError",
      message: "redis storage: failed writing a visitor: connect ECONNREFUSED 127.0.0.1:6379",
      cause: refused,
    });
    expect(sent.map(([command]) => command)).toEqual(["evalsha"]);
  });
});
