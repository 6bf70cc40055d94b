// Counts what really leaves through sockets: the Redis tests' check that coalesced writes are one write, not many.
import type { Writable } from "node:stream";

/**
 * Starts counting the writes of `streams` — one per chunk written alone (`_write`) or per batch written at once
 * (`_writev`) — and returns a function that reads the count so far.
 *
 * @example
 * const writes = countSocketWrites([client.stream]);
 * await client.ping(); // writes() => 1
 */
export function countSocketWrites(streams: readonly Writable[]): () => number {
  let writes = 0;
  for (const stream of streams) {
    const methods = stream as unknown as Record<"_write" | "_writev", (...rest: unknown[]) => void>;
    for (const method of ["_write", "_writev"] as const) {
      const original = methods[method].bind(stream);
      methods[method] = (...rest: unknown[]) => {
        writes++;
        original(...rest);
      };
    }
  }
  return () => writes;
}
