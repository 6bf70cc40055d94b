import { Command } from "ioredis";

/** The options ioredis's `Command` takes. */
export type CommandOptions = NonNullable<ConstructorParameters<typeof Command>[2]>;

const NO_ARGS: string[] = [];

/**
 * An ioredis `Command` made from arguments that come as they go out: flat, every one a string, keys already named in
 * full (no key prefix of the client's to add). ioredis's constructor flattens every command's arguments with
 * `Array.prototype.flat`, which V8 runs on its generic path, a runtime call per argument (≈ 4 300 instructions of a
 * widget session's call, bench/RESULTS.md, "Twenty-third round"); here it is given none to flatten, and the
 * arguments are set afterwards. Everything else is ioredis's: the promise, the protocol text, the reply's decoding,
 * the error stack, a cluster's routing. On a cluster ioredis finds the keys in the arguments by the command's key
 * spec and hashes the first, on every command; given `slot` (the first key's {@link clusterSlot}, kept per visitor),
 * it does neither. A plain `Command`, not a subclass: a process whose ioredis also sends its own commands (any other
 * use of the client) ran a subclass's commands at half the speed. Not for a client with a `keyPrefix`: ioredis adds
 * that in its constructor, to the arguments it is given.
 *
 * @example
 * leanCommand("hget", ["beckon:{b1}:v:v1", "commit"], {}).toWritable(socket) // => "*3\r\n$4\r\nhget\r\n$16\r\nbeckon:{b1}:v:v1\r\n$6\r\ncommit\r\n"
 */
export function leanCommand(name: string, args: string[], options: CommandOptions, slot?: number): Command {
  const command = new Command(name, NO_ARGS, options);
  command.args = args;
  // ioredis keeps the slot it works out in this field and reads it from there first (`getSlot`).
  if (slot !== undefined) (command as unknown as { slot: number }).slot = slot;
  return command;
}

/**
 * The Redis Cluster slot of `key` (its hash tag's, or the whole key's: CRC16 modulo 16 384), worked out by ioredis
 * itself, so that a command given it ({@link leanCommand}) goes where ioredis would send it. Once per visitor: the
 * adapter keeps it with the visitor's keys.
 *
 * @example
 * clusterSlot("foo") // => 12182
 * clusterSlot("beckon:{b104}:v:v1") === clusterSlot("beckon:{b104}:counters") // => true
 */
export function clusterSlot(key: string): number {
  return new Command("exists", [key]).getSlot();
}
