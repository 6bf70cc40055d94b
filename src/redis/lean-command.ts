import { Command } from "ioredis";

/** The options ioredis's `Command` takes. */
export type CommandOptions = NonNullable<ConstructorParameters<typeof Command>[2]>;

const NO_ARGS: string[] = [];

/**
 * An ioredis `Command` made from arguments that come as they go out: flat, every one a string, keys already named in
 * full (no key prefix of the client's to add). ioredis's constructor flattens every command's arguments with
 * `Array.prototype.flat`, which V8 runs on its generic path, a runtime call per argument (≈ 4 800 instructions of a
 * widget session's call, bench/RESULTS.md, "Twenty-third round"); here it is given none to flatten, and the
 * arguments are set afterwards. Everything else is ioredis's: the promise, the protocol text, the reply's decoding,
 * the error stack, a cluster's routing by the keys (worked out from `args` when first asked for). A plain `Command`,
 * not a subclass: a process whose ioredis also sends its own commands (any other use of the client) ran a subclass's
 * commands at half the speed. Not for a client with a `keyPrefix`: ioredis adds that in its constructor, to the
 * arguments it is given.
 *
 * @example
 * leanCommand("hget", ["beckon:{b1}:v:v1", "commit"], {}).toWritable(socket) // => "*3\r\n$4\r\nhget\r\n$16\r\nbeckon:{b1}:v:v1\r\n$6\r\ncommit\r\n"
 */
export function leanCommand(name: string, args: string[], options: CommandOptions): Command {
  const command = new Command(name, NO_ARGS, options);
  command.args = args;
  return command;
}
