/**
 * Makes a failed write to standard output or standard error end the program as a command-line tool should, instead
 * of Node's stack trace for an unhandled 'error' event:
 *
 * - EPIPE (the reader went away: `beckon lint big.json | head -1`) ends it quietly with exit code 0, as `head` and
 *   the Node tools that handle it do (the `epipebomb` idiom): nobody reads the rest, and that is not beckon failing.
 * - Any other failure (ENOSPC: `beckon validate x.json > /dev/full`) ends it with one line on standard error, when
 *   that can still be written, and exit code 1.
 *
 * @example
 * stopOnWriteError(process.stdout, "standard output", process.stderr, (code) => process.exit(code));
 */
export function stopOnWriteError(stream: NodeJS.WritableStream, name: string, report: NodeJS.WritableStream, exit: (code: number) => void): void {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") return exit(0);
    // Standard error reporting its own failure would fail again: say nothing then.
    if (report !== stream) report.write(`beckon: cannot write ${name} (${error.message})\n`, () => exit(1));
    else exit(1);
  });
}
