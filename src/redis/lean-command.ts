import { Buffer } from "node:buffer";
import { Command } from "ioredis";

/** The options ioredis's `Command` takes. */
export type CommandOptions = NonNullable<ConstructorParameters<typeof Command>[2]>;

const NO_ARGS: string[] = [];

/**
 * An ioredis `Command` whose arguments come as they go out: flat, every one a string, keys already named in full (no
 * key prefix of the client's to add). ioredis's own constructor flattens every command's arguments with
 * `Array.prototype.flat`, which V8 runs on its generic path (a runtime call per argument: ≈ 4 800 instructions of a
 * widget session's call), and its `toWritable` looks the global `Buffer` up once per argument; this one hands ioredis
 * no arguments to flatten and writes the protocol text itself (bench/RESULTS.md, "Twenty-third round"). Everything
 * else is ioredis's: the promise, the reply's decoding, the error stack, a cluster's routing by the keys (worked out
 * from `args` when first asked for, after they are set here). Not for a client with a `keyPrefix`: ioredis adds that
 * in its constructor, to the arguments it was given.
 *
 * @example
 * new LeanCommand("hget", ["beckon:{b1}:v:v1", "commit"], {}).toWritable() // => "*3\r\n$4\r\nhget\r\n$16\r\nbeckon:{b1}:v:v1\r\n$6\r\ncommit\r\n"
 */
export class LeanCommand extends Command {
  constructor(name: string, args: string[], options: CommandOptions) {
    super(name, NO_ARGS, options);
    this.args = args;
  }

  /** The command in Redis's protocol (RESP): what ioredis's own `toWritable` writes for string arguments. */
  override toWritable(): string {
    const args = this.args as string[];
    // Command names are ASCII: their length is their length in bytes.
    let text = `*${args.length + 1}\r\n$${this.name.length}\r\n${this.name}\r\n`;
    for (let i = 0; i < args.length; i++) {
      const arg = args[i] as string;
      text += `$${Buffer.byteLength(arg)}\r\n${arg}\r\n`;
    }
    return text;
  }
}
