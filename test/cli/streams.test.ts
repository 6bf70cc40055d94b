// The `beckon` executable's own streams failing under it: a reader that stops reading (EPIPE), a full disk (ENOSPC).
import { openSync, closeSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { startBeckon } from "./run-beckon.js";

/** An invitations file large enough that lint's report fills a pipe: 3 000 invitations, one note each. */
const BIG = JSON.stringify(Array.from({ length: 3000 }, (_, i) => ({ id: `i${i}`, message: "m" })));

function ended(child: ReturnType<typeof startBeckon>): Promise<{ code: number | null; stderr: string }> {
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stderr }));
  });
}

describe.concurrent("beckon's standard streams (the executable)", { timeout: 120_000 }, () => {
  it("ends quietly with exit code 0 when the reader stops reading (EPIPE: beckon lint big.json | head -1)", async () => {
    const child = startBeckon(["lint", "-", "--at", "0"]);
    // The first chunk read, the pipe is closed: the rest of the report meets a closed pipe.
    child.stdout?.once("data", () => child.stdout?.destroy());
    child.stdin?.end(BIG);
    expect(await ended(child)).toEqual({ code: 0, stderr: "" });
  });

  // /dev/full is Linux's (CI runs there): a test that cannot run fails rather than skipping.
  it("says in one line that standard output cannot be written, exit 1 (ENOSPC: > /dev/full)", async () => {
    const full = openSync("/dev/full", "w");
    try {
      const child = startBeckon(["validate", "valid.json"], ["ignore", full, "pipe"]);
      expect(await ended(child)).toEqual({ code: 1, stderr: "beckon: cannot write standard output (ENOSPC: no space left on device, write)\n" });
    } finally {
      closeSync(full);
    }
  });
});
