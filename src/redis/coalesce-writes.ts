import type { Writable } from "node:stream";
import type { Cluster, Redis } from "ioredis";
import type { RedisClient } from "./open-client.js";

/**
 * The most calls whose commands wait for one socket write, per connection held (on Redis Cluster, 8 calls for each
 * node): past this, what is held leaves and the next calls are held anew. One write for a whole turn makes the two
 * sides take turns: Redis waits while this process works out every call resumed in the turn (replies that arrived
 * together resume many calls), then this process waits while Redis runs them all. Writes of 8 let Redis start on the
 * first calls while the rest are still being worked out, for a few more system calls.
 */
export const CALLS_PER_WRITE = 8;

/**
 * Makes the commands a client is given in one turn of the event loop leave in few socket writes per connection. ioredis
 * writes each command to its socket as it is sent, one system call each; a server answering many visitors at once has
 * many calls resume in the same turn (their replies arrived together), and each sends its next command. `hold()` corks
 * the client's connected sockets for the rest of the turn and uncorks them on the next tick, which runs once the turn's
 * promise callbacks are done; every {@link CALLS_PER_WRITE} calls of the turn (per socket held), what is held leaves at
 * once. The commands go out in the order they were sent, nothing waits longer than its turn, and a connection that is
 * not ready is left alone (ioredis queues its commands itself). With Redis Cluster every node's socket is held. Call
 * `hold()` once per call, before its command is sent.
 *
 * @example
 * const hold = writeCoalescer(client);
 * hold(); // then send commands as usual; they are written together at the end of this turn, or with the next 7 calls'
 */
export function writeCoalescer(client: RedisClient, beforeWrite?: () => void): () => void {
  let held: Writable[] | null = null;
  let calls = 0;
  let limit = CALLS_PER_WRITE;
  const release = (): void => {
    beforeWrite?.();
    const streams = held ?? [];
    held = null;
    for (const stream of streams) stream.uncork();
  };
  return () => {
    if (held === null) {
      held = readyStreams(client);
      for (const stream of held) stream.cork();
      calls = 1;
      limit = CALLS_PER_WRITE * Math.max(1, held.length);
      process.nextTick(release);
      return;
    }
    if (++calls <= limit) return;
    // The previous calls' commands leave now; this call's and the next ones' are held for the next write.
    calls = 1;
    beforeWrite?.();
    for (const stream of held) {
      stream.uncork();
      stream.cork();
    }
  };
}

/** The sockets of the client's connections that are ready for commands. */
function readyStreams(client: RedisClient): Writable[] {
  if (!client.isCluster) return (client as Redis).status === "ready" ? [(client as Redis).stream] : [];
  const streams: Writable[] = [];
  for (const node of (client as Cluster).nodes("all")) if (node.status === "ready") streams.push(node.stream);
  return streams;
}
