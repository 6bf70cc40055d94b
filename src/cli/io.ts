/** What a command reads and writes: the process's streams in the executable, strings in tests. */
export interface CliIo {
  /** Reads a file's text, or standard input for `-`. Rejects with the system's error (ENOENT…). */
  readText(path: string): Promise<string>;
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
