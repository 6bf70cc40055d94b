// The adapter's own commands (`leanCommand`: ioredis's `Command` given its arguments after construction) against
// `Command` made the usual way as the oracle: the same protocol text on the socket, the same keys and slot for a
// cluster's routing, the same replies, for any arguments.
import fc from "fast-check";
import { Command } from "ioredis";
import { describe, expect, it } from "vitest";
import { clusterSlot, leanCommand } from "../../../src/redis/lean-command.js";

/** Commands the adapter sends, with arguments shaped as it sends them (keys first, or after a script and its key count). */
const sent = fc.oneof(
  fc.tuple(fc.constant("hget"), fc.array(fc.string({ unit: "binary" }), { minLength: 2, maxLength: 2 })),
  fc.tuple(fc.constant("hmget"), fc.array(fc.string({ unit: "binary" }), { minLength: 2, maxLength: 5 })),
  fc.tuple(fc.constant("exists"), fc.array(fc.string({ unit: "binary" }), { minLength: 1, maxLength: 3 })),
  fc
    .tuple(fc.constantFrom("evalsha", "eval"), fc.string(), fc.array(fc.string({ unit: "binary" }), { minLength: 1, maxLength: 3 }), fc.array(fc.string({ unit: "binary" }), { maxLength: 4 }))
    .map(([name, script, keys, rest]): [string, string[]] => [name, [script, String(keys.length), ...keys, ...rest]]),
);

describe("leanCommand", () => {
  it("writes what ioredis's Command writes for the same arguments (any text, surrogates and all)", () => {
    fc.assert(
      fc.property(sent, ([name, args]) => {
        expect(leanCommand(name, [...args], {}).toWritable(undefined as never)).toBe(new Command(name, [...args], {}).toWritable(undefined as never));
      }),
    );
  });

  it("names the same keys and slot as ioredis's Command, so a cluster routes it alike", () => {
    fc.assert(
      fc.property(sent, ([name, args]) => {
        const lean = leanCommand(name, [...args], {});
        const oracle = new Command(name, [...args], {});
        expect(lean.getKeys()).toEqual(oracle.getKeys());
        expect(lean.getSlot()).toBe(oracle.getSlot());
        expect(lean.args).toEqual(args);
      }),
    );
  });

  // A plain Command, not a subclass: next to ioredis's own commands a subclass's ran at half the speed.
  it("is a plain Command holding its arguments as given: nothing flattened, nothing converted", () => {
    const args = ["beckon:{b1}:v:v1", "commit"];
    const command = leanCommand("hget", args, {});
    expect(command).toBeInstanceOf(Command);
    expect(Object.getPrototypeOf(command)).toBe(Command.prototype);
    expect(command.args).toBe(args);
    expect(command.toWritable(undefined as never)).toBe("*3\r\n$4\r\nhget\r\n$16\r\nbeckon:{b1}:v:v1\r\n$6\r\ncommit\r\n");
  });

  it("goes to the slot it is given, and clusterSlot is Redis Cluster's slot of a key (its first hash tag's)", () => {
    expect(leanCommand("hget", ["k", "commit"], {}, 42).getSlot()).toBe(42);
    // Redis's own figures (CLUSTER KEYSLOT); every key of one bucket shares its tag's slot.
    expect(clusterSlot("foo")).toBe(12182);
    expect(clusterSlot("beckon:{b104}:v:v1")).toBe(13677);
    expect(clusterSlot("beckon:{b104}:counters")).toBe(13677);
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (key) => {
        expect(leanCommand("exists", [key], {}).getSlot()).toBe(clusterSlot(key));
      }),
    );
  });

  it("decodes its reply as ioredis does: bytes kept, or text in the encoding asked for", async () => {
    const bytes = leanCommand("hget", ["k", "commit"], { replyEncoding: null });
    bytes.resolve(Buffer.from("c-1"));
    expect(await bytes.promise).toEqual(Buffer.from("c-1"));
    const text = leanCommand("hmget", ["k", "version", "commit"], { replyEncoding: "utf8" });
    text.resolve([Buffer.from("3"), null]);
    expect(await text.promise).toEqual(["3", null]);
    const failing = leanCommand("evalsha", ["sha", "1", "k"], { replyEncoding: "utf8" });
    failing.reject(new Error("NOSCRIPT"));
    await expect(failing.promise).rejects.toThrow("NOSCRIPT");
  });
});
