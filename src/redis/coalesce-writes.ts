import type { Writable } from "node:stream";
import type { Cluster, Redis } from "ioredis";
import type { RedisClient } from "./open-client.js";

/**
 * Makes the commands a client is given in one turn of the event loop leave in one socket write per connection.
 * ioredis writes each command to its socket as it is sent, one system call each; a server answering many visitors
 * at once has many calls resume in the same turn (their replies arrived together), and each sends its next command.
 * `hold()` corks the client's connected sockets for the rest of the turn (once per turn, whoever calls it) and uncorks
 * them on the next tick, which runs once the turn's promise callbacks are done: the commands queued meanwhile go out
 * in one `writev`, in the order they were sent. Nothing waits longer than that turn, and a connection that is not
 * ready is left alone (ioredis queues its commands itself). With Redis Cluster every node's socket is held.
 *
 * @example
 * const hold = writeCoalescer(client);
 * hold(); // then send commands as usual; they are written together at the end of this turn
 */
export function writeCoalescer(client: RedisClient): () => void {
  let held: Writable[] | null = null;
  const release = (): void => {
    const streams = held ?? [];
    held = null;
    for (const stream of streams) stream.uncork();
  };
  return () => {
    if (held !== null) return;
    held = readyStreams(client);
    for (const stream of held) stream.cork();
    process.nextTick(release);
  };
}

/** The sockets of the client's connections that are ready for commands. */
function readyStreams(client: RedisClient): Writable[] {
  if (!client.isCluster) return (client as Redis).status === "ready" ? [(client as Redis).stream] : [];
  const streams: Writable[] = [];
  for (const node of (client as Cluster).nodes("all")) if (node.status === "ready") streams.push(node.stream);
  return streams;
}
