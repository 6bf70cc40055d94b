/** What a command reads and writes: the process's files and streams in the executable. */
export interface CliIo {
  /** Reads a file's bytes, or standard input's for `-`. Rejects with the system's error (ENOENT…). */
  readBytes(path: string): Promise<Uint8Array>;
  out(text: string): void;
  err(text: string): void;
  /** Colour only when writing to a terminal (and `NO_COLOR` is not set). */
  colour: boolean;
}

/** Exit codes: all is well; findings or invalid input; a usage error (unknown command or option, a bad value). */
export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

/** A problem with how the command was called: exit code 2 with the message and a pointer to `--help`. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

/** An input file that cannot be read or is not JSON: exit code 1 with the message. */
export class InputError extends Error {
  override readonly name = "InputError";
}
