// The `beckon` executable spawned as a user runs it: the source entry through tsx (scripts/smoke-dist.mjs runs the
// built dist/cli.js the same way), in test/cli/files/, colour left to the command's own terminal check.
import { spawn, type ChildProcess, type StdioOptions } from "node:child_process";
import { join } from "node:path";

const root = join(import.meta.dirname, "..", "..");
const files = join(import.meta.dirname, "files");

/** What one run of the executable gave. */
export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Starts `beckon …args` in test/cli/files/ with the given standard streams, for a test that handles them itself. */
export function startBeckon(args: string[], stdio: StdioOptions = "pipe"): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", join(root, "src/cli/index.ts"), ...args], {
    cwd: files,
    env: { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined },
    stdio,
  });
}

/** Runs `beckon …args` in test/cli/files/, with `stdin` on standard input. */
export function beckon(args: string[], stdin: string | Uint8Array = ""): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = startBeckon(args) as ChildProcess & { stdin: NodeJS.WritableStream; stdout: NodeJS.ReadableStream; stderr: NodeJS.ReadableStream };
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}
