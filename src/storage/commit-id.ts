import { randomBytes } from "node:crypto";

// 96 random bits drawn once per process, then a counter: as unique as a random UUID per write (no two processes
// draw the same prefix in practice, and one process never repeats its counter), for a string join instead of a
// random draw and its formatting on every write.
const PROCESS = randomBytes(12).toString("base64url");
let written = 0;

/**
 * A new commit id, never used before by any writer: the tag a stored record carries next to its version, so a
 * version that starts again at 1 (after an expiry, a purge or an erasure) never matches a tag from before, and a
 * resent write that already landed finds its own id. No spaces, so it can travel inside a space-separated argument.
 *
 * @example
 * newCommitId() // => "3q2-7wLkXo0Hc1Zb.1a": the process's prefix, then its count of ids so far in base 36
 */
export function newCommitId(): string {
  written += 1;
  return `${PROCESS}.${written.toString(36)}`;
}
