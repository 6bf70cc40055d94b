// The `beckon` executable: hands the process's arguments and streams to runCli and exits with its code.
import { readFile } from "node:fs/promises";
import { printable } from "./printable.js";
import { runCli } from "./run-cli.js";
import { stopOnWriteError } from "./stop-on-write-error.js";

// Bytes, not text: the commands decode them and refuse what is not UTF-8 (decode-utf8.ts).
async function readBytes(path: string): Promise<Uint8Array> {
  if (path !== "-") return readFile(path);
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const exit = (code: number): never => process.exit(code);
stopOnWriteError(process.stdout, "standard output", process.stderr, exit);
stopOnWriteError(process.stderr, "standard error", process.stderr, exit);

const colour = process.stdout.isTTY === true && process.env.NO_COLOR === undefined && !process.argv.includes("--json");

process.exitCode = await runCli(process.argv.slice(2), {
  readBytes,
  // Control characters from the input files are shown, never acted on by the terminal (printable.ts).
  out: (text) => process.stdout.write(printable(text, colour)),
  err: (text) => process.stderr.write(printable(text, colour)),
  colour,
});
